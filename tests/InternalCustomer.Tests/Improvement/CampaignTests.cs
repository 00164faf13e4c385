using FsCheck.Xunit;
using InternalCustomer.Calendars;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Improvement;

// Invitation and FeedbackCampaign: construction, windows, cycles, planning from an organisation and validation.
public sealed class CampaignTests
{
    private static readonly DepartmentId Fin = DepartmentId.Parse("fin");
    private static readonly DepartmentId Hr = DepartmentId.Parse("hr");
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId Legal = DepartmentId.Parse("legal");
    private static readonly DepartmentId Ops = DepartmentId.Parse("ops");
    private static readonly CampaignId Q1Id = CampaignId.Parse("q1");
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateInterval Q1 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

    [Fact]
    public void Invitations_are_sorted_by_relationship_and_the_window_is_read_in_the_zone()
    {
        var campaign = new FeedbackCampaign(
            Q1Id,
            Q1,
            Berlin,
            [new Invitation(new Relationship(It, Hr), 4), new Invitation(new Relationship(Hr, It)), new Invitation(new Relationship(It, Fin))]);

        Assert.Equal(
            [new Relationship(Hr, It), new Relationship(It, Fin), new Relationship(It, Hr)],
            campaign.Invitations.Select(i => i.Relationship));
        Assert.Equal([1, 1, 4], campaign.Invitations.Select(i => i.Invited));
        // Midnight of 1 January in Berlin (+01:00) to midnight of 1 April (+02:00 since 29 March).
        Assert.Equal(new Interval(Instant.FromUtc(2025, 12, 31, 23, 0), Instant.FromUtc(2026, 3, 31, 22, 0)), campaign.Window);
        Assert.Equal("q1: 2026-01-01..2026-03-31 in Europe/Berlin, 3 invitations", campaign.ToString());
        Assert.Equal("it → hr ×4", campaign.Invitations[2].ToString());
    }

    [Fact]
    public void Window_of_a_cycle_starting_on_a_day_without_midnight_starts_at_the_first_instant_of_the_day()
    {
        // In America/Santiago the clocks went from 00:00 to 01:00 on 2022-09-11 (-04:00 to -03:00): the day starts
        // at 01:00 local, 04:00 UTC.
        var santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];
        var campaign = new FeedbackCampaign(Q1Id, new DateInterval(new LocalDate(2022, 9, 11), new LocalDate(2022, 9, 11)), santiago, []);

