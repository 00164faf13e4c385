namespace InternalCustomer.Feedback;

/// <summary>Whether a <see cref="MetricEstimate"/> has a value and an interval, and if not, why not.</summary>
public enum EstimateStatus
{
    /// <summary>Value and confidence interval are both available.</summary>
    Estimated = 0,

    /// <summary>No data: no value (or only the prior, for a smoothed average) and no interval.</summary>
    NoData = 1,

    /// <summary>A value but no interval: too few observations (for example one rating, where a t interval has no degrees of freedom).</summary>
    TooFewForInterval = 2,

    /// <summary>A value but no interval: every observation is the same, so the sample variance is zero and a variance-based interval would claim false certainty.</summary>
    ZeroVariance = 3,
}
