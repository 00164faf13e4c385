using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

public class ServiceAgreementTests
{
    private static readonly TimeObjective Response = TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9);
    private static readonly TimeObjective Resolve = TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.95);

    private static ServiceAgreement Make(
        string provider = "it",
        string consumer = "payroll",
        string[]? services = null,
        LocalDate? from = null,
        LocalDate? until = null,
        Period? cadence = null,
        TimeObjective? firstResponse = null,
        TimeObjective? resolution = null,
        SatisfactionObjective? satisfaction = null,
        bool noObjectives = false) =>
        new(
            AgreementId.Parse("it-payroll"),
            DepartmentId.Parse(provider),
            DepartmentId.Parse(consumer),
            (services ?? ["laptops", "accounts"]).Select(ServiceId.Parse),
            CalendarId.Parse("london-office"),
            from ?? new LocalDate(2026, 1, 1),
            until,
            cadence ?? Period.FromMonths(3),
            noObjectives ? null : firstResponse ?? Response,
            noObjectives ? null : resolution ?? Resolve,
            satisfaction);

    [Fact]
    public void Keeps_services_sorted_and_reports_its_period()
    {
        var a = Make(until: new LocalDate(2026, 12, 31), satisfaction: new SatisfactionObjective(0.8));
        Assert.Equal(["accounts", "laptops"], a.Services.Select(s => s.Value));
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), a.EffectivePeriod);
        Assert.True(a.IsEffectiveOn(new LocalDate(2026, 12, 31)));
        Assert.False(a.IsEffectiveOn(new LocalDate(2027, 1, 1)));
        Assert.False(a.IsEffectiveOn(new LocalDate(2025, 12, 31)));
        Assert.Same(Resolve, a.GetTimeObjective(ObjectiveKind.Resolution));
        Assert.Equal(new LocalDate(2026, 4, 1), a.NextReviewDue(new LocalDate(2026, 1, 1)));
        Assert.Equal(a, Make(until: new LocalDate(2026, 12, 31), satisfaction: new SatisfactionObjective(0.8)));
        Assert.NotEqual(a, Make(until: new LocalDate(2026, 12, 30), satisfaction: new SatisfactionObjective(0.8)));
    }

    [Fact]
    public void Open_ended_agreements_overlap_everything_after_their_start()
    {
        var open = Make();
        Assert.Null(open.EffectivePeriod);
        Assert.True(open.IsEffectiveOn(new LocalDate(2100, 1, 1)));
        Assert.True(open.EffectiveOverlaps(Make(from: new LocalDate(2030, 1, 1))));
        Assert.False(open.EffectiveOverlaps(Make(from: new LocalDate(2025, 1, 1), until: new LocalDate(2025, 12, 31))));

        // Inclusive ends: sharing the single day 2025-12-31 is an overlap.
        Assert.True(Make(from: new LocalDate(2025, 12, 31)).EffectiveOverlaps(Make(from: new LocalDate(2025, 1, 1), until: new LocalDate(2025, 12, 31))));
    }

    [Fact]
    public void Rejects_self_agreement()
    {
        var ex = Assert.Throws<ArgumentException>(() => Make(provider: "it", consumer: "it"));
        Assert.Equal("consumer", ex.ParamName);
        Assert.StartsWith("An agreement needs two different departments; got provider and consumer both 'it'.", ex.Message);
    }

    [Fact]
    public void Rejects_no_services_and_repeated_services()
    {
        var none = Assert.Throws<ArgumentException>(() => Make(services: []));
        Assert.Equal("services", none.ParamName);
        Assert.StartsWith("An agreement must cover at least one service; got none.", none.Message);

        var twice = Assert.Throws<ArgumentException>(() => Make(services: ["a", "b", "a"]));
        Assert.Equal("services", twice.ParamName);
        Assert.StartsWith("Each covered service must be listed once; 'a' appears at positions 0 and 2.", twice.Message);
    }

    [Fact]
    public void Rejects_an_effective_period_ending_before_it_starts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Make(from: new LocalDate(2026, 1, 1), until: new LocalDate(2025, 12, 31)));
        Assert.Equal("effectiveUntil", ex.ParamName);
        Assert.StartsWith("The effective period must not end before it starts (2026-01-01); got an end of 2025-12-31.", ex.Message);
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("PT5H")]
    [InlineData("P-1M")]
    public void Rejects_a_review_cadence_that_is_not_a_positive_date_period(string text)
    {
        var cadence = NodaTime.Text.PeriodPattern.Roundtrip.Parse(text).Value;
        var ex = Assert.Throws<ArgumentException>(() => Make(cadence: cadence));
        Assert.Equal("reviewCadence", ex.ParamName);
        Assert.StartsWith($"A review cadence must be a positive date-based period such as P3M; got {cadence}.", ex.Message);
    }

    [Fact]
    public void Rejects_objectives_of_the_wrong_kind_or_none()
    {
        var wrong = Assert.Throws<ArgumentException>(() => Make(firstResponse: Resolve));
        Assert.Equal("firstResponse", wrong.ParamName);
        Assert.StartsWith("Expected a FirstResponse objective; got a Resolution objective.", wrong.Message);

        var wrong2 = Assert.Throws<ArgumentException>(() => Make(resolution: Response));
        Assert.Equal("resolution", wrong2.ParamName);
        Assert.StartsWith("Expected a Resolution objective; got a FirstResponse objective.", wrong2.Message);

        var none = Assert.Throws<ArgumentException>(() => Make(noObjectives: true));
        Assert.Equal("firstResponse", none.ParamName);
        Assert.StartsWith("An agreement needs at least one objective; got none.", none.Message);
    }

    [Fact]
    public void Asking_for_a_missing_objective_names_the_agreement()
    {
        var a = Make(noObjectives: true, satisfaction: new SatisfactionObjective(0.8));
        var ex = Assert.Throws<ArgumentException>(() => a.GetTimeObjective(ObjectiveKind.Resolution));
        Assert.Equal("kind", ex.ParamName);
        Assert.StartsWith("Agreement 'it-payroll' has no Resolution objective.", ex.Message);
    }
}
