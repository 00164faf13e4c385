using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Organizations;

public class DepartmentIdTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("it-service-desk")]
    [InlineData("prod.line_A-2")]
    [InlineData("人力资源部")]
    [InlineData("Qualité")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")] // 64 characters
    public void Parse_accepts_ids_that_follow_the_rule(string text)
    {
        var id = DepartmentId.Parse(text);

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        Assert.False(id.IsDefault);
    }

    [Theory]
    [InlineData("", "got an empty string")]
    [InlineData("it desk", "which has 'U+0020' at position 2")]
    [InlineData("finance/payroll", "which has '/' at position 7")]
    [InlineData("tab\there", "which has 'U+0009' at position 3")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234", "got 65 characters")]
    public void Parse_rejects_ids_that_break_the_rule_and_says_why(string text, string expectedFragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => DepartmentId.Parse(text));

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_null_with_ArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DepartmentId.Parse(null!));

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("got null", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("ok", true)]
    public void TryParse_reports_validity_without_throwing(string? text, bool expected)
    {
        Assert.Equal(expected, DepartmentId.TryParse(text, out var id));
        Assert.Equal(expected ? text : string.Empty, id.Value);
    }

    [Fact]
    public void Default_is_recognisable_and_has_empty_value()
    {
        DepartmentId id = default;

        Assert.True(id.IsDefault);
        Assert.Equal(string.Empty, id.Value);
        Assert.True(id < DepartmentId.Parse("a"));
    }

    [Fact]
    public void Comparison_is_ordinal_and_case_sensitive()
    {
        var upper = DepartmentId.Parse("B");
        var lower = DepartmentId.Parse("a");

        // Ordinal: 'B' (U+0042) sorts before 'a' (U+0061), unlike a culture-aware comparison.
        Assert.True(upper < lower);
        Assert.NotEqual(DepartmentId.Parse("it"), DepartmentId.Parse("IT"));
    }

    [Fact]
    public void CompareTo_object_rejects_other_types()
    {
        var ex = Assert.Throws<ArgumentException>(() => DepartmentId.Parse("a").CompareTo("a"));

        Assert.Equal("obj", ex.ParamName);
        Assert.Contains("Expected a DepartmentId; got String", ex.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Equality_and_hashing_agree_with_the_text(DepartmentId a, DepartmentId b) =>
        (a == b) == string.Equals(a.Value, b.Value, StringComparison.Ordinal)
        && (a.Equals(b) == (a == b))
        && (a != b) == !(a == b)
        && (!(a == b) || a.GetHashCode() == b.GetHashCode())
        && a.Equals((object)a)
        && a == DepartmentId.Parse(a.Value);

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Ordering_is_a_total_order_consistent_with_equality(DepartmentId a, DepartmentId b, DepartmentId c)
    {
        var antisymmetric = Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));
        var consistent = (a.CompareTo(b) == 0) == (a == b);
        var transitive = !(a <= b && b <= c) || a <= c;
        var operators = (a < b) == (a.CompareTo(b) < 0) && (a >= b) == !(a < b) && (a > b) == (b < a);
        return antisymmetric && consistent && transitive && operators;
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Parse_round_trips_through_the_text(DepartmentId id) =>
        DepartmentId.TryParse(id.ToString(), out var again) && again == id && ServiceId.Parse(id.Value).Value == id.Value;

    [Property]
    public Property Any_string_is_either_accepted_or_rejected_with_an_ArgumentException(string? text)
    {
        var accepted = DepartmentId.TryParse(text, out _);
        try
        {
            DepartmentId.Parse(text!);
            return accepted.ToProperty();
        }
        catch (ArgumentException ex)
        {
            return (!accepted && ex.ParamName == "value").ToProperty();
        }
    }
}
