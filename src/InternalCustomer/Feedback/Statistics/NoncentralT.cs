using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>The distribution function of the noncentral t distribution (MathNet has none).</summary>
/// <remarks>Lenth (1989), "Algorithm AS 243: Cumulative distribution function of the non-central t distribution",
/// Applied Statistics 38(1), with the twin series of Guenther (1978) and the refinements of R's <c>pnt</c>
/// (nmath/pnt.c: error bound 1e-12, at most 1000 terms, the Abramowitz and Stegun 26.7.10 normal approximation for
/// more than 4·10⁵ degrees of freedom or a noncentrality above 37.62), so that it agrees with R's
/// <c>pt(t, df, ncp)</c>.</remarks>
internal static class NoncentralT
{
    private const int MaxIterations = 1000;
    private const double ErrorBound = 1e-12;

    /// <summary>The upper tail <c>P(T &gt; t)</c>, R's <c>pt(t, df, ncp, lower.tail = FALSE)</c>.</summary>
    internal static double UpperTail(double t, double degreesOfFreedom, double noncentrality)
    {
        if (noncentrality == 0.0)
        {
            return StudentT.CDF(0.0, 1.0, degreesOfFreedom, -t);
        }

        var (tnc, negative) = Series(t, degreesOfFreedom, noncentrality);
        if (tnc is null)
        {
            return 1.0;
        }

        // R: lower_tail = lower_tail != negdel; the upper tail of the original is the lower tail of the mirrored one when negated.
        var value = Math.Min(tnc.Value, 1.0);
        return negative ? value : 1.0 - value;
    }

    /// <summary>The lower tail <c>P(T ≤ t)</c>, R's <c>pt(t, df, ncp)</c>.</summary>
    internal static double Cdf(double t, double degreesOfFreedom, double noncentrality)
    {
        if (noncentrality == 0.0)
        {
            return StudentT.CDF(0.0, 1.0, degreesOfFreedom, t);
        }

        var (tnc, negative) = Series(t, degreesOfFreedom, noncentrality);
        if (tnc is null)
        {
            return 0.0;
        }

        var value = Math.Min(tnc.Value, 1.0);
        return negative ? 1.0 - value : value;
    }

    /// <summary>AS 243 for <c>|t|</c> and the noncentrality mirrored with it: the lower tail of the mirrored problem,
    /// or <see langword="null"/> where R returns a lower tail of 0 for the original problem (far left tail, underflow).</summary>
    private static (double? Value, bool Negative) Series(double t, double df, double ncp)
    {
        bool negative;
        double tt, del;
        if (t >= 0)
        {
            negative = false;
            tt = t;
            del = ncp;
        }
        else
        {
            if (ncp > 40)
            {
                return (null, true);
            }

            negative = true;
            tt = -t;
            del = -ncp;
        }

        if (double.IsPositiveInfinity(tt))
        {
            return (1.0, negative);
        }

        if (df > 4e5 || del * del > 2 * Math.Log(2) * 1021)
        {
            var s0 = 1.0 / (4.0 * df);
            return (Normal.CDF(del, Math.Sqrt(1.0 + (tt * tt * 2.0 * s0)), tt * (1.0 - s0)), negative);
        }

        var x = t * t;
        x /= x + df;
        double tnc;
        if (x > 0.0)
        {
            var lambda = del * del;
            var p = 0.5 * Math.Exp(-0.5 * lambda);
            if (p == 0.0)
            {
                return (null, negative);
            }

            var q = Math.Sqrt(2.0 / Math.PI) * p * del;
            var s = 0.5 - p;
            if (s < 1e-7)
            {
                s = -0.5 * SpecialFunctions.Expm1(-0.5 * lambda);
            }

            var a = 0.5;
            var b = 0.5 * df;
            var rxb = Math.Pow(1.0 - x, b);
            var albeta = (0.5 * Math.Log(Math.PI)) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(0.5 + b);
            var xodd = SpecialFunctions.BetaRegularized(a, b, x);
            var godd = 2.0 * rxb * Math.Exp((a * Math.Log(x)) - albeta);
            tnc = b * x;
            var xeven = tnc < 2.220446049250313e-16 ? tnc : 1.0 - rxb;
            var geven = tnc * rxb;
            tnc = (p * xodd) + (q * xeven);
            for (var it = 1; it <= MaxIterations; it++)
            {
                a += 1.0;
                xodd -= godd;
                xeven -= geven;
                godd *= x * (a + b - 1.0) / a;
                geven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * it);
                q *= lambda / ((2 * it) + 1);
                tnc += (p * xodd) + (q * xeven);
                s -= p;
                if (s < -1e-10 || (s <= 0 && it > 1))
                {
                    break;
                }

                var errbd = 2.0 * s * (xodd - godd);
                if (Math.Abs(errbd) < ErrorBound)
                {
                    break;
                }
            }
        }
        else
        {
            tnc = 0.0;
        }

        tnc += Normal.CDF(0.0, 1.0, -del);
        return (tnc, negative);
    }
}
