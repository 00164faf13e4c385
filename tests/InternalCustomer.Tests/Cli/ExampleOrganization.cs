using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// The built-in example: a manufacturer whose production lines are each other's customers, served by
/// support functions, with twelve months (July 2025 – June 2026) of synthetic service requests and the
/// feedback collected at a monthly cross-department review meeting. Deterministic: one seeded generator,
/// so <c>docs/examples/</c> can be regenerated and checked (see <c>ExampleFilesTests</c>).
/// </summary>
/// <remarks>
/// Planted findings: IT infrastructure and maintenance depend on each other (a mutual-dependency cycle);
/// the innovation lab works with nobody (a silo); the IT service desk meets its SLA with final assembly
/// but assembly is unhappy with it; HR's service to the paint shop declines month after month; logistics
/// breaches its agreements with the lines because procurement breaches its agreement with logistics.
/// Objectives per priority: every request carries a priority P1–P4 (drawn from a second seeded generator, so the first
/// one's stream, and with it the findings above, is what it was before priorities); the IT service desk's agreement with
/// finance has one objective set per priority and is slow on P1 requests only, so its P1 set is breached while P3 is met.
/// The office-hours calendar closes at 12:00 on Christmas Eve 2025 and works Saturday 2025-12-13 (in exchange for
/// 31 December); the IT service desk's agreement with HR excludes the requests opened during a weekend ERP upgrade (a
/// maintenance window).
/// The improvement loop (issue 12): logistics serves final assembly worst of its lines until an improvement action
/// (<see cref="LogisticsActionStarted"/> to <see cref="LogisticsActionCompleted"/>) after which the pair's requests are on
/// time and its ratings high while logistics' other lines stay as they were; HR's action for the paint shop
/// (<see cref="HrActionStarted"/> to <see cref="HrActionCompleted"/>) changes nothing the data can tell, and the paint shop's
/// decline goes on; <see cref="QuietConsumer"/> answers once in <see cref="QuietQuarter"/>. These changes keep the first
/// generator's stream as it was, so every other agreement's requests and responses are unchanged
/// (<c>ExampleImprovementDataTests</c> measures them).
/// </remarks>
internal static class ExampleOrganization
{
    internal const int Seed = 20260630;

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly LocalDate First = new(2025, 7, 1);
    private static readonly LocalDate Last = new(2026, 6, 30);

    private static readonly (string Id, string Name, string? Parent, string Description)[] Departments =
    [
        ("manufacturing", "Manufacturing division", null, "The four production lines and the plant functions that keep them running."),
        ("press-shop", "Line 1 – Press shop", "manufacturing", "Stamps body panels from coil steel."),
        ("body-shop", "Line 2 – Body shop", "manufacturing", "Welds panels into bodies; the press shop's customer."),
        ("paint-shop", "Line 3 – Paint shop", "manufacturing", "Paints bodies; the body shop's customer."),
        ("assembly", "Line 4 – Final assembly", "manufacturing", "Fits the painted body with its parts; the paint shop's customer."),
        ("end-of-line", "End-of-line test", "manufacturing", "Tests every finished unit; final assembly's customer."),
        ("dispatch", "Dispatch preparation", "manufacturing", "Packs tested units for shipping."),
        ("maintenance", "Maintenance", "manufacturing", "Keeps presses, robots, ovens and the buildings running."),
        ("tooling", "Tooling", "manufacturing", "Builds and repairs press dies and welding fixtures."),
        ("planning", "Production planning", "manufacturing", "Plans line schedules and material calls."),
        ("ehs", "Health, safety & environment", "manufacturing", "Permits, audits and incident follow-up."),
        ("shared-services", "Shared services", null, "The support functions serving the whole company."),
        ("hr", "Human resources", "shared-services", "Hiring, training and employee relations."),
        ("payroll", "Payroll", "hr", "Pay, overtime and shift allowances."),
        ("it", "Information technology", "shared-services", "Applications, devices and networks."),
        ("it-service-desk", "IT service desk", "it", "First line for every IT request."),
        ("it-infrastructure", "IT infrastructure", "it", "Server room, networks and the plant's control systems."),
        ("finance", "Finance", "shared-services", "Accounting, payments and budgets."),
        ("controlling", "Controlling", "finance", "Cost reports and variance analysis for the lines."),
        ("procurement", "Procurement", "shared-services", "Buys parts, spares and services."),
        ("logistics", "Logistics", "shared-services", "Brings material to the lines and units to customers."),
        ("warehouse", "Warehouse", "logistics", "Stores parts and spares."),
        ("quality", "Quality", "shared-services", "Quality assurance and supplier quality."),
        ("quality-lab", "Quality lab", "quality", "Measurements, material tests and audits."),
        ("innovation-lab", "Innovation lab", null, "Prototypes new processes; works on its own."),
    ];

