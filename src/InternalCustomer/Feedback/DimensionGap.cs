namespace InternalCustomer.Feedback;

/// <summary>The SERVQUAL result for one dimension: mean perception, mean expectation and the paired gap.</summary>
public sealed record DimensionGap
{
    internal DimensionGap(string dimension, double weight, MetricEstimate perception, MetricEstimate expectation, MetricEstimate gap)
    {
        Dimension = dimension;
        Weight = weight;
        Perception = perception;
        Expectation = expectation;
        Gap = gap;
    }

    /// <summary>Gets the dimension name.</summary>
    public string Dimension { get; }

    /// <summary>Gets the dimension's normalised importance weight.</summary>
    public double Weight { get; }

    /// <summary>Gets the mean perception rating (all responses that rated it) with a t interval.</summary>
    public MetricEstimate Perception { get; }

    /// <summary>Gets the mean expectation rating (all responses that rated it) with a t interval.</summary>
    public MetricEstimate Expectation { get; }

    /// <summary>Gets the mean paired gap, perception − expectation over responses that rated both, with a paired t interval (negative = below expectations).</summary>
    public MetricEstimate Gap { get; }
}
