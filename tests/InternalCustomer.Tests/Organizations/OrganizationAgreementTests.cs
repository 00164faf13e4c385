using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Organizations;
using NodaTime;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Organizations;

// Calendars and service agreements attached to the organisation aggregate, and their validation.
public class OrganizationAgreementTests
{
    private static readonly BusinessCalendar London = BusinessCalendar.WeekdaysNineToFive("Europe/London");
    private static readonly BusinessCalendar Shanghai = BusinessCalendar.WeekdaysNineToFive("Asia/Shanghai");
    private static readonly LocalDate Jan1 = new(2026, 1, 1);
    private static readonly Period Quarterly = Period.FromMonths(3);

    private static OrganizationBuilder Base() =>
        Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("hr", "HR")
            .AddDepartment("fin", "Finance")
            .AddService("laptops", "Laptops", "it")
            .AddService("accounts", "Accounts", "it")
            .AddService("payroll", "Payroll", "hr")
            .AddCalendar("london", London)
            .AddCalendar(CalendarId.Parse("shanghai"), Shanghai);

    private static OrganizationBuilder AddValid(OrganizationBuilder b, string id, string provider, string consumer, string[] services, LocalDate? from = null, LocalDate? until = null) =>
        b.AddAgreement(new AgreementDraft(id)
            {
                Provider = provider,
                Consumer = consumer,
                Services = services,
                Calendar = "london",
                EffectiveFrom = from ?? Jan1,
                EffectiveUntil = until,
                ReviewCadence = Quarterly,
                FirstResponse = new ObjectiveDraft(within: Duration.FromHours(1), target: 0.9),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.95),
                SatisfactionTarget = 0.8,
            });

    [Fact]
    public void Agreements_and_calendars_are_kept_sorted_and_looked_up()
    {
        var b = Base();
        AddValid(b, "it-hr", "it", "hr", ["laptops"]);
        AddValid(b, "hr-it", "hr", "it", ["payroll"]);
        AddValid(b, "it-fin", "it", "fin", ["accounts", "laptops"]);
        var org = b.Build();

        Assert.Equal(["hr-it", "it-fin", "it-hr"], org.Agreements.Select(a => a.Id.Value));
        Assert.Equal(["london", "shanghai"], org.Calendars.Keys.Select(k => k.Value));
        Assert.Same(Shanghai, org.GetCalendar(CalendarId.Parse("shanghai")));
        Assert.Equal(["it-fin", "it-hr"], org.AgreementsProvidedBy(DepartmentId.Parse("it")).Select(a => a.Id.Value));
        Assert.Equal(["hr-it"], org.AgreementsConsumedBy(DepartmentId.Parse("it")).Select(a => a.Id.Value));
        Assert.Empty(org.AgreementsProvidedBy(DepartmentId.Parse("fin")));

        // Declared dependencies on a provider, by consumer: it serves hr (criticality 4) and fin (2); nothing depends on fin.
        var withDependencies = b.AddDependency("it", "hr", 4).AddDependency("it", "fin", 2).AddDependency("hr", "it").Build();
        Assert.Equal([("fin", 2), ("hr", 4)], withDependencies.DependenciesProvidedBy(DepartmentId.Parse("it")).Select(d => (d.Consumer.Value, d.Criticality.Value)));
        Assert.Equal(["it"], withDependencies.DependenciesProvidedBy(DepartmentId.Parse("hr")).Select(d => d.Consumer.Value));
        Assert.Empty(withDependencies.DependenciesProvidedBy(DepartmentId.Parse("fin")));

        var agreement = org.GetAgreement(AgreementId.Parse("it-hr"));
        Assert.Equal(Duration.FromHours(8), agreement.Resolution!.Within);
        Assert.Equal(0.8, agreement.Satisfaction!.Target);
        Assert.Equal([0.5, 0.75], agreement.Resolution.WarningThresholds.ToArray());

        var timer = org.TimerFor(AgreementId.Parse("it-hr"));
        Assert.Same(London, timer.Calendar);
        Assert.Same(agreement, timer.Agreement);
    }

    [Fact]
    public void Equality_includes_agreements_and_calendars_and_ToBuilder_round_trips()
    {
        var org = AddValid(Base(), "it-hr", "it", "hr", ["laptops"]).Build();
        Assert.Equal(org, org.ToBuilder().Build());
        Assert.Equal(org.GetHashCode(), org.ToBuilder().Build().GetHashCode());
        Assert.NotEqual(org, Base().Build());
        Assert.NotEqual(Base().Build(), Base().AddCalendar("paris", BusinessCalendar.WeekdaysNineToFive("Europe/Paris")).Build());
    }

    [Fact]
    public void Typed_agreements_keep_their_warning_thresholds()
    {
        var agreement = new ServiceAgreement(
            AgreementId.Parse("it-hr"),
            DepartmentId.Parse("it"),
            DepartmentId.Parse("hr"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("london"),
            Jan1,
            null,
            Quarterly,
            resolution: new TimeObjective(ObjectiveKind.Resolution, Duration.FromHours(4), 0.9, [0.6, 0.8, 0.95]));
        var org = Base().AddAgreement(agreement).Build();
        Assert.Equal(agreement, org.GetAgreement(agreement.Id));
    }

    [Fact]
    public void Lookups_reject_unknown_ids()
    {
        var org = Base().Build();
        var agreement = Assert.Throws<ArgumentException>(() => org.GetAgreement(AgreementId.Parse("nope")));
        Assert.Equal("id", agreement.ParamName);
        Assert.StartsWith("Expected an agreement of this organization; got 'nope', which is not one.", agreement.Message);

        var calendar = Assert.Throws<ArgumentException>(() => org.GetCalendar(CalendarId.Parse("paris")));
        Assert.Equal("id", calendar.ParamName);
        Assert.StartsWith("Expected a calendar of this organization; got 'paris', which is not one.", calendar.Message);

        var provider = Assert.Throws<ArgumentException>(() => org.AgreementsProvidedBy(DepartmentId.Parse("ops")));
        Assert.Equal("provider", provider.ParamName);
        Assert.StartsWith("Expected a department of this organization; got 'ops', which is not one.", provider.Message);

        var consumer = Assert.Throws<ArgumentException>(() => org.AgreementsConsumedBy(DepartmentId.Parse("ops")));
        Assert.Equal("consumer", consumer.ParamName);

        var dependencies = Assert.Throws<ArgumentException>(() => org.DependenciesProvidedBy(DepartmentId.Parse("ops")));
        Assert.Equal("provider", dependencies.ParamName);
        Assert.StartsWith("Expected a department of this organization; got 'ops', which is not one.", dependencies.Message);

        Assert.Throws<ArgumentException>(() => org.TimerFor(AgreementId.Parse("nope")));
        Assert.Throws<ArgumentNullException>(() => Base().AddCalendar(CalendarId.Parse("x"), null!));
        Assert.Throws<ArgumentNullException>(() => Base().AddAgreement((AgreementDraft)null!));
        Assert.Throws<ArgumentNullException>(() => Base().AddAgreement((ServiceAgreement)null!));
    }

    [Fact]
    public void Every_agreement_problem_is_reported_with_its_location()
    {
        var closed = BusinessCalendar.Create("UTC", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>(), []);
        var b = Base()
            .AddCalendar("london", Shanghai)                 // calendars[2]: duplicate id
            .AddCalendar("closed", closed)                   // calendars[3]
            .AddCalendar("bad id!", London);                 // calendars[4]: invalid id
        AddValid(b, "ok", "it", "hr", ["laptops"]);                                                              // 0
        AddValid(b, "ghosts", "ops", "sales", ["laptops"]);                                                      // 1
        b.AddAgreement(new AgreementDraft("no-cal")
            {
                Provider = "it",
                Consumer = "hr",
                Services = ["accounts"],
                Calendar = "paris",
                EffectiveFrom = Jan1,
                ReviewCadence = Quarterly,
                FirstResponse = new ObjectiveDraft(within: Duration.FromHours(1), target: 0.9),
            }); // 2
        AddValid(b, "wrong-service", "it", "hr", ["payroll", "printing"]);                                       // 3
        AddValid(b, "self", "it", "it", ["accounts"]);                                                           // 4
        b.AddAgreement(new AgreementDraft("targets")
            {
                Provider = "hr",
                Consumer = "it",
                Services = ["payroll"],
                Calendar = "london",
                EffectiveFrom = Jan1,
                ReviewCadence = Quarterly,
                FirstResponse = new ObjectiveDraft(within: Duration.Zero, target: 1.0),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: -0.5),
                SatisfactionTarget = 1.2,
            }); // 5
        AddValid(b, "overlap", "it", "hr", ["accounts", "laptops"], new LocalDate(2026, 6, 1), new LocalDate(2026, 12, 31)); // 6
        AddValid(b, "ok", "hr", "fin", ["payroll"]);                                                             // 7: duplicate id
        b.AddAgreement(new AgreementDraft("terms")
            {
                Provider = "hr",
                Consumer = "fin",
                Services = ["payroll", "payroll"],
                Calendar = "closed",
                EffectiveFrom = Jan1,
                EffectiveUntil = new LocalDate(2025, 12, 31),
                ReviewCadence = Period.FromHours(5),
            }); // 8
        b.AddAgreement(new AgreementDraft("no-services")
            {
                Provider = "hr",
                Consumer = "fin",
                Services = null,
                Calendar = "london",
                EffectiveFrom = Jan1,
                ReviewCadence = Quarterly,
                SatisfactionTarget = 0.8,
            });  // 9
        AddValid(b, "later", "it", "hr", ["laptops"], new LocalDate(2027, 1, 1));                                // 10: after the open-ended "ok"? overlaps

        var result = b.TryBuild();
        Assert.False(result.IsSuccess);
        var found = result.Problems.Select(p => (p.Kind, p.Location)).ToList();
        (ProblemKind, ProblemLocation)[] expected =
        [
            (ProblemKind.DuplicateId, Path("calendars", 2, "id")),
            (ProblemKind.InvalidId, Path("calendars", 4, "id")),
            (ProblemKind.UnknownReference, Path("agreements", 1, "provider")),
            (ProblemKind.UnknownReference, Path("agreements", 1, "consumer")),
            (ProblemKind.UnknownReference, Path("agreements", 2, "calendar")),
            (ProblemKind.UnknownReference, Path("agreements", 3, "services", 0)),
            (ProblemKind.UnknownReference, Path("agreements", 3, "services", 1)),
            (ProblemKind.SelfReference, Path("agreements", 4, "consumer")),
            (ProblemKind.InvalidValue, Path("agreements", 5, "firstResponse", "within")),
            (ProblemKind.InvalidValue, Path("agreements", 5, "firstResponse", "target")),
            (ProblemKind.InvalidValue, Path("agreements", 5, "resolution", "target")),
            (ProblemKind.InvalidValue, Path("agreements", 5, "satisfaction", "target")),
            (ProblemKind.DuplicateId, Path("agreements", 7, "id")),
            (ProblemKind.DuplicateId, Path("agreements", 8, "services", 1)),
            (ProblemKind.InvalidValue, Path("agreements", 8, "calendar")),
            (ProblemKind.InvalidValue, Path("agreements", 8, "effectiveUntil")),
            (ProblemKind.InvalidValue, Path("agreements", 8, "reviewCadence")),
            (ProblemKind.InvalidValue, Path("agreements", 8, "objectives")),
            (ProblemKind.InvalidValue, Path("agreements", 9, "services")),
            (ProblemKind.OverlappingAgreement, Path("agreements", 6)),
            (ProblemKind.OverlappingAgreement, Path("agreements", 10)),
        ];
        Assert.Equal(expected, found);

        string Message(ProblemLocation location) => result.Problems.Single(p => p.Location == location).Message;
        Assert.Equal("Calendar id 'london' is already used by $.calendars[0].", Message(Path("calendars", 2, "id")));
        Assert.Equal("Agreement provider 'ops' is not a department of this organization.", Message(Path("agreements", 1, "provider")));
        Assert.Equal("Calendar 'paris' is not a calendar of this organization.", Message(Path("agreements", 2, "calendar")));
        Assert.Equal("Service 'payroll' is offered by 'hr', not by the agreement's provider 'it'.", Message(Path("agreements", 3, "services", 0)));
        Assert.Equal("Service 'printing' is not a service of this organization.", Message(Path("agreements", 3, "services", 1)));
        Assert.Equal("Department 'it' cannot have an agreement with itself (provider and consumer are both 'it').", Message(Path("agreements", 4, "consumer")));
        Assert.Equal("Allowed business time must be positive; got 0:00:00:00.", Message(Path("agreements", 5, "firstResponse", "within")));
        Assert.Equal("Target ratio must be in [0, 1); got 1.", Message(Path("agreements", 5, "firstResponse", "target")));
        Assert.Equal("Target ratio must be in [0, 1); got -0.5.", Message(Path("agreements", 5, "resolution", "target")));
        Assert.Equal("Target ratio must be in [0, 1); got 1.2.", Message(Path("agreements", 5, "satisfaction", "target")));
        Assert.Equal("Agreement id 'ok' is already used by $.agreements[0].", Message(Path("agreements", 7, "id")));
        Assert.Equal("Service 'payroll' is already listed at $.agreements[8].services[0].", Message(Path("agreements", 8, "services", 1)));
        Assert.Equal("Calendar 'closed' has no working time, so the agreement's timers could never run.", Message(Path("agreements", 8, "calendar")));
        Assert.Equal("The effective period must not end before it starts (2026-01-01); got an end of 2025-12-31.", Message(Path("agreements", 8, "effectiveUntil")));
        Assert.Equal("A review cadence must be a positive date-based period such as P3M; got PT5H.", Message(Path("agreements", 8, "reviewCadence")));
        Assert.Equal("An agreement needs at least one objective; got none.", Message(Path("agreements", 8, "objectives")));
        Assert.Equal("An agreement must cover at least one service; got null.", Message(Path("agreements", 9, "services")));
        Assert.Equal(
            "Agreements 'ok' ($.agreements[0], 2026-01-01 to open end) and 'overlap' (2026-06-01 to 2026-12-31) both cover service 'laptops' from 'it' to 'hr' over overlapping periods.",
            Message(Path("agreements", 6)));

        var thrown = Assert.Throws<OrganizationValidationException>(() => b.Build());
        Assert.Equal(result.Problems.Length, thrown.Problems.Length);
    }

    [Fact]
    public void Agreements_of_the_same_pair_may_follow_each_other_or_cover_different_services()
    {
        var b = Base();
        AddValid(b, "2026", "it", "hr", ["laptops"], Jan1, new LocalDate(2026, 12, 31));
        AddValid(b, "2027", "it", "hr", ["laptops"], new LocalDate(2027, 1, 1));
        AddValid(b, "accounts", "it", "hr", ["accounts"], Jan1);
        AddValid(b, "other-pair", "it", "fin", ["laptops"], Jan1);
        Assert.True(b.TryBuild().IsSuccess);
    }
}
