namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="KeyDriverAnalysis"/>: R² and one <see cref="DriverEstimate"/> per dimension.</summary>
/// <remarks>See the remarks of <see cref="KeyDriverAnalysis"/> for formulas and degenerate data.</remarks>
public sealed record KeyDriverResult
{
    internal KeyDriverResult(long count, EstimateStatus status, double? rSquared, IReadOnlyList<DriverEstimate> drivers, double level)
    {
        Count = count;
        Status = status;
        RSquared = rSquared;
        Drivers = drivers;
        Level = level;
    }

    /// <summary>Gets the number of responses.</summary>
    public long Count { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the share of the overall rating's variance explained by the dimensions together (the sum of the
    /// relative weights); <see langword="null"/> when the regression cannot be fitted.</summary>
    public double? RSquared { get; }

    /// <summary>Gets one estimate per dimension, in column order.</summary>
    public IReadOnlyList<DriverEstimate> Drivers { get; }

    /// <summary>Gets the confidence level of the correlation intervals.</summary>
    public double Level { get; }

    /// <summary>Returns each dimension's relative weight as a share of R² (rescaled to sum to 1), the form usually
    /// plotted; <see langword="null"/> when the weights are missing or R² is 0.</summary>
    /// <returns>The rescaled weights in column order, or <see langword="null"/>.</returns>
    public IReadOnlyList<double>? RescaledWeights()
    {
        if (RSquared is not { } r2 || r2 <= 0)
        {
            return null;
        }

        var shares = new double[Drivers.Count];
        for (var j = 0; j < shares.Length; j++)
        {
            shares[j] = (Drivers[j].RelativeWeight ?? 0.0) / r2;
        }

        return Array.AsReadOnly(shares);
    }
}
