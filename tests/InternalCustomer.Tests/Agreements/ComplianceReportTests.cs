using FsCheck;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Tests.Generators;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Agreements;

public class ComplianceReportTests
{
    private static readonly Duration Allowed = Duration.FromHours(8);

    internal static ObjectiveEvaluation Decided(SlaState state, Instant at) =>
        new(ObjectiveKind.Resolution, state, Allowed, Allowed, at, at, 2);

    internal static ObjectiveEvaluation Undecided(SlaState state) =>
        new(ObjectiveKind.Resolution, state, Allowed, Duration.FromHours(5), Instant.FromUtc(2026, 6, 1, 0, 0), default, state == SlaState.AtRisk ? 1 : 0);

    private static Instant Utc(int month, int day, int hour = 0, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    [Fact]
    public void Counts_each_decision_in_the_window_of_its_decision_instant()
    {
        var windows = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(2026, 1, 1), 3);
        ObjectiveEvaluation[] evaluations =
        [
            Decided(SlaState.Met, Utc(1, 15)),
            Decided(SlaState.Breached, Utc(1, 31, 23, 59)),
            Decided(SlaState.Met, Utc(2, 1)),            // exactly on the boundary: February (half-open)
            Decided(SlaState.Met, Utc(2, 10)),
            Decided(SlaState.Met, Utc(2, 11)),
            Decided(SlaState.Breached, Utc(3, 31, 23, 59)),
            Decided(SlaState.Met, Utc(4, 1)),            // April: outside every window
            Undecided(SlaState.InProgress),
            Undecided(SlaState.AtRisk),
            Undecided(SlaState.AtRisk),
            Undecided(SlaState.Paused),
        ];

        var report = ComplianceReport.From(evaluations, windows.AsSpan(), 0.9);

        // January: 1 met, 1 breached → 50%; budget: allowed bad 0.1 × 2 = 0.2, remaining (0.1 − 0.5)/0.1 = −4.
        Assert.Equal((1L, 1L), (report.Windows[0].Met, report.Windows[0].Breached));
        Assert.Equal(0.5, report.Windows[0].Compliance);
        Assert.Equal(-4.0, report.Windows[0].Budget.Remaining, 12);

        // February: 3 met → 100%, remaining 1.
        Assert.Equal((3L, 0L), (report.Windows[1].Met, report.Windows[1].Breached));
        Assert.Equal(1.0, report.Windows[1].Budget.Remaining);

        // March: 1 breached → 0%.
        Assert.Equal((0L, 1L), (report.Windows[2].Met, report.Windows[2].Breached));
        Assert.Equal(0.0, report.Windows[2].Compliance);

        Assert.Equal(1, report.DecidedOutside);
        Assert.Equal(4, report.InFlight);
        Assert.Equal(2, report.AtRisk);
        Assert.Equal(1, report.Paused);
        Assert.Equal(windows[1], report.Windows[1].Window);
    }

    [Fact]
    public void Evaluations_and_budgets_describe_themselves()
    {
        var e = new ObjectiveEvaluation(ObjectiveKind.Resolution, SlaState.AtRisk, Allowed, Duration.FromHours(6), Utc(3, 3, 11), default, 2);
        Assert.Equal("Resolution AtRisk: 6:00:00 of 8:00:00 used (75%), deadline 2026-03-03T11:00:00Z", e.ToString());
        Assert.Equal(Duration.FromHours(2), e.Remaining);
        Assert.Null(e.DecidedAt);
        Assert.Equal("3 breached of 1000 decided (target 99.9%): burn rate 3, 300% of budget spent", new ErrorBudget(0.999, 1000, 3).ToString());
    }

    [Fact]
    public void Overlapping_windows_each_count_on_their_own()
    {
        var january = new Interval(Utc(1, 1), Utc(2, 1));
        var quarter = new Interval(Utc(1, 1), Utc(4, 1));
        var february = new Interval(Utc(2, 1), Utc(3, 1));
        ObjectiveEvaluation[] evaluations = [Decided(SlaState.Met, Utc(1, 5)), Decided(SlaState.Breached, Utc(2, 5)), Decided(SlaState.Met, Utc(5, 5))];

        var report = ComplianceReport.From(evaluations, [quarter, february, january], 0.5);

        Assert.Equal(2, report.Windows[0].Decided); // quarter: both
        Assert.Equal(1, report.Windows[1].Breached); // February
        Assert.Equal(1, report.Windows[2].Met); // January
        Assert.Equal(1, report.DecidedOutside);
    }

    [Fact]
    public void Rejects_open_windows_and_mixed_objectives()
    {
        var open = Assert.Throws<ArgumentException>(() => ComplianceReport.From([], [new Interval(Utc(1, 1), null)], 0.9));
        Assert.Equal("windows", open.ParamName);
        Assert.StartsWith("Every window must have a start and an end; windows[0] is 2026-01-01T00:00:00Z/EndOfTime.", open.Message);

        var first = new ObjectiveEvaluation(ObjectiveKind.FirstResponse, SlaState.Met, Allowed, Allowed, Utc(1, 1), Utc(1, 1), 0);
        var mixed = Assert.Throws<ArgumentException>(() => ComplianceReport.From([first, Decided(SlaState.Met, Utc(1, 2))], [], 0.9));
        Assert.Equal("evaluations", mixed.ParamName);
        Assert.StartsWith("Expected evaluations of one objective (FirstResponse); evaluations[1] is of Resolution.", mixed.Message);

        var target = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceReport.From([], [], 1));
        Assert.Equal("target", target.ParamName);
    }

    // Law: over windows that partition a span, the per-window counts add up to the counts over the whole span.
    [Property(Arbitrary = new[] { typeof(AgreementGenerators) })]
    public bool Compliance_over_a_partition_sums_to_the_total(DecisionSet set)
    {
        var months = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(2026, 1, 1), 12);
        var year = new Interval(months[0].Start, months[^1].End);
        var byMonth = ComplianceReport.From(set.Evaluations, months.AsSpan(), 0.95);
        var whole = ComplianceReport.From(set.Evaluations, [year], 0.95);
        return byMonth.Windows.Sum(w => w.Met) == whole.Windows[0].Met
            && byMonth.Windows.Sum(w => w.Breached) == whole.Windows[0].Breached
            && byMonth.DecidedOutside == whole.DecidedOutside
            && byMonth.InFlight == whole.InFlight
            && byMonth.Windows.Sum(w => w.Decided) + byMonth.DecidedOutside + byMonth.InFlight == set.Evaluations.Length;
    }
}
