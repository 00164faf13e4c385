using InternalCustomer.Feedback.Statistics;

namespace InternalCustomer.Tests.Feedback.Statistics;

/// <summary>
/// Regression tests for issue 15, "What was found" 6: <c>WelchTTest.FromMoments(varianceX: 1e308, ...)</c>
/// overflowed (SE⁴ = ∞, so df = ∞/∞ = NaN) and threw from the confidence interval.
/// </summary>
public sealed class WelchTTestLimitTests
{
    [Fact]
    public void A_variance_of_1e308_is_computed_without_overflow()
    {
        // nx = ny = 10, s²x = 1e308, s²y = 1: SE = sqrt(1e307 + 0.1) = sqrt(1e307) ≈ 3.1622776601683794e153;
        // df = (vx + vy)² / (vx²/9 + vy²/9) = 9 to double precision; t = 1 / SE;
        // s_p = sqrt((9·1e308 + 9·1)/18) = sqrt(5e307) ≈ 7.0710678118654752e153, d = 1 / s_p.
        var r = WelchTTest.FromMoments(10, 3, 1e308, 10, 2, 1);
        Assert.Equal(InternalCustomer.EstimateStatus.Estimated, r.Status);
        Assert.Equal(1.0, r.Difference);
        Assert.Equal(3.1622776601683794e153, r.StandardError!.Value, 3.1622776601683794e153 * 1e-14);
        Assert.Equal(9.0, r.DegreesOfFreedom!.Value, 1e-12);
        Assert.Equal(1 / 3.1622776601683794e153, r.T!.Value, 1e-14 / 3.1622776601683794e153);
        Assert.Equal(1.0, r.PValue!.Value, 12);
        Assert.Equal(1 / 7.0710678118654752e153, r.CohensD!.Value, 1e-14 / 7.0710678118654752e153);
        Assert.False(double.IsNaN(r.Interval!.Value.Lower) || double.IsInfinity(r.Interval.Value.Lower));
        Assert.True(r.Interval.Value.Lower < 0 && r.Interval.Value.Upper > 0);
    }

    [Fact]
    public void The_largest_variances_on_both_sides_are_computed_without_overflow()
    {
        // Equal variances and sizes: df = (2v)²/(2v²/9) = 18; SE = sqrt(2·MaxValue/10).
        var r = WelchTTest.FromMoments(10, 3, double.MaxValue, 10, 2, double.MaxValue);
        Assert.Equal(18.0, r.DegreesOfFreedom!.Value, 1e-12);
        Assert.Equal(Math.Sqrt(double.MaxValue / 5), r.StandardError!.Value, Math.Sqrt(double.MaxValue / 5) * 1e-14);
    }

    [Fact]
    public void Means_whose_difference_overflows_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => WelchTTest.FromMoments(10, 1e308, 1, 10, -1e308, 1));
        Assert.Equal("meanY", e.ParamName);
        Assert.StartsWith("Expected means whose difference is a finite double; got 1E+308 and -1E+308.", e.Message);
    }
}
