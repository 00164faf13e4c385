using InternalCustomer.Feedback;

namespace InternalCustomer.Tests.Feedback;

public sealed class StudentTQuantilesTests
{
    // R: qt(0.975, df) for df = 1, 10, 98; qt(0.95, 5); qt(0.995, 2.5).
    [Theory]
    [InlineData(0.95, 1.0, 12.706204736174694)]
    [InlineData(0.95, 10.0, 2.2281388519862739)]
    [InlineData(0.95, 98.0, 1.9844674545084815)]
    [InlineData(0.90, 5.0, 2.0150483733330224)]
    [InlineData(0.99, 2.5, 7.1637281389488026)]
    public void Remembered_quantiles_are_the_t_quantiles_of_R(double level, double df, double expected)
    {
        var memo = new StudentTQuantiles(level);
        var first = memo.Of(df);
        var again = memo.Of(df);
        Assert.Equal(expected, first, 1e-9 * expected);
        Assert.Equal(StudentTQuantiles.Quantile(level, df), first);
        Assert.Equal(first, again);
        Assert.Equal(level, memo.Level);
    }

    [Fact]
    public void Each_degree_of_freedom_has_its_own_quantile()
    {
        var memo = new StudentTQuantiles(0.95);
        var ten = memo.Of(10);
        var eleven = memo.Of(11);
        Assert.Equal(2.2281388519862739, ten, 1e-9);
        Assert.Equal(2.2009851600916388, eleven, 1e-9); // R: qt(0.975, 11)
        Assert.Equal(ten, memo.Of(10));
    }
}
