using InternalCustomer.Feedback;

namespace InternalCustomer.Tests.Feedback;

public class RatingScaleTests
{
    [Fact]
    public void Declared_scales_have_their_bounds()
    {
        Assert.Equal((1, 5, 5), (RatingScale.FivePoint.Min, RatingScale.FivePoint.Max, RatingScale.FivePoint.Points));
        Assert.Equal((0, 10, 11), (RatingScale.ZeroToTen.Min, RatingScale.ZeroToTen.Max, RatingScale.ZeroToTen.Points));
        Assert.Equal((1, 7, 7), (RatingScale.SevenPoint.Min, RatingScale.SevenPoint.Max, RatingScale.SevenPoint.Points));
        Assert.Equal(RatingScale.FivePoint, RatingScale.Likert(5));
        Assert.Equal(RatingScale.ZeroToTen, RatingScale.Custom(0, 10));
        Assert.Equal("-3–3", RatingScale.Custom(-3, 3).ToString());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(int.MinValue, false)]
    [InlineData(int.MaxValue, false)]
    public void Contains_integer_boundaries(int rating, bool expected) => Assert.Equal(expected, RatingScale.FivePoint.Contains(rating));

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(3.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, false)]
    [InlineData(5.000000001, false)]
    public void Contains_real_values_only_at_whole_points(double rating, bool expected) =>
        Assert.Equal(expected, RatingScale.FivePoint.Contains(rating));

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(1002)]
    public void Likert_rejects_a_bad_number_of_points(int points)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.Likert(points));
        Assert.Equal("points", e.ParamName);
        Assert.StartsWith($"A Likert scale must have 2 to 1001 points; got {points}.", e.Message);
    }

    [Fact]
    public void Custom_rejects_max_not_above_min_and_too_many_points()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.Custom(5, 5));
        Assert.Equal("max", e.ParamName);
        Assert.StartsWith("A scale's maximum must be greater than its minimum 5; got 5.", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.Custom(int.MinValue, int.MaxValue));
        Assert.Equal("max", e.ParamName);
        Assert.StartsWith("A scale may have at most 1001 points; got 4294967296", e.Message);
    }

    [Theory]
    [InlineData(6.0, "Rating 'overall' must be a point of the 1–5 scale; got 6.")]
    [InlineData(2.5, "Rating 'overall' must be a whole point of the 1–5 scale; got 2.5.")]
    [InlineData(double.NaN, "Rating 'overall' must be a finite whole point of the 1–5 scale; got NaN.")]
    [InlineData(double.PositiveInfinity, "Rating 'overall' must be a finite whole point of the 1–5 scale; got Infinity.")]
    public void Validate_names_field_and_value(double rating, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.FivePoint.Validate(rating, "overall"));
        Assert.Equal("overall", e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Validate_returns_valid_points()
    {
        Assert.Equal(4, RatingScale.FivePoint.Validate(4, "overall"));
        Assert.Equal(4, RatingScale.FivePoint.Validate(4.0, "overall"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.ZeroToTen.Validate(11, "recommend"));
        Assert.Equal("recommend", e.ParamName);
        Assert.StartsWith("Rating 'recommend' must be a point of the 0–10 scale; got 11.", e.Message);
    }
}
