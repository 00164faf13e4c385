using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Organizations;

public class DepartmentTests
{
    private static readonly DepartmentId Hr = DepartmentId.Parse("hr");

    [Fact]
    public void Constructor_keeps_every_part()
    {
        var parent = DepartmentId.Parse("corporate");
        var department = new Department(Hr, "人力资源部", parent, "People and payroll");

        Assert.Equal(Hr, department.Id);
        Assert.Equal("人力资源部", department.Name);
        Assert.Equal(parent, department.Parent);
        Assert.Equal("People and payroll", department.Description);
        Assert.Equal(department, new Department(Hr, "人力资源部", parent, "People and payroll"));
    }

    [Fact]
    public void Null_name_is_rejected_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new Department(Hr, null!));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains("A name must be non-blank text; got null.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_name_is_rejected_showing_the_value(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Department(Hr, name));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains($"A name must be non-blank text; got \"{name}\".", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ids_are_rejected()
    {
        var id = Assert.Throws<ArgumentException>(() => new Department(default, "HR"));
        var parent = Assert.Throws<ArgumentException>(() => new Department(Hr, "HR", default(DepartmentId)));

        Assert.Equal("id", id.ParamName);
        Assert.Equal("parent", parent.ParamName);
        Assert.Contains("got default(DepartmentId)", id.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_and_dependency_validate_their_arguments()
    {
        var it = DepartmentId.Parse("it");
        var noName = Assert.Throws<ArgumentException>(() => new Service(ServiceId.Parse("svc"), " ", it));
        var self = Assert.Throws<ArgumentException>(() => new DeclaredDependency(it, it));
        var volume = Assert.Throws<ArgumentOutOfRangeException>(() => new DeclaredDependency(it, Hr, volume: double.NaN));

        Assert.Equal("name", noName.ParamName);
        Assert.Equal("consumer", self.ParamName);
        Assert.Contains("cannot depend on itself; got provider and consumer both 'it'", self.Message, StringComparison.Ordinal);
        Assert.Equal("volume", volume.ParamName);
        Assert.Contains("Volume must be a finite number >= 0; got NaN.", volume.Message, StringComparison.Ordinal);
        Assert.Equal(Criticality.Medium, new DeclaredDependency(it, Hr).Criticality);
    }
}
