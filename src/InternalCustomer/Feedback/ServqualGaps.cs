using System.Collections.Immutable;

namespace InternalCustomer.Feedback;

/// <summary>SERVQUAL gaps per dimension and the importance-weighted overall gap.</summary>
public sealed record ServqualGaps
{
    internal ServqualGaps(ImmutableArray<DimensionGap> dimensions, MetricEstimate overall)
    {
        Dimensions = dimensions;
        Overall = overall;
    }

    /// <summary>Gets the result per dimension, in the order of the dimension set.</summary>
    public ImmutableArray<DimensionGap> Dimensions { get; }

    /// <summary>
    /// Gets the weighted overall gap: the mean over responses that rated every dimension both ways of
    /// <c>Σ w_d (P_d − E_d)</c>, with a t interval. It equals <c>Σ w_d · gap_d</c> when every response is complete.
    /// </summary>
    public MetricEstimate Overall { get; }
}