    private static readonly (string Provider, string Service, string Name)[] Services =
    [
        ("press-shop", "panels", "Stamped panels"), ("body-shop", "bodies", "Welded bodies"), ("paint-shop", "painted-bodies", "Painted bodies"),
        ("assembly", "assembled-units", "Assembled units"), ("end-of-line", "tested-units", "Tested units"),
        ("maintenance", "breakdown-repair", "Breakdown repair"), ("maintenance", "facility-care", "Facility care and power"),
        ("tooling", "die-repair", "Die and fixture repair"), ("planning", "line-schedule", "Line schedule changes"),
        ("ehs", "work-permit", "Work permits and safety checks"), ("hr", "staffing", "Staffing and shift cover"),
        ("hr", "training", "Training"), ("payroll", "pay-queries", "Pay queries"), ("it-service-desk", "it-support", "IT support"),
        ("it-infrastructure", "control-systems", "Control systems and maintenance software"), ("finance", "invoice-payment", "Invoice payment"),
        ("controlling", "cost-reports", "Cost reports"), ("procurement", "purchase-orders", "Purchase orders for spares and parts"),
        ("logistics", "line-feeding", "Line feeding"), ("warehouse", "spares-issue", "Spares issue"), ("quality", "quality-release", "Quality release"),
        ("quality-lab", "measurements", "Measurements and tests"),
    ];

    private static readonly string[] Lines = ["press-shop", "body-shop", "paint-shop", "assembly", "end-of-line", "dispatch"];

