using InternalCustomer.Dependencies;

namespace InternalCustomer.Tests.Dependencies;

public sealed class DependencyEdgeTests
{
    private static readonly DepartmentId Sales = DepartmentId.Parse("sales");

    [Fact]
    public void Self_dependency_is_rejected_with_the_department_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DependencyEdge(Sales, Sales));
        Assert.Equal("consumer", ex.ParamName);
        Assert.StartsWith("A department cannot depend on itself; got provider and consumer both 'sales'.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Criticality_outside_1_to_5_is_rejected(int criticality)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DependencyEdge.Create("finance", "sales", criticality));
        Assert.Equal("criticality", ex.ParamName);
        Assert.StartsWith($"Criticality must be an integer from 1 to 5; got {criticality}.", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Criticality_at_the_bounds_is_accepted(int criticality) =>
        Assert.Equal(criticality, DependencyEdge.Create("finance", "sales", criticality).Criticality.Value);

    [Fact]
    public void Bad_id_text_is_rejected_with_the_parameter_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => DependencyEdge.Create("finance", "sales team"));
        Assert.Equal("consumer", ex.ParamName);
        Assert.StartsWith("Expected a department id (1 to 64 letters, digits, '-', '_' or '.'); got \"sales team\".", ex.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Volume_must_be_finite_and_not_negative(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DependencyEdge.Create("finance", "sales", 3, volume));
        Assert.Equal("volume", ex.ParamName);
        Assert.StartsWith("Volume must be a finite number >= 0; got ", ex.Message);
    }

    [Fact]
    public void Source_none_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DependencyEdge.Create("finance", "sales", 3, null, DependencySource.None));
        Assert.Equal("source", ex.ParamName);
        Assert.StartsWith("Source must be Declared, Agreement or both; got None.", ex.Message);
    }

    [Fact]
    public void Default_id_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DependencyEdge(Sales, default));
        Assert.Equal("consumer", ex.ParamName);
        Assert.StartsWith("Expected a parsed DepartmentId; got default(DepartmentId).", ex.Message);
    }
}
