using InternalCustomer.Organizations;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Organizations;

// The one problem/result vocabulary shared by the organisation's validation and the document readers.
public class ProblemTests
{
    [Fact]
    public void Paths_render_as_json_paths()
    {
        Assert.Equal("$", ProblemLocation.Root.ToString());
        Assert.Equal("$.departments[3].parent", ProblemLocation.Root.Property("departments").Element(3).Property("parent").ToString());
        Assert.Equal("$.agreements[0].services[12]", Path("agreements", 0, "services", 12).ToString());
        Assert.Equal("$['a b'].x_1", Path("a b", "x_1").ToString());
        Assert.Equal("$['it\\'s']['back\\\\slash']", Path("it's", "back\\slash").ToString());
        Assert.Equal("$['']", Path(string.Empty).ToString());
        Assert.Equal("$['perception.empathy']", Path("perception.empathy").ToString());
        Assert.Equal("$['" + new string('x', 57) + "...']", Path(new string('x', 61) + " ").ToString());
    }

    [Fact]
    public void Text_positions_render_as_line_and_column_with_the_field_below()
    {
        Assert.Equal("line 4, column 17", ProblemLocation.InText(4, 17).ToString());
        Assert.Equal("line 1", ProblemLocation.InText(1).ToString());
        Assert.Equal("line 12, column 3 (opened)", ProblemLocation.InText(12, 3).Property("opened").ToString());
        Assert.Equal("line 5 (perception.empathy)", ProblemLocation.InText(5).Property("perception.empathy").ToString());
        Assert.Equal("line 2 (pauses[1])", ProblemLocation.InText(2).Property("pauses").Element(1).ToString());
    }

    [Fact]
    public void A_location_is_data()
    {
        var location = ProblemLocation.Root.Property("services").Element(2).Property("provider");

        Assert.False(location.IsInText);
        Assert.Null(location.Line);
        Assert.Null(location.Column);
        Assert.Equal([PathSegment.Property("services"), PathSegment.Element(2), PathSegment.Property("provider")], location.Segments.ToArray());
        Assert.Equal("services", location.Segments[0].Name);
        Assert.Null(location.Segments[0].Index);
        Assert.False(location.Segments[0].IsIndex);
        Assert.Equal(2, location.Segments[1].Index);
        Assert.Null(location.Segments[1].Name);
        Assert.True(location.Segments[1].IsIndex);
        Assert.Equal("[2]", location.Segments[1].ToString());

        var text = ProblemLocation.InText(12, 3).Property("opened");
        Assert.True(text.IsInText);
        Assert.Equal(12, text.Line);
        Assert.Equal(3, text.Column);
        Assert.Equal([PathSegment.Property("opened")], text.Segments.ToArray());
    }

    [Fact]
    public void Equality_is_by_line_column_and_segments()
    {
        Assert.Equal(Path("departments", 3, "parent"), ProblemLocation.Root.Property("departments").Element(3).Property("parent"));
        Assert.Equal(Path("a").GetHashCode(), ProblemLocation.FromPath([PathSegment.Property("a")]).GetHashCode());
        Assert.True(Path("a", 1) == Path("a", 1));
        Assert.True(Path("a", 1) != Path("a", 2));
        Assert.NotEqual(Path("a", 1), Path("a", "1"));
        Assert.NotEqual(Path("a"), Path("A"));
        Assert.NotEqual(ProblemLocation.InText(1, 2), ProblemLocation.InText(1));
        Assert.NotEqual(ProblemLocation.InText(1), ProblemLocation.Root);
        Assert.Equal(ProblemLocation.InText(3, 4).Property("id"), ProblemLocation.InText(3, 4).Property("id"));
        Assert.False(Path("a").Equals(null));
        Assert.Equal(PathSegment.Element(0), default);
        Assert.NotEqual(PathSegment.Element(0), PathSegment.Property("0"));
    }

    [Fact]
    public void Contains_is_true_for_the_location_itself_and_everything_below_it()
    {
        Assert.True(ProblemLocation.Root.Contains(Path("departments", 0)));
        Assert.True(Path("departments", 0).Contains(Path("departments", 0)));
        Assert.True(Path("departments", 0).Contains(Path("departments", 0, "id")));
        Assert.False(Path("departments", 0, "id").Contains(Path("departments", 0)));
        Assert.False(Path("departments", 0).Contains(Path("departments", 1, "id")));
        Assert.False(ProblemLocation.Root.Contains(ProblemLocation.InText(1)));
        Assert.True(ProblemLocation.InText(2).Contains(ProblemLocation.InText(2, 5).Property("id")));
        Assert.True(ProblemLocation.InText(2, 5).Contains(ProblemLocation.InText(2, 5).Property("id")));
        Assert.False(ProblemLocation.InText(2, 5).Contains(ProblemLocation.InText(2, 6)));
        Assert.False(ProblemLocation.InText(2).Contains(ProblemLocation.InText(3)));
    }

