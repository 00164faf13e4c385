using InternalCustomer.Agreements;
using InternalCustomer.Improvement;
using NodaTime;
using static InternalCustomer.Tests.Improvement.ImprovementEffectFixture;

namespace InternalCustomer.Tests.Improvement;

/// <summary>The improvement action's construction rules (status and completion date) and value equality.</summary>
public class ImprovementActionTests
{
    private static readonly ActionId A1 = ActionId.Parse("a1");
    private static readonly LocalDate Start = new(2026, 4, 1);

    [Theory]
    [InlineData(ImprovementStatus.Planned, false, true)]
    [InlineData(ImprovementStatus.InProgress, false, true)]
    [InlineData(ImprovementStatus.Completed, true, false)]
    [InlineData(ImprovementStatus.Abandoned, true, false)]
    [InlineData(ImprovementStatus.Abandoned, false, false)]
    public void The_status_decides_whether_a_completion_date_is_needed_and_whether_the_action_is_in_flight(ImprovementStatus status, bool withDate, bool inFlight)
    {
        var action = new ImprovementAction(A1, Treated, Logistics, "Second shift", Start, status, withDate ? Start.PlusDays(9) : null, ObjectiveKind.Resolution, "Reliability");

        Assert.Equal(inFlight, action.IsInFlight);
        Assert.Equal(withDate ? Start.PlusDays(9) : null, action.Completed);
        Assert.Equal(ObjectiveKind.Resolution, action.Objective);
        Assert.Equal("Reliability", action.Dimension);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        var a = new ImprovementAction(A1, Treated, Logistics, "Second shift", Start, ImprovementStatus.Completed, Start);
        var b = new ImprovementAction(ActionId.Parse("a1"), new Relationship(Logistics, Assembly), Logistics, "Second shift", Start, ImprovementStatus.Completed, Start);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ImprovementAction(A1, Treated, Logistics, "Third shift", Start, ImprovementStatus.Completed, Start));
        Assert.Equal("Action 'a1' on logistics → assembly (Completed): Second shift", a.ToString());
    }

    [Fact]
    public void Bad_input_names_the_parameter_and_says_what_was_expected()
    {
        AssertBad("id", "Expected a parsed ActionId; got default(ActionId).", () => new ImprovementAction(default, Treated, Logistics, "x", Start, ImprovementStatus.Planned));
        AssertBad("relationship", "Expected a relationship between two different departments; got provider and consumer both 'assembly'.", () => new ImprovementAction(A1, new Relationship(Assembly, Assembly), Logistics, "x", Start, ImprovementStatus.Planned));
        AssertBad("owner", "Expected a parsed DepartmentId; got default(DepartmentId).", () => new ImprovementAction(A1, Treated, default, "x", Start, ImprovementStatus.Planned));
        AssertBad("title", "A name must be non-blank text; got \"  \".", () => new ImprovementAction(A1, Treated, Logistics, "  ", Start, ImprovementStatus.Planned));
        AssertBad("status", "Expected a defined ImprovementStatus (Planned, InProgress, Completed or Abandoned); got 9.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, (ImprovementStatus)9));
        AssertBad("objective", "Expected a defined ObjectiveKind or null; got 0.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.Planned, objective: (ObjectiveKind)0));
        AssertBad("completed", "Action 'a1' is Completed, so it needs a completion date; got none.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.Completed));
        AssertBad("completed", "Action 'a1' is InProgress, so it has no completion date; got 2026-04-02.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.InProgress, Start.PlusDays(1)));
        AssertBad("completed", "Action 'a1' is Planned, so it has no completion date; got 2026-04-02.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.Planned, Start.PlusDays(1)));
        AssertBad("completed", "Action 'a1' must be completed on or after its start 2026-04-01; got 2026-03-31.", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.Abandoned, Start.PlusDays(-1)));
        AssertBad("dimension", "A dimension must be null or non-blank text; got \"\".", () => new ImprovementAction(A1, Treated, Logistics, "x", Start, ImprovementStatus.Planned, dimension: string.Empty));
        Assert.Equal("title", Assert.Throws<ArgumentNullException>(() => new ImprovementAction(A1, Treated, Logistics, null!, Start, ImprovementStatus.Planned)).ParamName);
    }

    private static void AssertBad(string parameter, string message, Func<object> create)
    {
        var e = Assert.Throws<ArgumentException>(create);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
