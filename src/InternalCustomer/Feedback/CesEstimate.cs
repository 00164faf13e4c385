namespace InternalCustomer.Feedback;

/// <summary>The customer effort score: the share of effort ratings at or above a threshold, and the mean effort.</summary>
/// <remarks>Effort is rated 1–7 with 7 = "very easy" (agreement with "the department made it easy to get what I needed").</remarks>
public sealed record CesEstimate
{
    internal CesEstimate(int threshold, MetricEstimate share, MetricEstimate mean)
    {
        Threshold = threshold;
        Share = share;
        Mean = mean;
    }

    /// <summary>Gets the threshold: ratings at or above it count as "easy".</summary>
    public int Threshold { get; }

    /// <summary>Gets the share of ratings at or above <see cref="Threshold"/>, in [0, 1], with a Wilson score interval.</summary>
    public MetricEstimate Share { get; }

    /// <summary>Gets the mean effort rating with a Student-t interval.</summary>
    public MetricEstimate Mean { get; }
}