        Assert.Equal(new Interval(Instant.FromUtc(2022, 9, 11, 4, 0), Instant.FromUtc(2022, 9, 12, 3, 0)), campaign.Window);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Invitation[] invitations = [new(new Relationship(It, Hr), 2), new(new Relationship(Hr, It))];
        var a = new FeedbackCampaign(Q1Id, Q1, Berlin, invitations);
        var b = new FeedbackCampaign(Q1Id, Q1, DateTimeZoneProviders.Tzdb["Europe/Berlin"], invitations.Reverse());

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new FeedbackCampaign(Q1Id, Q1, DateTimeZone.Utc, invitations));
        Assert.NotEqual(a, new FeedbackCampaign(CampaignId.Parse("q2"), Q1, Berlin, invitations));
        Assert.NotEqual(a, new FeedbackCampaign(Q1Id, Q1, Berlin, [new(new Relationship(It, Hr), 3), new(new Relationship(Hr, It))]));
        Assert.Equal(new Invitation(new Relationship(It, Hr), 2), invitations[0]);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Bad_invitations_are_refused_with_their_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Invitation(new Relationship(It, It)));
        Assert.Equal("relationship", ex.ParamName);
        Assert.StartsWith("Expected an invitation to rate another department; got provider and consumer both 'it'.", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => new Invitation(new Relationship(It, default)));
        Assert.Equal("relationship", ex.ParamName);
        Assert.StartsWith("Expected a parsed DepartmentId; got default(DepartmentId).", ex.Message);

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new Invitation(new Relationship(It, Hr), 0));
        Assert.Equal("invited", range.ParamName);
        Assert.StartsWith("The number invited must be at least 1; got 0 for it → hr.", range.Message);

        ex = Assert.Throws<ArgumentException>(() => new FeedbackCampaign(
            Q1Id, Q1, Berlin, [new Invitation(new Relationship(It, Hr)), new Invitation(new Relationship(Hr, It)), new Invitation(new Relationship(It, Hr), 2)]));
        Assert.Equal("invitations", ex.ParamName);
        Assert.StartsWith("Expected one invitation per relationship in campaign 'q1'; got two for it → hr.", ex.Message);

        var nullEx = Assert.Throws<ArgumentNullException>(() => new FeedbackCampaign(Q1Id, Q1, Berlin, [new Invitation(new Relationship(It, Hr)), null!]));
        Assert.Equal("invitations", nullEx.ParamName);
        Assert.StartsWith("Expected an invitation at index 1 of campaign 'q1'; got null.", nullEx.Message);

        ex = Assert.Throws<ArgumentException>(() => new FeedbackCampaign(default, Q1, Berlin, []));
        Assert.Equal("id", ex.ParamName);
        Assert.StartsWith("Expected a parsed CampaignId; got default(CampaignId).", ex.Message);

        Assert.Throws<ArgumentNullException>("cycle", () => new FeedbackCampaign(Q1Id, null!, Berlin, []));
        Assert.Throws<ArgumentNullException>("zone", () => new FeedbackCampaign(Q1Id, Q1, null!, []));
        Assert.Throws<ArgumentNullException>("invitations", () => new FeedbackCampaign(Q1Id, Q1, Berlin, null!));
    }

    [Fact]
    public void Cycles_follow_the_cadence_without_drifting_at_month_ends()
    {
        // From 31 January by one month: the starts are 31 Jan, 28 Feb (2026 is not a leap year), 31 Mar, 30 Apr,
        // and the last cycle ends the day before 31 May.
        Assert.Equal(
            [
                new DateInterval(new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 27)),
                new DateInterval(new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 30)),
                new DateInterval(new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 29)),
                new DateInterval(new LocalDate(2026, 4, 30), new LocalDate(2026, 5, 30)),
            ],
            FeedbackCampaign.Cycles(new LocalDate(2026, 1, 31), Period.FromMonths(1), 4).ToArray());

        Assert.Equal(
            [
                new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)),
                new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)),
                new DateInterval(new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30)),
                new DateInterval(new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31)),
            ],
            FeedbackCampaign.Cycles(new LocalDate(2026, 1, 1), Period.FromMonths(3), 4).ToArray());

        // 29 February 2028 (leap) by one year: 2029 has no 29 February, so the second cycle starts on 28 February.
        Assert.Equal(
            [
                new DateInterval(new LocalDate(2028, 2, 29), new LocalDate(2029, 2, 27)),
                new DateInterval(new LocalDate(2029, 2, 28), new LocalDate(2030, 2, 27)),
            ],
            FeedbackCampaign.Cycles(new LocalDate(2028, 2, 29), Period.FromYears(1), 2).ToArray());

        Assert.Equal(
            [new DateInterval(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 11)), new DateInterval(new LocalDate(2026, 3, 12), new LocalDate(2026, 3, 21))],
            FeedbackCampaign.Cycles(new LocalDate(2026, 3, 2), Period.FromWeeks(1) + Period.FromDays(3), 2).ToArray());
        Assert.Equal(
            [new DateInterval(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2))],
            FeedbackCampaign.Cycles(new LocalDate(2026, 3, 2), Period.FromDays(1), 1).ToArray());
    }

    // Whatever the cadence: count cycles, each non-empty, the first starting on the start, each starting the day after
    // the one before ends. Multiples of a cadence of days and weeks only, or of years and months only from a day
    // that every month has, add up, so then each cycle is the cadence from its own start. (Mixed ones do not:
    // 24 March + 7·P1M1D is 31 October, and 31 October + P1M1D is 1 December, not 24 March + 8·P1M1D = 2 December.)
    [Property]
    public void Cycles_are_adjacent_and_non_empty(byte years, byte months, byte weeks, byte days, byte count, byte offset)
    {
        var cadence = new PeriodBuilder { Years = years % 3, Months = months % 13, Weeks = weeks % 5, Days = days % 40 }.Build();
        if (cadence.Normalize() == Period.Zero)
        {
            cadence = Period.FromDays(1);
        }

        var start = new LocalDate(2026, 1, 1).PlusDays(offset);
        var cycles = FeedbackCampaign.Cycles(start, cadence, (count % 12) + 1);

        Assert.Equal((count % 12) + 1, cycles.Length);
        Assert.Equal(start, cycles[0].Start);
        Assert.All(cycles, c => Assert.True(c.End >= c.Start));
        for (var i = 1; i < cycles.Length; i++)
        {
            Assert.Equal(cycles[i - 1].End.PlusDays(1), cycles[i].Start);
        }

        if ((cadence.Years == 0 && cadence.Months == 0) || (cadence.Weeks == 0 && cadence.Days == 0 && start.Day <= 28))
        {
            Assert.All(cycles, c => Assert.Equal(c.Start.Plus(cadence).PlusDays(-1), c.End));
        }
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("PT1H")]
    [InlineData("P1DT1H")]
    [InlineData("P-1M")]
    [InlineData("P1M-1D")]
    public void Cycles_refuse_a_cadence_that_is_not_a_positive_date_period(string text)
    {
        var cadence = NodaTime.Text.PeriodPattern.Roundtrip.Parse(text).Value;

        var ex = Assert.Throws<ArgumentException>(() => FeedbackCampaign.Cycles(new LocalDate(2026, 1, 1), cadence, 2));
        Assert.Equal("cadence", ex.ParamName);
        Assert.StartsWith($"Expected a cadence of positive years, months, weeks and days only; got {cadence}.", ex.Message);
    }

    [Fact]
    public void Cycles_refuse_a_count_below_one()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackCampaign.Cycles(new LocalDate(2026, 1, 1), Period.FromMonths(3), 0));
        Assert.Equal("count", ex.ParamName);
        Assert.StartsWith("The number of cycles must be at least 1; got 0.", ex.Message);
        Assert.Throws<ArgumentNullException>("cadence", () => FeedbackCampaign.Cycles(new LocalDate(2026, 1, 1), null!, 1));
    }

    private static Organization PlanningOrganization()
    {
        var b = Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("hr", "HR")
            .AddDepartment("fin", "Finance")
            .AddDepartment("legal", "Legal")
            .AddDepartment("ops", "Operations")
            .AddService("laptops", "Laptops", "it")
            .AddService("accounts", "Accounts", "it")
            .AddService("payroll", "Payroll", "hr")
            .AddService("contracts", "Contracts", "legal")
            .AddCalendar("berlin", BusinessCalendar.WeekdaysNineToFive("Europe/Berlin"));
        void Agreement(string id, string provider, string consumer, string service, LocalDate from, LocalDate? until = null) =>
            b.AddAgreement(new AgreementDraft(id)
            {
                Provider = provider,
                Consumer = consumer,
                Services = [service],
                Calendar = "berlin",
                EffectiveFrom = from,
                EffectiveUntil = until,
                ReviewCadence = Period.FromMonths(3),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.95),
            });

        Agreement("it-hr", "it", "hr", "laptops", new LocalDate(2026, 1, 1)); // in effect all cycle
        Agreement("it-fin", "it", "fin", "accounts", new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)); // ended the day before
        Agreement("hr-fin", "hr", "fin", "payroll", new LocalDate(2026, 3, 31)); // starts on the last day
        Agreement("legal-it", "legal", "it", "contracts", new LocalDate(2026, 4, 1)); // starts the day after
        Agreement("legal-hr", "legal", "hr", "contracts", new LocalDate(2025, 6, 1), new LocalDate(2026, 1, 1)); // ends on the first day
        return b
            .AddDependency("it", "ops", 4)
            .AddDependency("fin", "legal", 2)
            .AddDependency("it", "hr", 5)
            .Build();
    }

    [Fact]
    public void Plan_invites_the_pairs_with_an_agreement_in_effect_during_the_cycle_or_a_critical_enough_dependency()
    {
        var org = PlanningOrganization();

        var medium = FeedbackCampaign.Plan(org, Q1Id, Q1, Berlin, Criticality.Medium);
        Assert.Equal(
            [new Relationship(Hr, Fin), new Relationship(It, Hr), new Relationship(It, Ops), new Relationship(Legal, Hr)],
            medium.Invitations.Select(i => i.Relationship));
        Assert.All(medium.Invitations, i => Assert.Equal(1, i.Invited));
        Assert.Equal(Q1, medium.Cycle);
        Assert.Same(Berlin, medium.Zone);
        Assert.Empty(medium.Validate(org));

        var lowest = FeedbackCampaign.Plan(org, Q1Id, Q1, Berlin, Criticality.Lowest);
        Assert.Equal(
            [new Relationship(Fin, Legal), new Relationship(Hr, Fin), new Relationship(It, Hr), new Relationship(It, Ops), new Relationship(Legal, Hr)],
            lowest.Invitations.Select(i => i.Relationship));

        var highest = FeedbackCampaign.Plan(org, Q1Id, Q1, Berlin, Criticality.Highest);
        Assert.Equal(
            [new Relationship(Hr, Fin), new Relationship(It, Hr), new Relationship(Legal, Hr)],
            highest.Invitations.Select(i => i.Relationship));

        var april = FeedbackCampaign.Plan(org, Q1Id, new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)), Berlin, Criticality.Highest);
        Assert.Equal(
            [new Relationship(Hr, Fin), new Relationship(It, Hr), new Relationship(Legal, It)],
            april.Invitations.Select(i => i.Relationship));

        Assert.Throws<ArgumentNullException>("organization", () => FeedbackCampaign.Plan(null!, Q1Id, Q1, Berlin, Criticality.Medium));
    }

    [Fact]
    public void Validate_names_each_invitation_to_a_department_not_in_the_organisation()
    {
        var org = PlanningOrganization();
        var ghost = DepartmentId.Parse("ghost");
        var nobody = DepartmentId.Parse("nobody");
        var campaign = new FeedbackCampaign(
            Q1Id,
            Q1,
            Berlin,
            [new Invitation(new Relationship(It, Fin)), new Invitation(new Relationship(It, nobody)), new Invitation(new Relationship(ghost, Hr)), new Invitation(new Relationship(ghost, nobody))]);

        var problems = campaign.Validate(org);

        // Sorted: (ghost, hr), (ghost, nobody), (it, fin), (it, nobody).
        var invitations = ProblemLocation.Root.Property("invitations");
        Assert.Equal(
            [
                invitations.Element(0).Property("provider"),
                invitations.Element(1).Property("provider"),
                invitations.Element(1).Property("consumer"),
                invitations.Element(3).Property("consumer"),
            ],
            problems.Select(p => p.Location));
        Assert.All(problems, p => Assert.Equal(ProblemKind.UnknownReference, p.Kind));
        Assert.Equal("Campaign 'q1' invites hr to rate provider 'ghost', which is not a department of this organization.", problems[0].Message);
        Assert.Equal("Campaign 'q1' invites consumer 'nobody', which is not a department of this organization, to rate it.", problems[3].Message);

        var at = ProblemLocation.Root.Property("campaigns").Element(2);
        Assert.Equal(
            at.Property("invitations").Element(0).Property("provider"),
            campaign.Validate(org, at)[0].Location);
        Assert.Throws<ArgumentNullException>("organization", () => campaign.Validate(null!));
        Assert.Throws<ArgumentNullException>("location", () => campaign.Validate(org, null!));
    }
}
