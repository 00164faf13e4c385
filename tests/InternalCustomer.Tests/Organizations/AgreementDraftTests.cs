using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Organizations;
using NodaTime;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Organizations;

// Agreements are added as a draft of named raw parts; every problem comes back from TryBuild in one pass.
public class AgreementDraftTests
{
    private static readonly BusinessCalendar Berlin = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin");

    private static OrganizationBuilder Base() =>
        Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("finance", "Finance")
            .AddService("laptops", "Laptops", "it")
            .AddService("accounts", "Accounts", "it")
            .AddCalendar("berlin", Berlin);

    private static AgreementDraft Draft() => new("it-finance")
    {
        Provider = "it",
        Consumer = "finance",
        Services = ["laptops", "accounts"],
        Calendar = "berlin",
        EffectiveFrom = new LocalDate(2026, 1, 1),
        EffectiveUntil = new LocalDate(2026, 12, 31),
        ReviewCadence = Period.FromMonths(3),
        FirstResponse = new ObjectiveDraft(within: Duration.FromHours(1), target: 0.9),
        Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.95, warningThresholds: [0.6, 0.9]),
        SatisfactionTarget = 0.8,
    };

    [Fact]
    public void Every_part_of_the_draft_lands_in_the_agreement()
    {
        var agreement = Base().AddAgreement(Draft()).Build().GetAgreement(AgreementId.Parse("it-finance"));

        Assert.Equal(DepartmentId.Parse("it"), agreement.Provider);
        Assert.Equal(DepartmentId.Parse("finance"), agreement.Consumer);
        Assert.Equal(["accounts", "laptops"], agreement.Services.Select(s => s.Value).Order(StringComparer.Ordinal));
        Assert.Equal(CalendarId.Parse("berlin"), agreement.Calendar);
        Assert.Equal(new LocalDate(2026, 1, 1), agreement.EffectiveFrom);
        Assert.Equal(new LocalDate(2026, 12, 31), agreement.EffectiveUntil);
        Assert.Equal(Period.FromMonths(3), agreement.ReviewCadence);
        Assert.Equal(new TimeObjective(ObjectiveKind.FirstResponse, Duration.FromHours(1), 0.9), agreement.FirstResponse);
        Assert.Equal([0.5, 0.75], agreement.FirstResponse!.WarningThresholds.ToArray());
        Assert.Equal(new TimeObjective(ObjectiveKind.Resolution, Duration.FromHours(8), 0.95, [0.6, 0.9]), agreement.Resolution);
        Assert.Equal(0.8, agreement.Satisfaction!.Target);
    }

    [Fact]
    public void Parts_left_out_are_absent()
    {
        var agreement = Base()
            .AddAgreement(Draft() with { EffectiveUntil = null, FirstResponse = null, SatisfactionTarget = null })
            .Build()
            .GetAgreement(AgreementId.Parse("it-finance"));

        Assert.Null(agreement.EffectiveUntil);
        Assert.Null(agreement.FirstResponse);
        Assert.Null(agreement.Satisfaction);
        Assert.NotNull(agreement.Resolution);
    }

    [Fact]
    public void The_draft_is_copied_when_added()
    {
        var services = new List<string?> { "laptops" };
        var builder = Base().AddAgreement(Draft() with { Services = services });
        services[0] = "no such service";

        Assert.True(builder.TryBuild().IsSuccess);
    }

    [Fact]
    public void A_typed_agreement_goes_through_the_same_draft_and_keeps_its_thresholds()
    {
        var typed = Base().AddAgreement(Draft()).Build().GetAgreement(AgreementId.Parse("it-finance"));

        var again = Base().AddAgreement(typed).Build().GetAgreement(typed.Id);

        Assert.Equal(typed, again);
        Assert.Equal([0.6, 0.9], again.Resolution!.WarningThresholds.ToArray());
    }

    [Fact]
    public void An_empty_draft_reports_every_missing_part_in_one_pass()
    {
        var result = Base().AddAgreement(new AgreementDraft(null)).TryBuild();

        Assert.Equal(
            [
                (ProblemKind.InvalidId, Path("agreements", 0, "id"), "A agreement id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null."),
                (ProblemKind.InvalidId, Path("agreements", 0, "provider"), "A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null."),
                (ProblemKind.InvalidId, Path("agreements", 0, "consumer"), "A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "services"), "An agreement must cover at least one service; got null."),
                (ProblemKind.InvalidId, Path("agreements", 0, "calendar"), "A calendar id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got null."),
                (ProblemKind.MissingValue, Path("agreements", 0, "effectiveFrom"), "An agreement needs the first day it is in effect; got none."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "reviewCadence"), "A review cadence must be a positive date-based period such as P3M; got null."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "objectives"), "An agreement needs at least one objective; got none."),
            ],
            result.Problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    [Fact]
    public void Bad_objective_parts_are_reported_at_their_names()
    {
        var result = Base()
            .AddAgreement(Draft() with
            {
                FirstResponse = new ObjectiveDraft(within: null, target: null),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(-1), target: 1.0, warningThresholds: [0.75, 0.5]),
                SatisfactionTarget = -0.1,
            })
            .TryBuild();

        Assert.Equal(
            [
                (ProblemKind.InvalidValue, Path("agreements", 0, "firstResponse", "within"), "Allowed business time must be positive; got null."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "firstResponse", "target"), "Target ratio must be in [0, 1); got null."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "resolution", "within"), "Allowed business time must be positive; got -0:01:00:00."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "resolution", "target"), "Target ratio must be in [0, 1); got 1."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "resolution", "warningThresholds"), "Warning thresholds must be fractions in (0, 1], strictly increasing; got [0.75, 0.5]."),
                (ProblemKind.InvalidValue, Path("agreements", 0, "satisfaction", "target"), "Target ratio must be in [0, 1); got -0.1."),
            ],
            result.Problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    [Fact]
    public void A_calendar_entry_without_a_calendar_is_a_problem_of_the_entry()
    {
        var result = Base().AddCalendar("unmade", null).TryBuild();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.MissingValue, problem.Kind);
        Assert.Equal(Path("calendars", 1), problem.Location);
        Assert.Equal("Expected a business calendar for this entry; got null.", problem.Message);
    }

    [Fact]
    public void Duplicate_ids_in_every_section_name_the_entry_that_came_first()
    {
        var result = Base()
            .AddDepartment("it", "IT again")
            .AddService("laptops", "Laptops again", "it")
            .AddCalendar("berlin", Berlin)
            .AddDependency(provider: "it", consumer: "finance")
            .AddDependency(provider: "it", consumer: "finance", criticality: 5)
            .AddAgreement(Draft())
            .AddAgreement(Draft() with { Services = ["laptops"], EffectiveFrom = new LocalDate(2027, 1, 1), EffectiveUntil = null })
            .TryBuild();

        Assert.Equal(
            [
                (Path("departments", 2, "id"), "Department id 'it' is already used by $.departments[0]."),
                (Path("services", 2, "id"), "Service id 'laptops' is already used by $.services[0]."),
                (Path("dependencies", 1), "The dependency of 'finance' on 'it' is already declared by $.dependencies[0]."),
                (Path("calendars", 1, "id"), "Calendar id 'berlin' is already used by $.calendars[0]."),
                (Path("agreements", 1, "id"), "Agreement id 'it-finance' is already used by $.agreements[0]."),
            ],
            result.Problems.Select(p => (p.Location, p.Message)));
        Assert.All(result.Problems, p => Assert.Equal(ProblemKind.DuplicateId, p.Kind));
    }

    [Fact]
    public void Null_drafts_are_rejected()
    {
        Assert.Equal("agreement", Assert.Throws<ArgumentNullException>(() => Base().AddAgreement((AgreementDraft)null!)).ParamName);
    }
}
