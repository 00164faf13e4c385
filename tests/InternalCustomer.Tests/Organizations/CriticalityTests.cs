namespace InternalCustomer.Tests.Organizations;

public class CriticalityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void From_accepts_one_to_five(int value) => Assert.Equal(value, Criticality.From(value).Value);

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void From_rejects_values_outside_one_to_five(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Criticality.From(value));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith($"Criticality must be an integer from 1 to 5; got {value}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_is_medium_not_zero()
    {
        Assert.Equal(3, default(Criticality).Value);
        Assert.Equal(Criticality.Medium, default);
    }

    [Fact]
    public void Ordering_follows_the_value()
    {
        Assert.True(Criticality.Lowest < Criticality.Medium);
        Assert.True(Criticality.Highest > Criticality.From(4));
        Assert.True(Criticality.From(2) <= Criticality.From(2));
        Assert.Equal("5", Criticality.Highest.ToString());
    }
}
