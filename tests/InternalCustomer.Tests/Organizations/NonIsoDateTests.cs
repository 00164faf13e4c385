using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Organizations;
using NodaTime;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Organizations;

/// <summary>
/// Regression tests for issue 15, "What was found" 6: <c>TryBuild()</c> threw for an agreement whose effective
/// dates are in a non-ISO calendar (they cannot be compared with ISO dates); it now reports a located problem,
/// and the agreement's constructor throws a documented <see cref="ArgumentException"/>.
/// </summary>
public class NonIsoDateTests
{
    private static readonly LocalDate JulianJan1 = new(2026, 1, 1, CalendarSystem.Julian);

    private static OrganizationBuilder WithAgreement(LocalDate from, LocalDate? until) =>
        Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("hr", "HR")
            .AddService("laptops", "Laptops", "it")
            .AddCalendar("london", BusinessCalendar.WeekdaysNineToFive("Europe/London"))
            .AddAgreement(new AgreementDraft("it-hr")
            {
                Provider = "it",
                Consumer = "hr",
                Services = ["laptops"],
                Calendar = "london",
                EffectiveFrom = from,
                EffectiveUntil = until,
                ReviewCadence = Period.FromMonths(3),
                SatisfactionTarget = 0.8,
            })
            .AddAgreement(new AgreementDraft("hr-it-other")
            {
                Provider = "it",
                Consumer = "hr",
                Services = ["laptops"],
                Calendar = "london",
                EffectiveFrom = new LocalDate(2026, 6, 1),
                ReviewCadence = Period.FromMonths(3),
                SatisfactionTarget = 0.8,
            });

    [Fact]
    public void A_Julian_effectiveFrom_is_an_invalid_value_at_its_location()
    {
        var result = WithAgreement(JulianJan1, null).TryBuild();
        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(Path("agreements", 0, "effectiveFrom"), problem.Location);
        Assert.Equal("An agreement's first day in effect must be a date in the ISO calendar; got 2026-01-01 in the Julian calendar.", problem.Message);
    }

    [Fact]
    public void A_Julian_effectiveUntil_is_an_invalid_value_at_its_location()
    {
        var result = WithAgreement(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31, CalendarSystem.Julian)).TryBuild();
        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(Path("agreements", 0, "effectiveUntil"), problem.Location);
        Assert.Equal("An agreement's last day in effect must be a date in the ISO calendar; got 2026-12-31 in the Julian calendar.", problem.Message);
    }

    [Fact]
    public void Both_dates_in_another_calendar_give_two_problems_and_no_order_check()
    {
        var result = WithAgreement(JulianJan1, new LocalDate(2025, 1, 1, CalendarSystem.Gregorian)).TryBuild();
        Assert.Equal(
            [(ProblemKind.InvalidValue, Path("agreements", 0, "effectiveFrom")), (ProblemKind.InvalidValue, Path("agreements", 0, "effectiveUntil"))],
            result.Problems.Select(p => (p.Kind, p.Location)));
    }

    [Fact]
    public void The_constructor_rejects_non_ISO_effective_dates()
    {
        ServiceAgreement Make(LocalDate from, LocalDate? until) => new(
            AgreementId.Parse("it-hr"),
            DepartmentId.Parse("it"),
            DepartmentId.Parse("hr"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("london"),
            from,
            until,
            Period.FromMonths(3),
            satisfaction: new SatisfactionObjective(0.8));

        var from = Assert.Throws<ArgumentException>(() => Make(JulianJan1, null));
        Assert.Equal("effectiveFrom", from.ParamName);
        Assert.StartsWith("An agreement's first day in effect must be a date in the ISO calendar; got 2026-01-01 in the Julian calendar.", from.Message);

        var until = Assert.Throws<ArgumentException>(() => Make(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31, CalendarSystem.Julian)));
        Assert.Equal("effectiveUntil", until.ParamName);
        Assert.StartsWith("An agreement's last day in effect must be a date in the ISO calendar; got 2026-12-31 in the Julian calendar.", until.Message);
    }
}
