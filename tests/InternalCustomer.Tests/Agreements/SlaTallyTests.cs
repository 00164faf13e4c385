using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Agreements;

// A 24×7 UTC calendar, so business time is wall time; resolution within 4 hours at 90%, warning at 75% (3 h).
public class SlaTallyTests
{
    private static readonly AgreementId Id = AgreementId.Parse("desk");

    private static readonly SlaTimer Timer = new(
        new ServiceAgreement(
            Id,
            DepartmentId.Parse("it"),
            DepartmentId.Parse("ops"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("always"),
            new LocalDate(2026, 1, 1),
            null,
            Period.FromMonths(3),
            null,
            new TimeObjective(ObjectiveKind.Resolution, Duration.FromHours(4), 0.9, [0.75])),
        BusinessCalendar.AlwaysOpen("Etc/UTC"));

    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 10, 12, 0);

    private static Instant Mar(int day, int hour) => Instant.FromUtc(2026, 3, day, hour, 0);

    // Resolved after 2 h (met, decided 2 Mar 11:00); after 6 h (breached, decided at the 4 h deadline 5 Mar 13:00);
    // open 1 h before asOf (in progress); open 3.5 h before asOf (at risk); open since 8 Mar (breached at 8 Mar 13:00).
    private static readonly ServiceRequest[] Requests =
    [
        new("r1", Id, Mar(2, 9), resolved: Mar(2, 11)),
        new("r2", Id, Mar(5, 9), resolved: Mar(5, 15)),
        new("r3", Id, Mar(10, 11)),
        new("r4", Id, Instant.FromUtc(2026, 3, 10, 8, 30)),
        new("r5", Id, Mar(8, 9)),
    ];

    [Fact]
    public void Tally_counts_decided_breached_in_flight_and_at_risk()
    {
        var tally = Timer.Tally(Requests, ObjectiveKind.Resolution, AsOf);

        Assert.Equal(new SlaTally(Decided: 3, Breached: 2, InFlight: 2, AtRisk: 1), tally);
        Assert.Equal(1, tally.Met);
        Assert.Equal(1.0 / 3, tally.Compliance!.Value, 12);
        Assert.Equal("3 decided (2 breached), 2 in flight (1 at risk)", tally.ToString());

        // The same counts as the error budget and the compliance report, in the same words.
        var budget = tally.Budget(0.9);
        Assert.Equal((3L, 1L, 2L), (budget.Decided, budget.Met, budget.Breached));
        var report = Timer.Compliance(Requests, ObjectiveKind.Resolution, AsOf, [new Interval(Mar(1, 0), AsOf)]);
        Assert.Equal((tally.Decided, tally.Met, tally.Breached, tally.InFlight, tally.AtRisk), (report.Windows[0].Decided, report.Windows[0].Met, report.Windows[0].Breached, report.InFlight, report.AtRisk));
    }

    [Fact]
    public void A_window_keeps_the_decisions_made_in_it_and_every_request_in_flight()
    {
        // [3 Mar, 9 Mar): r2 (decided 5 Mar) and r5 (decided 8 Mar 13:00); r1 was decided on 2 Mar.
        var tally = Timer.Tally(Requests, ObjectiveKind.Resolution, AsOf, new Interval(Mar(3, 0), Mar(9, 0)));

        Assert.Equal(new SlaTally(2, 2, 2, 1), tally);
    }

    [Fact]
    public void Tallies_merge_by_adding_counts()
    {
        var first = Timer.Tally(Requests.AsSpan(0, 2), ObjectiveKind.Resolution, AsOf);
        var rest = Timer.Tally(Requests.AsSpan(2), ObjectiveKind.Resolution, AsOf);

        Assert.Equal(Timer.Tally(Requests, ObjectiveKind.Resolution, AsOf), first.Merge(rest));
        Assert.Equal(first, first.Merge(SlaTally.Empty));
    }

    [Fact]
    public void Tally_rejects_an_open_window_and_requests_of_other_agreements()
    {
        var open = Assert.Throws<ArgumentException>(() => Timer.Tally(Requests, ObjectiveKind.Resolution, AsOf, new Interval(null, AsOf)));
        Assert.Equal("window", open.ParamName);
        Assert.StartsWith("The window must have a start and an end; got ", open.Message, StringComparison.Ordinal);

        var other = Assert.Throws<ArgumentException>(() => Timer.Tally([new ServiceRequest("x", AgreementId.Parse("other"), Mar(2, 9))], ObjectiveKind.Resolution, AsOf));
        Assert.Equal("requests", other.ParamName);
        Assert.Contains("requests[0] ('x') is measured against agreement 'other', not 'desk'.", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aligned_windows_go_straight_into_compliance_and_the_report_describes_itself()
    {
        // ComplianceWindows returns an ImmutableArray; Compliance and From take it as it is.
        ImmutableArray<Interval> weeks = ComplianceWindows.Rolling(Mar(9, 0), Duration.FromDays(7), 2);
        var report = Timer.Compliance(Requests, ObjectiveKind.Resolution, AsOf, weeks);
        var evaluations = Timer.EvaluateAll(Requests, ObjectiveKind.Resolution, AsOf);
        var fromEvaluations = ComplianceReport.From(evaluations.AsSpan(), weeks, 0.9);

        // [23 Feb, 2 Mar): nothing; [2 Mar, 9 Mar): r1 met, r2 and r5 breached.
        Assert.Equal((0L, 3L, 2L), (report.Windows[0].Decided, report.Windows[1].Decided, report.Windows[1].Breached));
        Assert.Equal(report.Windows.AsEnumerable(), fromEvaluations.Windows.AsEnumerable());
        Assert.Equal(
            "2 windows from 2026-02-23T00:00:00Z to 2026-03-09T00:00:00Z: 3 decided (2 breached), 2 in flight (1 at risk, 0 paused), 0 decided outside",
            report.ToString());
        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => Timer.Compliance(Requests, ObjectiveKind.Resolution, AsOf, (IEnumerable<Interval>)null!)).ParamName);
    }
}
