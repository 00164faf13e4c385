using System.Runtime.InteropServices;
using MathNet.Numerics.Distributions;

namespace InternalCustomer.Feedback;

/// <summary>
/// The upper (1 + level) / 2 quantiles of Student's t at one confidence level, each degree of freedom solved once.
/// MathNet's <c>StudentT.InvCDF</c> finds the quantile by root-finding on the CDF, about 7–15 µs a call; a scorecard
/// asks for one per relationship mean and one per relationship trend, but the degrees of freedom are response counts
/// and repeat (measured on the 1,000-department / 10,000-agreement / 1M-response scenario: 20,000 calls took ~145 ms
/// of the scorecard; with this memo the means and trends take ~6 ms). Each quantile is the very value <see cref="Quantile"/> returns,
/// so a result does not depend on whether it was remembered. One memo per computation; not thread-safe.
/// </summary>
internal sealed class StudentTQuantiles
{
    private readonly Dictionary<double, double> _byFreedom = [];

    /// <summary>Creates an empty memo for one confidence level.</summary>
    /// <param name="level">The confidence level in (0, 1), already checked by the caller.</param>
    internal StudentTQuantiles(double level) => Level = level;

    /// <summary>Gets the confidence level.</summary>
    internal double Level { get; }

    /// <summary>The upper (1 + level) / 2 quantile of Student's t; MathNet's <c>StudentT.InvCDF</c>.</summary>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <param name="degreesOfFreedom">The degrees of freedom, &gt; 0.</param>
    /// <returns>The quantile.</returns>
    internal static double Quantile(double level, double degreesOfFreedom) =>
        StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, 0.5 + (level / 2.0));

    /// <summary>The quantile of <see cref="Quantile"/> at <see cref="Level"/>, solved on the first request for these degrees of freedom.</summary>
    /// <param name="degreesOfFreedom">The degrees of freedom, &gt; 0.</param>
    /// <returns>The quantile.</returns>
    internal double Of(double degreesOfFreedom)
    {
        ref var quantile = ref CollectionsMarshal.GetValueRefOrAddDefault(_byFreedom, degreesOfFreedom, out var known);
        if (!known)
        {
            quantile = Quantile(Level, degreesOfFreedom);
        }

        return quantile;
    }
}