    [Fact]
    public void Bad_locations_are_rejected_saying_what_came()
    {
        var line = Assert.Throws<ArgumentOutOfRangeException>(() => ProblemLocation.InText(0));
        Assert.Equal("line", line.ParamName);
        Assert.StartsWith("Expected a line number >= 1; got 0.", line.Message, StringComparison.Ordinal);

        var column = Assert.Throws<ArgumentOutOfRangeException>(() => ProblemLocation.InText(1, 0));
        Assert.Equal("column", column.ParamName);
        Assert.StartsWith("Expected a column number >= 1; got 0.", column.Message, StringComparison.Ordinal);

        var index = Assert.Throws<ArgumentOutOfRangeException>(() => ProblemLocation.Root.Element(-1));
        Assert.Equal("index", index.ParamName);
        Assert.StartsWith("Expected an index >= 0; got -1.", index.Message, StringComparison.Ordinal);

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => PathSegment.Property(null!)).ParamName);
        Assert.Equal("segments", Assert.Throws<ArgumentNullException>(() => ProblemLocation.FromPath(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => ProblemLocation.Root.Contains(null!)).ParamName);
    }

    [Fact]
    public void A_problem_is_kind_location_and_message_and_prints_location_colon_message()
    {
        var problem = new Problem(ProblemKind.UnknownReference, Path("services", 0, "provider"), "Service 'desk' names provider 'nobody', which is not a department of this organization.");

        Assert.Equal("$.services[0].provider: Service 'desk' names provider 'nobody', which is not a department of this organization.", problem.ToString());
        Assert.Equal(problem, new Problem(ProblemKind.UnknownReference, Path("services", 0, "provider"), problem.Message));
        Assert.NotEqual(problem, new Problem(ProblemKind.InvalidId, Path("services", 0, "provider"), problem.Message));
        Assert.NotEqual(problem, new Problem(ProblemKind.UnknownReference, Path("services", 1, "provider"), problem.Message));
        Assert.Equal("line 3, column 4 (agreement): x", new Problem(ProblemKind.InvalidId, ProblemLocation.InText(3, 4).Property("agreement"), "x").ToString());
    }

    [Fact]
    public void Bad_problems_are_rejected_saying_what_came()
    {
        var kind = Assert.Throws<ArgumentException>(() => new Problem((ProblemKind)99, ProblemLocation.Root, "m"));
        Assert.Equal("kind", kind.ParamName);
        Assert.StartsWith("Expected a defined ProblemKind; got 99.", kind.Message, StringComparison.Ordinal);

        var blank = Assert.Throws<ArgumentException>(() => new Problem(ProblemKind.InvalidValue, ProblemLocation.Root, "  "));
        Assert.Equal("message", blank.ParamName);
        Assert.StartsWith("Expected a message saying what is wrong; got \"  \".", blank.Message, StringComparison.Ordinal);

        Assert.Equal("location", Assert.Throws<ArgumentNullException>(() => new Problem(ProblemKind.InvalidValue, null!, "m")).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => new Problem(ProblemKind.InvalidValue, ProblemLocation.Root, null!)).ParamName);
    }

    [Fact]
    public void A_result_has_a_value_exactly_when_it_has_no_problem()
    {
        var success = Result.Success("value");
        Assert.True(success.IsSuccess);
        Assert.Equal("value", success.Value);
        Assert.Empty(success.Problems);
        Assert.Equal("value", success.GetValueOrThrow());
        Assert.Equal("Success: value", success.ToString());

        Problem[] problems =
        [
            new(ProblemKind.MissingValue, Path("schemaVersion"), "Required property \"schemaVersion\" is missing."),
            new(ProblemKind.InvalidId, Path("departments", 0, "id"), "A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null."),
        ];
        var failure = Result.Failure<string>(problems);
        Assert.False(failure.IsSuccess);
        Assert.Null(failure.Value);
        Assert.Equal(problems, failure.Problems);
        Assert.Equal(
            "Failure with 2 problems:" + Environment.NewLine
            + "  $.schemaVersion: Required property \"schemaVersion\" is missing." + Environment.NewLine
            + "  $.departments[0].id: A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null.",
            failure.ToString());

        var thrown = Assert.Throws<ProblemException>(failure.GetValueOrThrow);
        Assert.Equal(problems, thrown.Problems);
        Assert.StartsWith("The input has 2 problems:", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_needs_a_problem()
    {
        var empty = Assert.Throws<ArgumentException>(() => Result.Failure<string>([]));
        Assert.Equal("problems", empty.ParamName);
        Assert.StartsWith("Expected at least one problem; got none.", empty.Message, StringComparison.Ordinal);

        var hole = Assert.Throws<ArgumentNullException>(() => Result.Failure<string>([null!]));
        Assert.Equal("problems", hole.ParamName);
        Assert.StartsWith("Expected a problem at index 0; got null.", hole.Message, StringComparison.Ordinal);

        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Result.Success<string>(null!)).ParamName);
        Assert.Equal("problems", Assert.Throws<ArgumentException>(() => new OrganizationValidationException([])).ParamName);
    }

    [Fact]
    public void The_build_result_prints_its_organization_or_its_problems_not_its_type_name()
    {
        var ok = Organization.CreateBuilder().AddDepartment("it", "IT").TryBuild();
        var bad = Organization.CreateBuilder().AddDepartment("it", " ").TryBuild();

        Assert.Equal("Success: " + ok.Value, ok.ToString());
        Assert.DoesNotContain("Result", ok.ToString(), StringComparison.Ordinal);
        Assert.Equal("Failure with 1 problem:" + Environment.NewLine + "  $.departments[0].name: A name must be non-blank text; got \" \".", bad.ToString());
    }
}
