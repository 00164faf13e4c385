namespace InternalCustomer;

/// <summary>How much of an estimate, an interval or a test could be computed from the data it was given, and if
/// not all of it, why not.</summary>
/// <remarks>
/// The one status vocabulary of the library: metrics (<c>MetricEstimate</c>), inferential results (trend, Welch,
/// Mann–Whitney, NPS difference, key drivers) and scorecards use it. A result never reports NaN and never throws
/// for small or degenerate samples: the parts that cannot be computed are <see langword="null"/> and the status
/// says why.
/// </remarks>
public enum EstimateStatus
{
    /// <summary>Everything is available: the estimate, its interval (and, for a test, its statistic and p-value).</summary>
    Estimated = 0,

    /// <summary>No data: no value (or only the prior, for a smoothed average) and no interval.</summary>
    NoData = 1,

    /// <summary>Some data, but too few observations for some or all of the result (one rating, where a t interval
    /// has no degrees of freedom; n = 2 for a trend): whatever could be computed is set, the rest is
    /// <see langword="null"/>.</summary>
    NotEnoughData = 2,

    /// <summary>The data have no spread where the method needs some (every rating the same, all instants equal, a
    /// constant overall rating): the estimate is set where it is defined; a variance-based interval, the test
    /// statistic and the p-value are <see langword="null"/>, since they would claim false certainty.</summary>
    ZeroVariance = 3,
}
