namespace InternalCustomer.Feedback.Statistics;

/// <summary>How much of an inferential result could be computed from the data it was given.</summary>
/// <remarks>
/// A result never reports NaN and never throws for small or degenerate samples: the parts that cannot be
/// computed are <see langword="null"/> and the status says why.
/// </remarks>
public enum InferenceStatus
{
    /// <summary>The estimate, its standard error, interval and p-value are all available.</summary>
    Complete = 0,

    /// <summary>Too few observations for some or all of the result (for example n = 0, 1 or 2 for a trend);
    /// whatever could be computed is set, the rest is <see langword="null"/>.</summary>
    NotEnoughData = 1,

    /// <summary>The data have no spread where the method needs some (all scores equal, all instants equal,
    /// a constant overall rating); the estimate is set where it is defined, the test statistic and p-value are
    /// <see langword="null"/>.</summary>
    ZeroVariance = 2,
}
