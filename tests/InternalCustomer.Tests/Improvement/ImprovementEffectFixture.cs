using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Improvement;

/// <summary>A small hand-built organisation and data set for the improvement loop's tests.</summary>
/// <remarks>
/// logistics serves assembly (agreement log-asm, calendar in Europe/Berlin, reviewed monthly, resolution within 4 h)
/// and paint (log-paint, UTC, reviewed quarterly); hr serves assembly by a declared dependency only (no agreement);
/// lab has no relationship with anyone. The action "a1" on logistics → assembly started 1 April 2026 and was completed
/// 10 April, so with the monthly cadence the before window is March and the after window 10 April – 9 May (Berlin days).
/// </remarks>
internal static class ImprovementEffectFixture
{
    internal static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    internal static readonly DepartmentId Logistics = Id("logistics");
    internal static readonly DepartmentId Assembly = Id("assembly");
    internal static readonly DepartmentId Paint = Id("paint");
    internal static readonly DepartmentId Hr = Id("hr");
    internal static readonly DepartmentId Lab = Id("lab");

    internal static readonly Relationship Treated = new(Logistics, Assembly);
    internal static readonly Relationship Control = new(Logistics, Paint);

    // The data set checked against R (see ImprovementEffectTests): overall scores on 1–5, satisfied = 4 or 5.
    internal static readonly int[] TreatedBefore = [3, 4, 2, 5, 3, 4, 2, 3, 4, 3];
    internal static readonly int[] TreatedAfter = [5, 4, 4, 5, 3, 5, 4, 4, 5, 4, 2, 5];
    internal static readonly int[] ControlBefore = [4, 3, 5, 4, 2, 4, 3, 5];
    internal static readonly int[] ControlAfter = [4, 4, 3, 5, 2, 4, 5, 3, 4];

    internal static DepartmentId Id(string id) => DepartmentId.Parse(id);

    internal static Instant March(int day, int hour = 12) => Instant.FromUtc(2026, 3, day, hour, 0);

    internal static Instant April(int day, int hour = 12) => Instant.FromUtc(2026, 4, day, hour, 0);

    internal static Organization Organization() =>
        InternalCustomer.Organizations.Organization.CreateBuilder()
            .AddDepartment("logistics", "Logistics")
            .AddDepartment("assembly", "Final assembly")
            .AddDepartment("paint", "Paint shop")
            .AddDepartment("hr", "HR")
            .AddDepartment("lab", "Lab")
            .AddService("transport", "Transport", "logistics")
            .AddService("forklifts", "Forklifts", "logistics")
            .AddCalendar("berlin", BusinessCalendar.AlwaysOpen("Europe/Berlin"))
            .AddCalendar("utc", BusinessCalendar.AlwaysOpen("Etc/UTC"))
            .AddAgreement(new AgreementDraft("log-asm")
            {
                Provider = "logistics",
                Consumer = "assembly",
                Services = ["transport"],
                Calendar = "berlin",
                EffectiveFrom = new LocalDate(2026, 1, 1),
                ReviewCadence = Period.FromMonths(1),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
            })
            .AddAgreement(new AgreementDraft("log-asm-2")
            {
                Provider = "logistics",
                Consumer = "assembly",
                Services = ["forklifts"],
                Calendar = "utc",
                EffectiveFrom = new LocalDate(2026, 2, 1),
                ReviewCadence = Period.FromMonths(6),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.9),
            })
            .AddAgreement(new AgreementDraft("log-paint")
            {
                Provider = "logistics",
                Consumer = "paint",
                Services = ["transport"],
                Calendar = "utc",
                EffectiveFrom = new LocalDate(2026, 1, 1),
                ReviewCadence = Period.FromMonths(3),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
            })
            .AddDependency("hr", "assembly", criticality: 2)
            .Build();

    internal static ImprovementAction Action(
        string id = "a1",
        Relationship? relationship = null,
        LocalDate? started = null,
        LocalDate? completed = null,
        ImprovementStatus status = ImprovementStatus.Completed) =>
        new(
            ActionId.Parse(id),
            relationship ?? Treated,
            Logistics,
            "Second forklift shift",
            started ?? new LocalDate(2026, 4, 1),
            status,
            status is ImprovementStatus.Planned or ImprovementStatus.InProgress ? null : completed ?? new LocalDate(2026, 4, 10));

    /// <summary>The responses of the R data set, one a day at noon UTC (March from the 2nd, April from the 12th), plus
    /// noise that must be ignored: a treated response while the action was carried out, one of a pair that is not a
    /// control, and one after the after window.</summary>
    internal static FeedbackResponse[] Responses()
    {
        var scale = RatingScale.FivePoint;
        return
        [
            .. TreatedBefore.Select((s, i) => new FeedbackResponse(Assembly, Logistics, March(2 + i), scale, s)),
            .. TreatedAfter.Select((s, i) => new FeedbackResponse(Assembly, Logistics, April(12 + i), scale, s)),
            .. ControlBefore.Select((s, i) => new FeedbackResponse(Paint, Logistics, March(2 + i), scale, s)),
            .. ControlAfter.Select((s, i) => new FeedbackResponse(Paint, Logistics, April(12 + i), scale, s)),
            new FeedbackResponse(Assembly, Logistics, April(5), scale, 1),
            new FeedbackResponse(Assembly, Hr, March(10), scale, 1),
            new FeedbackResponse(Assembly, Logistics, Instant.FromUtc(2026, 5, 20, 12, 0), scale, 1),
        ];
    }

    /// <summary>Requests opened at 09:00 UTC and resolved at 10:00 (met, 1 h of 4) or 15:00 (breached, 6 h): treated
    /// 5 of 8 on time before and 9 of 10 after, control 4 of 6 both times; plus one treated request opened while the
    /// action was carried out (ignored).</summary>
    internal static ServiceRequest[] Requests()
    {
        var asm = AgreementId.Parse("log-asm");
        var paint = AgreementId.Parse("log-paint");
        var list = new List<ServiceRequest>();
        for (var i = 0; i < 8; i++)
        {
            list.Add(new ServiceRequest($"tb-{i}", asm, March(2 + i, 9), resolved: March(2 + i, i < 5 ? 10 : 15)));
        }

        for (var i = 0; i < 10; i++)
        {
            list.Add(new ServiceRequest($"ta-{i}", asm, April(12 + i, 9), resolved: April(12 + i, i < 9 ? 10 : 15)));
        }

        for (var i = 0; i < 6; i++)
        {
            list.Add(new ServiceRequest($"cb-{i}", paint, March(2 + i, 9), resolved: March(2 + i, i < 4 ? 10 : 15)));
            list.Add(new ServiceRequest($"ca-{i}", paint, April(12 + i, 9), resolved: April(12 + i, i < 4 ? 10 : 15)));
        }

        list.Add(new ServiceRequest("gap", asm, April(5, 9), resolved: April(5, 20)));
        return [.. list];
    }
}
