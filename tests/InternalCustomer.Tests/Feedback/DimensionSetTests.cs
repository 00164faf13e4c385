using InternalCustomer.Feedback;

namespace InternalCustomer.Tests.Feedback;

public class DimensionSetTests
{
    [Fact]
    public void Servqual_is_the_five_dimensions_with_equal_weights_on_seven_points()
    {
        var s = DimensionSet.Servqual;
        Assert.Equal(["reliability", "responsiveness", "assurance", "empathy", "tangibles"], s.Names.ToArray());
        Assert.All(s.Weights, w => Assert.Equal(0.2, w));
        Assert.Equal(RatingScale.SevenPoint, s.Scale);
        Assert.Equal(3, s.IndexOf("empathy"));
        Assert.True(s.Contains("tangibles"));
        Assert.False(s.Contains("Tangibles"));
    }

    [Fact]
    public void Weights_are_normalised_and_can_be_replaced()
    {
        // 3, 1 → 0.75, 0.25
        var s = DimensionSet.Create(RatingScale.FivePoint, [new("speed", 3), new("accuracy", 1)]);
        Assert.Equal([0.75, 0.25], s.Weights.ToArray());
        Assert.Equal(0.25, s.WeightOf("accuracy"));
        var r = s.WithWeights(new Dictionary<string, double> { ["speed"] = 1, ["accuracy"] = 1 });
        Assert.Equal([0.5, 0.5], r.Weights.ToArray());
        Assert.NotEqual(s, r);
        Assert.Equal(s, DimensionSet.Create(RatingScale.FivePoint, [new("speed", 6), new("accuracy", 2)]));
    }

    [Theory]
    [InlineData(" ", 1.0, "A dimension name must be non-blank text; got \" \".")]
    [InlineData("speed", -1.0, "The weight of dimension \"speed\" must be finite and non-negative; got -1.")]
    [InlineData("speed", double.NaN, "The weight of dimension \"speed\" must be finite and non-negative; got NaN.")]
    [InlineData("speed", 0.0, "At least one dimension weight must be positive; got all zero.")]
    public void Bad_dimensions_are_rejected(string name, double weight, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DimensionSet.Create(RatingScale.FivePoint, [new(name, weight)]));
        Assert.Equal("dimensions", e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Empty_duplicate_unknown_and_missing_dimensions_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => DimensionSet.Create(RatingScale.FivePoint, []));
        Assert.StartsWith("A dimension set needs at least one dimension; got none.", e.Message);
        e = Assert.Throws<ArgumentException>(() => DimensionSet.Create(RatingScale.FivePoint, [new("a", 1), new("a", 2)]));
        Assert.StartsWith("Dimension names must be unique; got \"a\" twice.", e.Message);
        e = Assert.Throws<ArgumentException>(() => DimensionSet.Servqual.WeightOf("price"));
        Assert.Equal("dimension", e.ParamName);
        Assert.StartsWith("Unknown dimension \"price\"; expected one of: reliability, responsiveness, assurance, empathy, tangibles.", e.Message);
        e = Assert.Throws<ArgumentException>(() => DimensionSet.Servqual.WithWeights(new Dictionary<string, double> { ["price"] = 1 }));
        Assert.Equal("weights", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => DimensionSet.Servqual.WithWeights(new Dictionary<string, double> { ["reliability"] = 1 }));
        Assert.Equal("weights", e.ParamName);
        Assert.StartsWith("Expected a weight for dimension \"responsiveness\"; got none.", e.Message);
        var negative = DimensionSet.Servqual.Names.ToDictionary(n => n, n => n == "empathy" ? -1.0 : 1.0);
        e = Assert.Throws<ArgumentException>(() => DimensionSet.Servqual.WithWeights(negative));
        Assert.Equal("weights", e.ParamName);
        Assert.Equal("The weight of dimension \"empathy\" must be finite and non-negative; got -1. (Parameter 'weights')", e.Message);
    }
}