    /// <summary>The organisation's priorities, highest first.</summary>
    internal static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];

    /// <summary>The provider and consumer of the agreement with one objective set per priority.</summary>
    internal static readonly (string Provider, string Consumer) PerPriority = ("it-service-desk", "finance");

    /// <summary>The Christmas Eve half day of the office-hours calendar: it closes at 12:00.</summary>
    internal static readonly LocalDate ChristmasEve = new(2025, 12, 24);

    /// <summary>The make-up workday of the office-hours calendar: a Saturday worked 08:00–17:00 in exchange for 31 December.</summary>
    internal static readonly LocalDate MakeUpSaturday = new(2025, 12, 13);

    /// <summary>The provider and consumer of the agreement with a maintenance window.</summary>
    internal static readonly (string Provider, string Consumer) WithMaintenance = ("it-service-desk", "hr");

    /// <summary>The maintenance window of <see cref="WithMaintenance"/>'s agreement: a weekend ERP upgrade, Friday 18:00 to
    /// Monday 06:00 Berlin time; requests opened in it are not measured.</summary>
    internal static readonly Interval ErpUpgrade = new(
        Zone.AtStrictly(new LocalDateTime(2026, 2, 13, 18, 0)).ToInstant(),
        Zone.AtStrictly(new LocalDateTime(2026, 2, 16, 6, 0)).ToInstant());

    /// <summary>The provider and consumer of the improvement action that worked: logistics' line feeding of final assembly.</summary>
    internal static readonly (string Provider, string Consumer) LogisticsAction = ("logistics", "assembly");

    /// <summary>The day logistics starts its action for final assembly (a Monday): a dedicated feeding route and a buffer of
    /// the parts procurement delivers late.</summary>
    internal static readonly LocalDate LogisticsActionStarted = new(2026, 1, 5);

    /// <summary>The day logistics completes its action for final assembly (a Friday). Until then final assembly is logistics'
    /// worst-served line (requests take 1.5 times the allowance on average, the other lines 1.25; the review meetings rate it
    /// around 2.7, the other lines 3.0); from it on, the pair's requests are answered and resolved as quickly as the support
    /// functions' usual ones (0.22 of the allowance) and the meetings rate logistics around 4.5. The other lines stay as they
    /// were.</summary>
    internal static readonly LocalDate LogisticsActionCompleted = new(2026, 2, 27);

    /// <summary>The provider and consumer of the improvement action whose effect cannot be told from noise: HR's staffing of
    /// the paint shop, whose satisfaction declines month after month (the planted trend, which the action does not stop).</summary>
    internal static readonly (string Provider, string Consumer) HrAction = ("hr", "paint-shop");

    /// <summary>The day HR starts its action for the paint shop.</summary>
    internal static readonly LocalDate HrActionStarted = new(2026, 4, 13);

    /// <summary>The day HR completes its action for the paint shop: late in the data, so the after window (one review cadence,
    /// cut at the end of the data) holds one review meeting.</summary>
    internal static readonly LocalDate HrActionCompleted = new(2026, 6, 1);

    /// <summary>The consumer that answers little in <see cref="QuietQuarter"/>: of its review-meeting ratings in that quarter
    /// only the first one is recorded.</summary>
    internal const string QuietConsumer = "quality";

    /// <summary>The quarter (a campaign cycle) in which <see cref="QuietConsumer"/> answers little.</summary>
    internal static readonly DateInterval QuietQuarter = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30));

    /// <summary>The pairs whose review meetings are not recorded, so their agreements stay overdue for review.</summary>
    internal static readonly (string Provider, string Consumer)[] UnreviewedPairs =
        [("controlling", "shared-services"), ("ehs", "press-shop"), ("payroll", "it"), ("procurement", "tooling")];

    /// <summary>The quarterly review meetings of every other pair: the first Tuesday of each quarter, the day of the monthly
    /// ratings.</summary>
    internal static readonly LocalDate[] QuarterlyReviews = [new(2025, 7, 1), new(2025, 10, 7), new(2026, 1, 6), new(2026, 4, 7)];

    /// <summary>The extra review meeting of logistics and final assembly at which the logistics action is agreed (the first
    /// Tuesday of December 2025).</summary>
    internal static readonly LocalDate LogisticsActionAgreed = new(2025, 12, 2);

    /// <summary>The ids of the three improvement actions: logistics' (completed, worked), HR's (completed, lost in noise) and
    /// planning's for dispatch (in progress).</summary>
    internal const string LogisticsActionId = "act-logistics-feeding-route";

    /// <summary>The id of HR's action for the paint shop.</summary>
    internal const string HrActionId = "act-hr-shift-cover";

    /// <summary>The id of planning's action for dispatch, still in progress at the end of the data.</summary>
    internal const string InProgressActionId = "act-planning-dispatch-lookahead";

    /// <summary>The pair of the action still in progress: planning's service to dispatch, where nothing is planted.</summary>
    internal static readonly (string Provider, string Consumer) InProgressAction = ("planning", "dispatch");

    /// <summary>The four quarterly campaigns, 2025-Q3 to 2026-Q2, in the office zone.</summary>
    internal static readonly string[] CampaignIds = ["2025-q3", "2025-q4", "2026-q1", "2026-q2"];

    /// <summary>People of the consumer asked per relationship and quarterly campaign: two at each of the quarter's three
    /// monthly review meetings.</summary>
    internal const int InvitedPerQuarter = 6;

    /// <summary>The objective sets of <see cref="PerPriority"/>'s agreement: (priority, first response, resolution), each a
    /// business-time allowance or a number of business days, all with target 90%.</summary>
    internal static readonly (string Priority, (Duration? Time, int? Days) FirstResponse, (Duration? Time, int? Days) Resolution)[] PrioritySets =
    [
        ("P1", (Duration.FromMinutes(30), null), (Duration.FromHours(4), null)),
        ("P2", (Duration.FromHours(1), null), (Duration.FromHours(8), null)),
        ("P3", (null, 1), (null, 5)),
        ("P4", (null, 2), (null, 10)),
    ];

    /// <summary>The agreements: provider, consumer, calendar.</summary>
    private static IEnumerable<(string Provider, string Consumer, string Calendar)> AgreementPairs()
    {
        // The lines are chained: each is the customer of the line before it.
        for (var i = 0; i + 1 < Lines.Length - 1; i++)
        {
            yield return (Lines[i], Lines[i + 1], "plant-shifts");
        }

        yield return ("end-of-line", "dispatch", "plant-shifts");
        foreach (var line in Lines)
        {
            yield return ("maintenance", line, "plant-shifts");
            yield return ("it-service-desk", line, "office-hours");
            yield return ("hr", line, "office-hours");
            yield return ("quality", line, "office-hours");
            yield return ("logistics", line, "plant-shifts");
            yield return ("planning", line, "office-hours");
        }

        foreach (var buyer in new[] { "logistics", "warehouse", "maintenance", "tooling" })
        {
            yield return ("procurement", buyer, "office-hours");
        }

        // IT infrastructure and maintenance depend on each other: the mutual-dependency cycle.
        yield return ("it-infrastructure", "maintenance", "around-the-clock");
        yield return ("maintenance", "it-infrastructure", "plant-shifts");
        yield return ("finance", "procurement", "office-hours");
        yield return ("controlling", "manufacturing", "office-hours");
        yield return ("controlling", "shared-services", "office-hours");
        foreach (var department in new[] { "it", "finance", "logistics", "quality", "maintenance" })
        {
            yield return ("payroll", department, "office-hours");
        }

        foreach (var department in new[] { "finance", "hr", "procurement", "logistics", "quality" })
        {
            yield return ("it-service-desk", department, "office-hours");
        }

        yield return ("quality-lab", "quality", "office-hours");
        yield return ("ehs", "assembly", "office-hours");
        yield return ("ehs", "press-shop", "office-hours");
    }

    /// <summary>Builds the organisation.</summary>
    internal static Organization Organization()
    {
        var builder = new OrganizationBuilder();
        foreach (var priority in Priorities)
        {
            builder.AddPriority(priority);
        }

        foreach (var (id, name, parent, description) in Departments)
        {
            builder.AddDepartment(id, name, parent, description);
        }

        foreach (var (provider, service, name) in Services)
        {
            builder.AddService(service, name, provider, provider is "press-shop" or "body-shop" or "paint-shop" or "assembly" or "end-of-line" ? "production" : "support");
        }

        builder.AddDependency(provider: "tooling", consumer: "press-shop", criticality: 5, volume: 40);
        builder.AddDependency(provider: "tooling", consumer: "body-shop", criticality: 4, volume: 25);

        LocalDate[] holidays =
        [
            new(2025, 10, 3), new(2025, 12, 24), new(2025, 12, 25), new(2025, 12, 26), new(2025, 12, 31), new(2026, 1, 1),
            new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25),
        ];
        // The offices work the morning of Christmas Eve (a half day, not a holiday) and one Saturday in December.
        var office = BusinessCalendar.Weekdays("Europe/Berlin", new LocalTime(8, 0), new LocalTime(17, 0)).WithHolidays(holidays.Where(d => d != ChristmasEve));
        builder.AddCalendar("office-hours", office.WithSpecialDays(
        [
            office.PartDayClosure(ChristmasEve, new LocalTime(12, 0)),
            new SpecialDay(MakeUpSaturday, [new WorkingWindow(new LocalTime(8, 0), new LocalTime(17, 0))]),
        ]));
        builder.AddCalendar("plant-shifts", BusinessCalendar.Create(
            "Europe/Berlin",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>
            {
                [IsoDayOfWeek.Monday] = [new(new LocalTime(6, 0), new LocalTime(22, 0))],
                [IsoDayOfWeek.Tuesday] = [new(new LocalTime(6, 0), new LocalTime(22, 0))],
                [IsoDayOfWeek.Wednesday] = [new(new LocalTime(6, 0), new LocalTime(22, 0))],
                [IsoDayOfWeek.Thursday] = [new(new LocalTime(6, 0), new LocalTime(22, 0))],
                [IsoDayOfWeek.Friday] = [new(new LocalTime(6, 0), new LocalTime(22, 0))],
                [IsoDayOfWeek.Saturday] = [new(new LocalTime(6, 0), new LocalTime(14, 0))],
            },
            holidays));
        builder.AddCalendar("around-the-clock", BusinessCalendar.AlwaysOpen("Europe/Berlin"));

        var number = 0;
        foreach (var (provider, consumer, calendar) in AgreementPairs())
        {
            number++;
            var services = Services.Where(s => s.Provider == provider).Select(s => s.Service).ToArray();
            var officeHours = calendar == "office-hours";
            var draft = new AgreementDraft($"ola-{number:00}-{provider}-{consumer}")
            {
                Provider = provider,
                Consumer = consumer,
                Services = services,
                Calendar = calendar,
                EffectiveFrom = First,
                ReviewCadence = number % 3 == 0 ? Period.FromMonths(6) : Period.FromMonths(3),
                FirstResponse = new ObjectiveDraft(within: Duration.FromHours(officeHours ? 2 : 1), target: 0.9),
                Resolution = new ObjectiveDraft(within: Duration.FromHours(officeHours ? 18 : 8), target: 0.9),
                SatisfactionTarget = 0.8,
            };
            if ((provider, consumer) == PerPriority)
            {
                draft = draft with
                {
                    FirstResponse = null,
                    Resolution = null,
                    ObjectiveSets = [.. PrioritySets.Select(p => new ObjectiveSetDraft(p.Priority)
                    {
                        Priorities = [p.Priority],
                        FirstResponse = Objective(p.FirstResponse),
                        Resolution = Objective(p.Resolution),
                    })],
                };
            }

            if ((provider, consumer) == WithMaintenance)
            {
                draft = draft with { Exclusions = [new ExclusionWindow(ErpUpgrade, "ERP upgrade weekend", ExclusionEffect.ExcludeRequests)] };
            }

            builder.AddAgreement(draft);
        }

        return builder.Build();

        static ObjectiveDraft Objective((Duration? Time, int? Days) allowance) =>
            allowance.Days is { } days ? new ObjectiveDraft(within: null, target: 0.9) { BusinessDays = days } : new ObjectiveDraft(allowance.Time, target: 0.9);
    }

    /// <summary>The priority of every request in the order <see cref="Requests"/> makes them: 10% P1, 20% P2, 45% P3, 25% P4.</summary>
    private static string DrawPriority(Random random) => random.NextDouble() switch
    {
        < 0.10 => "P1",
        < 0.30 => "P2",
        < 0.75 => "P3",
        _ => "P4",
    };

    /// <summary>Twelve months of requests for every agreement, from the seeded generator.</summary>
    internal static IReadOnlyList<ServiceRequest> Requests(Organization organization)
    {
        var random = new Random(Seed);

        // A second generator for the priorities, so that the first one's stream is what it was before requests had them.
        var priorityRandom = new Random(Seed + 2);
        var requests = new List<ServiceRequest>();
        foreach (var agreement in organization.Agreements)
        {
            var (provider, consumer) = (agreement.Provider.Value, agreement.Consumer.Value);
            var calendar = organization.GetCalendar(agreement.Calendar);
            var perMonth = Lines.Contains(consumer) ? 5 : 3;

            // How slow the provider is for this customer: a multiple of the resolution allowance.
            var slowness = (provider, consumer) switch
            {
                ("procurement", "logistics") => 1.4,
                ("logistics", _) when Lines.Contains(consumer) => 1.25,
                ("it-service-desk", "assembly") => 0.12,
                _ => 0.22,
            };
            var perPriority = (provider, consumer) == PerPriority;
            var number = 0;
            for (var month = First; month <= Last; month = month.PlusMonths(1))
            {
                var count = perMonth + random.Next(-1, 3);
                for (var k = 0; k < count; k++)
                {
                    var day = month.PlusDays(random.Next(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
                    var opened = Zone.AtLeniently(day.At(new LocalTime(6 + random.Next(0, 14), random.Next(60)))).ToInstant();
                    var priority = DrawPriority(priorityRandom);
                    Duration firstResponseAllowance, resolutionAllowance;
                    var speed = slowness;
                    if (perPriority)
                    {
                        // The desk is slow on P1 requests for finance (1.4 times the allowance on average) and quick on the rest.
                        var set = PrioritySets.Single(p => p.Priority == priority);
                        firstResponseAllowance = Allowance(calendar, opened, set.FirstResponse);
                        resolutionAllowance = Allowance(calendar, opened, set.Resolution);
                        speed = priority == "P1" ? 1.4 : slowness;
                    }
                    else
                    {
                        firstResponseAllowance = agreement.FirstResponse!.Within;
                        resolutionAllowance = agreement.Resolution!.Within;
                    }

                    var responseDraw = Exponential(random);
                    var workDraw = Exponential(random);
                    var (firstResponse, resolved) = Times(speed);

                    // Logistics serves final assembly worst of its lines (1.5 times the allowance) until its action is completed,
                    // and at the usual support speed from then on. The pause below is still decided on the times the requests
                    // would have had at the lines' common speed, so the generator's stream (and every other agreement's numbers)
                    // stays as it was.
                    var (slowFirstResponse, slowResolved) = (firstResponse, resolved);
                    if ((provider, consumer) == LogisticsAction)
                    {
                        (firstResponse, resolved) = Times(day >= LogisticsActionCompleted ? 0.22 : 1.5);
                    }

                    Interval[] pauses = [];
                    if (random.Next(6) == 0 && slowResolved - slowFirstResponse > Duration.FromHours(2))
                    {
                        var start = firstResponse + Duration.FromMinutes(30);
                        pauses = [new Interval(start, start + Duration.FromMinutes(random.Next(30, 90)))];
                        resolved = Instant.Max(resolved, pauses[0].End + Duration.FromMinutes(15));
                    }

                    // Requests opened in the last days may still be open at the end of the data.
                    var stillOpen = day > Last.PlusDays(-3) && random.Next(2) == 0;
                    requests.Add(new ServiceRequest(
                        $"{agreement.Id.Value}-{++number:000}",
                        agreement.Id,
                        opened,
                        firstResponse,
                        stillOpen ? null : resolved,
                        stillOpen ? [] : pauses)
                    {
                        Priority = PriorityId.Parse(priority),
                    });

                    (Instant FirstResponse, Instant Resolved) Times(double multiple)
                    {
                        var answered = calendar.AddBusinessTime(opened, firstResponseAllowance * (multiple * 0.6 * responseDraw));
                        var work = resolutionAllowance * (multiple * workDraw);
                        var responseTime = calendar.BusinessTime(opened, answered);
                        var done = calendar.AddBusinessTime(opened, work < responseTime ? responseTime : work);
                        return (answered, done < answered ? answered : done);
                    }
                }
            }
        }

        return requests;
    }

    /// <summary>The monthly review meeting: every customer rates every provider it has an agreement with.</summary>
    internal static IReadOnlyList<FeedbackResponse> Responses(Organization organization)
    {
        var random = new Random(Seed + 1);
        var responses = new List<FeedbackResponse>();
        var monthIndex = 0;
        for (var month = First; month <= Last; month = month.PlusMonths(1), monthIndex++)
        {
            // The review meeting: the first Tuesday of the month at 10:00.
            var meeting = month;
            while (meeting.DayOfWeek != IsoDayOfWeek.Tuesday)
            {
                meeting = meeting.PlusDays(1);
            }

            var instant = Zone.AtLeniently(meeting.At(new LocalTime(10, 0))).ToInstant();
            foreach (var agreement in organization.Agreements)
            {
                var (provider, consumer) = (agreement.Provider.Value, agreement.Consumer.Value);
                var mean = (provider, consumer) switch
                {
                    ("it-service-desk", "assembly") => 2.3,
                    ("logistics", "assembly") => meeting >= LogisticsActionCompleted ? 4.5 : 2.7,
                    ("hr", "paint-shop") => 4.7 - (0.22 * monthIndex),
                    ("procurement", "logistics") => 2.6,
                    ("logistics", _) when Lines.Contains(consumer) => 3.0,
                    _ => 4.1,
                };

                // Two people from the customer attend and rate.
                for (var person = 0; person < 2; person++)
                {
                    var overall = Math.Clamp((int)Math.Round(mean + ((random.NextDouble() - 0.5) * 1.6)), 1, 5);
                    var recommend = Math.Clamp((overall * 2) + random.Next(-1, 2), 0, 10);
                    var effort = Math.Clamp(overall + random.Next(0, 3), 1, 7);
                    responses.Add(new FeedbackResponse(
                        agreement.Consumer,
                        agreement.Provider,
                        instant + Duration.FromMinutes(person * 5),
                        RatingScale.FivePoint,
                        overall,
                        recommend,
                        effort,
                        agreement: agreement.Id,
                        comment: overall <= 2 ? Complaint(provider, random) : null));
                }
            }
        }

        // The quiet consumer: in its quiet quarter only its first rating is recorded (filtered after generating, so the
        // generator's stream stays as it was).
        var quiet = responses.Where(r => r.Respondent.Value == QuietConsumer && QuietQuarter.Contains(r.Instant.InZone(Zone).Date)).Skip(1).ToHashSet();
        return [.. responses.Where(r => !quiet.Contains(r))];
    }

    /// <summary>
    /// The example's improvement record: the four quarterly feedback campaigns (every pair with an agreement invited,
    /// <see cref="InvitedPerQuarter"/> people each), a quarterly review meeting of every pair but <see cref="UnreviewedPairs"/>,
    /// the extra meeting agreeing logistics' action, and the three actions (agreed at meetings).
    /// </summary>
    internal static ImprovementRecord Improvement(Organization organization)
    {
        var pairs = organization.Agreements.Select(a => new Relationship(a.Provider, a.Consumer)).Distinct().Order().ToList();
        var cycles = FeedbackCampaign.Cycles(First, Period.FromMonths(3), CampaignIds.Length);
        var campaigns = CampaignIds.Select((id, i) => new FeedbackCampaign(
            CampaignId.Parse(id), cycles[i], Zone, pairs.Select(p => new Invitation(p, InvitedPerQuarter))));

        static Relationship Pair((string Provider, string Consumer) pair) => new(DepartmentId.Parse(pair.Provider), DepartmentId.Parse(pair.Consumer));
        var logistics = Pair(LogisticsAction);
        var hr = Pair(HrAction);
        var planning = Pair(InProgressAction);
        var actions = new[]
        {
            new ImprovementAction(
                ActionId.Parse(LogisticsActionId), logistics, logistics.Provider, "A dedicated feeding route for final assembly and a buffer of the parts procurement delivers late",
                LogisticsActionStarted, ImprovementStatus.Completed, LogisticsActionCompleted, ObjectiveKind.Resolution, "reliability"),
            new ImprovementAction(
                ActionId.Parse(HrActionId), hr, hr.Provider, "A standby pool for the paint shop's shift cover",
                HrActionStarted, ImprovementStatus.Completed, HrActionCompleted, ObjectiveKind.Satisfaction, "responsiveness"),
            new ImprovementAction(
                ActionId.Parse(InProgressActionId), planning, planning.Provider, "A weekly look-ahead of the dispatch plan",
                new LocalDate(2026, 5, 4), ImprovementStatus.InProgress),
        };

        var unreviewed = UnreviewedPairs.Select(Pair).ToHashSet();
        var meetings = new List<ReviewMeeting>();
        foreach (var pair in pairs.Where(p => !unreviewed.Contains(p)))
        {
            foreach (var date in QuarterlyReviews)
            {
                var agreed = (pair, date) switch
                {
                    _ when pair == hr && date == QuarterlyReviews[3] => [actions[1].Id],
                    _ when pair == planning && date == QuarterlyReviews[3] => [actions[2].Id],
                    _ => Array.Empty<ActionId>(),
                };
                meetings.Add(new ReviewMeeting(
                    MeetingId.Parse($"rm-{pair.Provider}-{pair.Consumer}-{date:yyyy-MM}"),
                    pair,
                    date,
                    [pair.Provider, pair.Consumer],
                    agreed.Length > 0 ? "Quarterly review; an improvement action agreed." : null,
                    agreed));
            }
        }

        meetings.Add(new ReviewMeeting(
            MeetingId.Parse($"rm-{logistics.Provider}-{logistics.Consumer}-{LogisticsActionAgreed:yyyy-MM}"),
            logistics,
            LogisticsActionAgreed,
            [logistics.Provider, logistics.Consumer, DepartmentId.Parse("procurement")],
            "Material for final assembly arrives late; a feeding route of its own and a buffer of late parts agreed.",
            [actions[0].Id]));
        return ImprovementRecord.Create(organization, campaigns, meetings, actions);
    }

    private static string Complaint(string provider, Random random) => provider switch
    {
        "it-service-desk" => random.Next(2) == 0 ? "Tickets are closed fast, but the problem comes back." : "Answers are quick; the fixes do not hold.",
        "hr" => "Shift cover arrives later every month.",
        "procurement" => "Spares orders wait for approval, again.",
        "logistics" => "Material arrives late; \"waiting for procurement\" is the usual reason.",
        _ => "Needs to improve.",
    };

    /// <summary>The business time a request opened at <paramref name="opened"/> is allowed: the allowance itself, or the business
    /// time to the deadline of its number of business days.</summary>
    private static Duration Allowance(BusinessCalendar calendar, Instant opened, (Duration? Time, int? Days) allowance) =>
        allowance.Days is { } days ? calendar.BusinessTime(opened, calendar.AddBusinessDays(opened, days)) : allowance.Time!.Value;

    /// <summary>An exponential variate with mean 1, quantised to minutes of the allowance it multiplies.</summary>
    private static double Exponential(Random random) => Math.Round(-Math.Log(1 - random.NextDouble()) * 60) / 60;
}
