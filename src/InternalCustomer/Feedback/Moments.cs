namespace InternalCustomer.Feedback;

/// <summary>The parallel moment update of Chan, Golub &amp; LeVeque (1979), shared by the mergeable summaries.</summary>
internal static class Moments
{
    /// <summary>
    /// Combines (count, mean, M2) of two disjoint samples. The operands are put in a canonical order
    /// (by count, then mean, then M2) so the result does not depend on argument order.
    /// </summary>
    internal static (double Mean, double M2) Chan(double nA, double meanA, double m2A, double nB, double meanB, double m2B)
    {
        if (nA > nB || (nA == nB && (meanA > meanB || (meanA == meanB && m2A > m2B))))
        {
            (nA, meanA, m2A, nB, meanB, m2B) = (nB, meanB, m2B, nA, meanA, m2A);
        }

        var n = nA + nB;
        var delta = meanB - meanA;
        var mean = meanA + (delta * (nB / n));
        var m2 = m2A + m2B + (delta * delta * (nA * nB / n));
        return (mean, m2);
    }
}
