using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Cli.Output;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Cli.Commands;

/// <summary>
/// Renders what the commands show about an organisation. Every number and finding comes from one library result,
/// the <see cref="OrganizationScorecard"/> of the organisation, its requests and its responses as of an instant
/// (docs/scorecards.md); this class only lays them out. Each <c>...Section</c> method returns one output section;
/// the <c>report</c> command lists them, so a new view is one more method and one more line there.
/// </summary>
internal sealed class OrganizationAnalysis
{
    /// <summary>How many relationships the attention list shows (<see cref="ScorecardOptions.WorstRelationships"/>).</summary>
    internal const int AttentionShown = 10;

    /// <summary>How many reviews due the scorecards section describes (all are counted).</summary>
    internal const int ReviewsShown = 5;

    private readonly ImmutableArray<ServiceRequest> _requests;
    private readonly ImmutableArray<FeedbackResponse> _responses;
    private readonly Lazy<OrganizationScorecard> _scorecard;

    internal OrganizationAnalysis(
        Organization organization,
        IReadOnlyList<ServiceRequest> requests,
        IReadOnlyList<FeedbackResponse> responses,
        Instant asOf,
        string source,
        ImprovementRecord? improvement = null)
    {
        Organization = organization;
        _requests = [.. requests];
        _responses = [.. responses];
        Source = source;

        // The scorecard rates on one overall scale, the one most responses use; responses on any other scale are set aside
        // from it, counted, and summarised scale by scale in sections of their own (FeedbackSections).
        Options = new ScorecardOptions(asOf)
        {
            OverallScale = FeedbackByScale.PredominantScale(_responses.AsSpan()) ?? RatingScale.FivePoint,
            OtherScales = OtherScaleRule.SetAside,
            WorstRelationships = AttentionShown,
            Improvement = improvement,
        };
        _scorecard = new(() => Scorecards.Scorecard.Compute(organization, _requests.AsSpan(), _responses.AsSpan(), Options));
        _byScale = new(() => Scorecards.Scorecard.SummarizeByScale(organization, _responses.AsSpan(), Options));
    }

    private readonly Lazy<ImmutableArray<ScaleSummary>> _byScale;

    /// <summary>The responses given by the as-of instant summarised scale by scale (the overall scale's first when present).</summary>
    internal ImmutableArray<ScaleSummary> ByScale => _byScale.Value;

    /// <summary>
    /// The responses set aside from the scorecard because they rate on another scale, in words, or none: how many on each
    /// scale, and that they are summarised in their own sections.
    /// </summary>
    internal string? SetAsideNote() => Scorecard.SetAside.IsEmpty
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"Set aside from the scorecard: {string.Join(", ", Scorecard.SetAside.Select(s => $"{s.Count} response(s) on the scale {s.Scale}"))}; the scorecard rates the {Scorecard.ScoredResponseCount} on {Options.OverallScale}, the scale most responses use ({Scorecard.ConsideredResponseCount} considered). feedback and report summarise each other scale in a table of its own.");

    internal Organization Organization { get; }

    /// <summary>The responses the analysis reads.</summary>
    internal ImmutableArray<FeedbackResponse> Responses => _responses;

    internal ScorecardOptions Options { get; }

    internal string Source { get; }

    /// <summary>The library's scorecard of the organisation as of <see cref="ScorecardOptions.AsOf"/>.</summary>
    internal OrganizationScorecard Scorecard => _scorecard.Value;

    internal Section SummarySection() => new(
        "organization",
        "Organisation",
        [("item", "item"), ("value", "value")],
        [
            [Cell.Of("source"), Cell.Of(Source)],
            [Cell.Of("as of"), Cell.Instant(Options.AsOf)],
            [Cell.Of("departments"), Cell.Count(Organization.Departments.Length)],
            [Cell.Of("services"), Cell.Count(Organization.Services.Length)],
            [Cell.Of("calendars"), Cell.Count(Organization.Calendars.Count)],
            [Cell.Of("priorities"), Cell.Of(Organization.Priorities.IsEmpty ? "none declared" : string.Join(", ", Organization.Priorities) + " (highest first)")],
            [Cell.Of("agreements"), Cell.Count(Organization.Agreements.Length)],
            [Cell.Of("declared dependencies"), Cell.Count(Organization.Dependencies.Length)],
            [Cell.Of("service requests"), Cell.Count(_requests.Length)],
            [Cell.Of("feedback responses"), Cell.Count(_responses.Length)],
        ],
        []);

    /// <summary>
    /// The organisation's headline, what a manager reads first: overall satisfaction with its interval, the on-time
    /// rates, the agreements breaching their error budget, the relationships needing attention, mutual-dependency
    /// clusters, silos, reviews due and improvement actions under way. Every value is the library's
    /// (<see cref="OrganizationHealth"/>, <see cref="OrganizationScorecard.Objectives"/>).
    /// </summary>
    internal Section HeadlineSection()
    {
        var health = Scorecard.Health;
        var breaching = BreachingAgreements();
        var gaps = Scorecard.Attention.Length;
        var inFlight = Scorecard.Relationships.Sum(r => r.ActionsInFlight.Length);
        var silos = health.GraphFindings.OfType<SiloFinding>().ToList();
        var shared = health.SoleSuppliers.Where(s => s.IsShared).ToList();
        var rows = new List<IReadOnlyList<Cell>>
        {
            Headline("satisfaction", $"CSAT (% satisfied, {Level()} CI)", Estimate(health.Csat, 100, "0.0", "%"), string.Create(CultureInfo.InvariantCulture, $"{Scorecard.ScoredResponseCount} responses on {Options.OverallScale}{(Scorecard.SetAside.IsEmpty ? string.Empty : $" ({Scorecard.ConsideredResponseCount - Scorecard.ScoredResponseCount} on other scales set aside)")}; target {Percent(Options.SatisfactionTarget)}%")),
            Headline("meanScore", $"mean score ({Options.OverallScale}, {Level()} CI)", Estimate(health.Mean, 1, "0.00", string.Empty), $"{Options.OverallScale.Min} = worst, {Options.OverallScale.Max} = best"),
            Headline("resolutionOnTime", "resolution on time (%)", Cell.Percent(health.Resolution.Compliance), string.Create(CultureInfo.InvariantCulture, $"{health.Resolution.Met} of {health.Resolution.Decided} decided requests; {health.Resolution.InFlight} in flight")),
            Headline("firstResponseOnTime", "first response on time (%)", Cell.Percent(health.FirstResponse.Compliance), string.Create(CultureInfo.InvariantCulture, $"{health.FirstResponse.Met} of {health.FirstResponse.Decided} decided requests")),
            Headline("agreementsBreaching", "agreements breaching their error budget", Cell.Count(breaching.Count), breaching.Count == 0 ? "none" : Listed(breaching.Select(a => a.Value), 3)),
            Headline("relationshipsNeedingAttention", "relationships needing attention", Cell.Count(gaps), Scorecard.Attention.IsEmpty ? "none has a gap" : $"worst: {Scorecard.Attention[0].Provider} → {Scorecard.Attention[0].Consumer}"),
            Headline("mutualDependencyClusters", "mutual-dependency clusters", Cell.Count(health.Cycles.Length), health.Cycles.IsEmpty ? "none" : string.Join("; ", health.Cycles.Select(c => string.Join(" ↔ ", c.Departments)))),
            Headline("silos", "silos (groups working with no one outside)", Cell.Count(silos.Count), silos.Count == 0 ? "none" : string.Join("; ", silos.Select(f => Listed(f.Departments.Select(d => d.Value), 3)))),
            Headline("soleSuppliers", "sole suppliers of two or more departments", Cell.Count(shared.Count), shared.Count == 0 ? "none" : "most relied on: " + Listed(shared.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Supplier} ({s.Dependants.Length})")), 3)),
            Headline("reviewsDue", "agreement reviews due", Cell.Count(health.ReviewsDue), "counting recorded review meetings"),
            Headline("actionsInFlight", "improvement actions in flight", Cell.Count(inFlight), Scorecard.Relationships.SelectMany(r => r.Effects).Count(e => e.Verdict == EffectVerdict.Improved) is var improved and > 0 ? string.Create(CultureInfo.InvariantCulture, $"{improved} finished action(s) measured as improved") : "no finished action measured as improved"),
        };
        return new(
            "headline",
            string.Create(CultureInfo.InvariantCulture, $"Headline as of {Format(Options.AsOf)}"),
            [new("measure", "measure", MachineOnly: true), ("label", "what"), ("value", "value"), ("detail", "detail")],
            rows,
            []);
    }

    private static IReadOnlyList<Cell> Headline(string measure, string label, Cell value, string detail) => [Cell.Status(measure), Cell.Of(label), value, Cell.Of(detail)];

    private static string Listed(IEnumerable<string> items, int shown = 5)
    {
        var all = items.ToList();
        return all.Count <= shown ? string.Join(", ", all) : string.Join(", ", all.Take(shown)) + string.Create(CultureInfo.InvariantCulture, $" and {all.Count - shown} more");
    }

    /// <summary>The agreements with at least one objective breaching its error budget (decided requests under the target), worst first.</summary>
    internal IReadOnlyList<AgreementId> BreachingAgreements() => [.. Scorecard.Objectives.Where(o => SlaStatus(o) == Breached).Select(o => o.Agreement).Distinct()];

    internal Section DepartmentsSection() => new(
        "departments",
        "Departments",
        [("id", "id"), ("name", "name"), ("parent", "parent"), ("services", "services"), ("agreementsProvided", "provides (agreements)"), ("agreementsConsumed", "consumes (agreements)")],
        [.. Organization.Departments.Select(d => (IReadOnlyList<Cell>)
        [
            Cell.Of(d.Id.Value),
            Cell.Of(d.Name),
            Cell.Of(d.Parent?.Value ?? string.Empty),
            Cell.Count(Organization.ServicesOf(d.Id).Length),
            Cell.Count(Organization.AgreementsProvidedBy(d.Id).Length),
            Cell.Count(Organization.AgreementsConsumedBy(d.Id).Length),
        ])],
        []);

    /// <summary>The dependency graph's findings (<see cref="OrganizationHealth.GraphFindings"/>: mutual-dependency clusters,
    /// silos, bridging departments, shared sole suppliers) in the library's words, and its size in a note.</summary>
    internal Section GraphSection()
    {
        var health = Scorecard.Health;
        return new(
            "graph",
            "Dependency graph",
            [new("kind", "kind", MachineOnly: true), new("departments", "departments", MachineOnly: true), ("finding", "finding")],
            [.. health.GraphFindings.Select(f => (IReadOnlyList<Cell>)[Cell.Status(FindingKinds[f.GetType()]), Cell.Of(string.Join(" ", Departments(f))), Cell.Of(FindingText.Describe(f, Name))])],
            [$"{Invariant(health.Departments)} departments, {Invariant(health.Dependencies)} dependencies, {Invariant(health.Tiers)} tiers (tier 0 depends on nobody)."]);
    }

    // The departments a graph finding is about, space-separated ids: the cluster, the silo, the bridging department, or
    // the sole supplier followed by its dependants.
    private static IEnumerable<string> Departments(Finding finding) => (finding switch
    {
        MutualDependencyFinding m => m.Cluster.Departments.AsEnumerable(),
        SiloFinding s => s.Departments,
        BridgingDepartmentFinding b => [b.Bridging.Department],
        SoleSupplierFinding s => [s.Supplier.Supplier, .. s.Supplier.Dependants],
        _ => [],
    }).Select(d => d.Value);

    /// <summary>A time objective's status: <c>breached</c> (decided requests under the target), <c>at risk</c> (met, but less
    /// than <see cref="AtRiskBudget"/> of the error budget left, or requests in flight past the warning threshold),
    /// <c>met</c>, or <c>no data</c> (nothing decided).</summary>
    internal static string SlaStatus(ObjectiveCompliance objective) =>
        !objective.HasData ? NoData
        : !objective.IsMet ? Breached
        : objective.Budget.Remaining < AtRiskBudget || objective.Tally.AtRisk > 0 ? AtRisk
        : Met;

    /// <summary>The error budget share under which a met objective is at risk: a quarter.</summary>
    internal const double AtRiskBudget = 0.25;

    internal const string Breached = "breached";
    internal const string AtRisk = "at risk";
    internal const string Met = "met";
    internal const string NoData = "no data";

    /// <summary>SLA compliance per agreement, objective set and time objective, worst first; with <paramref name="all"/>
    /// false only the breached and at-risk rows (the note says how many are left out).</summary>
    internal Section SlaSection(bool all = true)
    {
        var shown = all ? [.. Scorecard.Objectives] : Scorecard.Objectives.Where(o => SlaStatus(o) is Breached or AtRisk).ToList();
        var notes = new List<string>();
        if (!all)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{shown.Count} of {Scorecard.Objectives.Length} objectives are breached or at risk (under {Percent(AtRiskBudget)}% of the error budget left, or requests in flight past their warning); --all shows every row."));
        }

        notes.AddRange(SlaNotes());
        return new(
            "sla",
            all ? "SLA compliance (worst first)" : "SLA objectives breached or at risk (worst first)",
            [("agreement", "agreement"), ("provider", "provider"), ("consumer", "consumer"), ("set", "set"), ("objective", "objective"), ("decided", "decided (requests)"), ("met", "met (requests)"), ("compliancePercent", "compliance (%)"), ("targetPercent", "target (%)"), ("budgetLeftPercent", "budget left (% of budget)"), ("inFlight", "in flight (requests)"), ("notMeasured", "not measured (requests)"), ("status", "status")],
            [.. shown.Select(o => (IReadOnlyList<Cell>)
            [
                Cell.Of(o.Agreement.Value),
                Cell.Of(o.Provider.Value),
                Cell.Of(o.Consumer.Value),
                Cell.Of(o.ObjectiveSet ?? AllRequests),
                Cell.Status(o.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution"),
                Cell.Count(o.Tally.Decided),
                Cell.Count(o.Tally.Met),
                Cell.Percent(o.Tally.Compliance),
                Cell.Percent(o.Target),
                Cell.Percent(o.HasData ? o.Budget.Remaining : null),
                Cell.Count(o.Tally.InFlight),
                Cell.Count(o.Tally.Unmeasured),
                Cell.Status(SlaStatus(o)),
            ])],
            notes);
    }

    /// <summary>The special days of the organisation's calendars (part-day closures, make-up workdays, closed days), by calendar and date.</summary>
    internal Section CalendarExceptionsSection() => new(
        "calendarExceptions",
        "Calendar special days",
        [("calendar", "calendar"), ("date", "date"), ("day", "day"), ("kind", "kind"), ("hours", "hours (local)")],
        [.. Organization.Calendars.SelectMany(c => c.Value.SpecialDays.Select(d => (IReadOnlyList<Cell>)
        [
            Cell.Of(c.Key.Value),
            Cell.Date(d.Date),
            Cell.Of(d.Date.DayOfWeek.ToString()),
            Cell.Status(SpecialDayKind(c.Value, d)),
            Cell.Of(d.IsClosed ? "closed" : string.Join(", ", d.Windows)),
        ]))],
        []);

    /// <summary>The objective sets of the agreements whose objectives depend on the request's class, in each agreement's order.</summary>
    internal Section ObjectiveSetsSection() => new(
        "objectiveSets",
        "Objectives per request class",
        [("agreement", "agreement"), ("set", "set"), ("selects", "selects"), ("firstResponse", "first response"), ("resolution", "resolution")],
        [.. Organization.Agreements.Where(a => a.ObjectiveSets is not ([] or [{ Selector.IsAny: true }])).SelectMany(a => a.ObjectiveSets.Select(s => (IReadOnlyList<Cell>)
        [
            Cell.Of(a.Id.Value),
            Cell.Of(s.Name),
            Cell.Of(Selects(s.Selector)),
            Cell.Of(Objective(s.FirstResponse)),
            Cell.Of(Objective(s.Resolution)),
        ]))],
        [Organization.Priorities.IsEmpty
            ? "The organisation declares no priorities."
            : $"Priorities, highest first: {string.Join(", ", Organization.Priorities)}."]);

    /// <summary>The agreements' maintenance windows and SLO corrections (<see cref="ServiceAgreement.Exclusions"/>).</summary>
    internal Section ExclusionsSection() => new(
        "exclusions",
        "Maintenance windows and SLO corrections",
        [("agreement", "agreement"), ("from", "from"), ("until", "until"), ("effect", "effect"), ("reason", "reason")],
        [.. Organization.Agreements.SelectMany(a => a.Exclusions.Select(x => (IReadOnlyList<Cell>)
        [
            Cell.Of(a.Id.Value),
            Cell.Instant(x.Window.Start),
            Cell.Instant(x.Window.End),
            Cell.Status(x.Effect == ExclusionEffect.ExcludeRequests ? "requests opened in it not measured" : "its time counts on no clock"),
            Cell.Of(x.Reason),
        ]))],
        []);

    /// <summary>The feedback section on the scorecard's scale, then one section per other scale present (<see cref="OtherScaleSection"/>).</summary>
    internal IReadOnlyList<Section> FeedbackSections() =>
        [FeedbackSection(), .. ByScale.Where(s => !s.Scale.Equals(Options.OverallScale)).Select(OtherScaleSection)];

    /// <summary>
    /// Satisfaction by providing department on a scale the scorecard does not rate on, headed by its real range; key
    /// <c>feedbackScale{min}To{max}</c> (a minus written <c>Minus</c>).
    /// </summary>
    internal Section OtherScaleSection(ScaleSummary summary) => new(
        string.Create(CultureInfo.InvariantCulture, $"feedbackScale{summary.Scale.Min}To{summary.Scale.Max}").Replace("-", "Minus", StringComparison.Ordinal),
        $"Satisfaction by providing department on the scale {summary.Scale} ({Level()} intervals; set aside from the scorecard, which rates on {Options.OverallScale})",
        [("provider", "provider"), ("responses", "responses"), ("meanScore", $"mean score ({summary.Scale})"), ("csatPercent", "CSAT (% satisfied)"), ("nps", "NPS (-100 to 100)")],
        [.. summary.ByProvider.Select(p => (IReadOnlyList<Cell>)
        [
            Cell.Of(p.Key.Value),
            Cell.Count(p.Value.Count),
            Estimate(p.Value.Mean, 1, "0.00", string.Empty),
            p.Value.Csat is { } csat ? Estimate(csat, 100, "0.0", "%") : Cell.Number(null, "0.0"),
            Estimate(p.Value.Nps, 1, "0.0", string.Empty),
        ])],
        [
            string.Create(CultureInfo.InvariantCulture, $"{summary.Responses.Count} response(s) on {summary.Scale}: mean {Estimate(summary.Responses.Mean, 1, "0.00", string.Empty).Text}, CSAT {(summary.Responses.Csat is { } all ? Estimate(all, 100, "0.0", "%").Text : "n/a")}."),
            summary.SatisfiedFrom is { } from
                ? string.Create(CultureInfo.InvariantCulture, $"CSAT counts {from}–{summary.Scale.Max} as satisfied (the top {summary.CsatTopBoxes} points).")
                : string.Create(CultureInfo.InvariantCulture, $"No CSAT: the scale has fewer than the {summary.CsatTopBoxes} top points CSAT counts."),
        ]);

    internal Section FeedbackSection() => new(
        "feedback",
        $"Satisfaction by providing department ({Level()} intervals)",
        [("provider", "provider"), ("responses", "responses"), ("meanScore", $"mean score ({Options.OverallScale})"), ("csatPercent", "CSAT (% satisfied)"), ("nps", "NPS (-100 to 100)")],
        [.. Scorecard.Departments.Where(d => d.Feedback.Count > 0).Select(d => (IReadOnlyList<Cell>)
        [
            Cell.Of(d.Id.Value),
            Cell.Count(d.Feedback.Count),
            Estimate(d.Mean, 1, "0.00", string.Empty),
            Estimate(d.Csat, 100, "0.0", "%"),
            Estimate(d.Nps, 1, "0.0", string.Empty),
        ])],
        SetAsideNote() is { } note ? [note] : []);

    internal Section RelationshipsSection() => new(
        "relationships",
        "Satisfaction by relationship, with trend",
        [("provider", "provider"), ("consumer", "consumer"), ("responses", "responses"), ("meanScore", $"mean score ({Options.OverallScale})"), ("csatPercent", "CSAT (% satisfied)"), ("trendPer30Days", "trend (points / 30 days)"), ("trendPValue", "trend p-value")],
        [.. Scorecard.Relationships.Where(r => r.Feedback.Count > 0).Select(r => (IReadOnlyList<Cell>)
        [
            Cell.Of(r.Provider.Value),
            Cell.Of(r.Consumer.Value),
            Cell.Count(r.Feedback.Count),
            Estimate(r.Mean, 1, "0.00", string.Empty),
            Estimate(r.Csat, 100, "0.0", "%"),
            Cell.Number(r.Trend.SlopePer30Days, "+0.00;-0.00;0.00"),
            Cell.Number(r.Trend.PValue, "0.0000"),
        ])],
        []);

    /// <summary>
    /// The findings in the library's order, but for reviews due (the scorecards section summarises them) and the gap
    /// findings (<see cref="TimeObjectiveBreached"/>, <see cref="SatisfactionShortfall"/>: the attention list's reasons,
    /// listed in full by <see cref="GapsSection"/>): one row per finding, its kind (a documented word), the relationship
    /// or department it is about, and the sentence.
    /// </summary>
    internal Section FindingsSection() => Findings(
        "findings",
        "Findings",
        [.. Scorecard.Findings.Where(f => f is not (ReviewDue or TimeObjectiveBreached or SatisfactionShortfall))],
        Scorecard.Attention.IsEmpty ? "No finding: no relationship has a gap." : "No finding beyond the attention list's gaps (listed under Gaps).");

    /// <summary>Every gap the attention list scores, as the library's findings: each breached time objective and each
    /// satisfaction below target, with the numbers behind the attention score (docs/scorecards.md states the law).</summary>
    internal Section GapsSection() => Findings(
        "gaps",
        "Gaps behind the attention list (SLA breached, satisfaction below target)",
        [.. Scorecard.Findings.Where(f => f is TimeObjectiveBreached or SatisfactionShortfall)],
        "No relationship has a gap.");

    private Section Findings(string key, string title, IReadOnlyList<Finding> findings, string none)
    {
        return new(
            key,
            title,
            [new("kind", "kind", MachineOnly: true), new("provider", "provider", MachineOnly: true), new("consumer", "consumer", MachineOnly: true), ("finding", "finding")],
            [.. findings.Select(f => (IReadOnlyList<Cell>)[.. Subject(f), Cell.Of(FindingText.Describe(f, Name))])],
            findings.Count == 0 ? [none] : []);
    }

    /// <summary>The kinds of finding the findings section names, one word each (<c>docs/schema/report.schema.json</c>).</summary>
    internal static readonly IReadOnlyDictionary<Type, string> FindingKinds = new Dictionary<Type, string>
    {
        [typeof(SlaMetButUnhappy)] = "slaMetButUnhappy",
        [typeof(HappyButSlaBreached)] = "happyButSlaBreached",
        [typeof(HeavyDependenceWithoutAgreement)] = "heavyDependenceWithoutAgreement",
        [typeof(FeedbackOverdue)] = "feedbackOverdue",
        [typeof(DecliningSatisfaction)] = "decliningSatisfaction",
        [typeof(InheritedShortfall)] = "inheritedShortfall",
        [typeof(ReviewDue)] = "reviewDue",
        [typeof(TimeObjectiveBreached)] = "timeObjectiveBreached",
        [typeof(SatisfactionShortfall)] = "satisfactionShortfall",
        [typeof(MutualDependencyFinding)] = "mutualDependency",
        [typeof(SiloFinding)] = "silo",
        [typeof(BridgingDepartmentFinding)] = "bridgingDepartment",
        [typeof(SoleSupplierFinding)] = "soleSupplier",
    };

    // A relationship finding in the attention list's few words.
    private static string Short(RelationshipFinding finding) => finding switch
    {
        SlaMetButUnhappy => "SLA met, customer unhappy",
        HappyButSlaBreached => "customer happy, SLA breached",
        HeavyDependenceWithoutAgreement => "heavy dependence, no agreement",
        FeedbackOverdue => "feedback overdue",
        DecliningSatisfaction => "satisfaction declining",
        TimeObjectiveBreached => "SLA breached",
        SatisfactionShortfall => "satisfaction below target",
        _ => FindingKinds[finding.GetType()],
    };

    // A finding's kind and what it is about: a relationship's provider and consumer, or a department as the provider.
    private static Cell[] Subject(Finding finding)
    {
        var kind = Cell.Status(FindingKinds[finding.GetType()]);
        return finding switch
        {
            RelationshipFinding r => [kind, Cell.Of(r.Provider.Value), Cell.Of(r.Consumer.Value)],
            InheritedShortfall d => [kind, Cell.Of(d.Department.Value), Cell.Of(string.Empty)],
            ReviewDue r => [kind, Cell.Of(r.Provider.Value), Cell.Of(r.Consumer.Value)],
            _ => [kind, Cell.Of(string.Empty), Cell.Of(string.Empty)],
        };
    }

    internal Section AttentionSection() => new(
        "attention",
        "Attention list (gap × importance × blast radius)",
        [("rank", "rank"), ("provider", "provider"), ("consumer", "consumer"), ("score", "score"), ("worstOnTimePercent", "worst on time (%)"), ("onTimeTargetPercent", "its target (%)"), ("csatPercent", $"CSAT (% satisfied, {Level()} CI)"), ("dependence", "dependence (1–5)"), ("blastRadius", "blast radius (departments)"), ("why", "why"), new("reason", "reason", MachineOnly: true)],
        [.. Scorecard.Health.WorstRelationships.Select(a => (IReadOnlyList<Cell>)[
            Cell.Count(a.Rank),
            Cell.Of(a.Provider.Value),
            Cell.Of(a.Consumer.Value),
            Cell.Number(a.Score, "0.000"),
            Cell.Percent(a.Relationship.WorstTimeObjective?.Tally.Compliance, "-"),
            Cell.Percent(a.Relationship.WorstTimeObjective?.Target, "-"),
            Estimate(a.Relationship.Csat, 100, "0.0", "%"),
            Cell.Count(a.Dependence.Value),
            Cell.Count(a.BlastRadius),
            Cell.Of(Why(a)),
            Cell.Of(FindingText.Describe(a, Name))])],
        Scorecard.Attention.IsEmpty ? ["No relationship has a gap."]
            : Scorecard.Attention.Length > Scorecard.Health.WorstRelationships.Length
                ? [string.Create(CultureInfo.InvariantCulture, $"The {Scorecard.Health.WorstRelationships.Length} most urgent of {Scorecard.Attention.Length} relationships with a gap; every gap is listed under Gaps, and --format json has them all.")]
                : []);

    // The attention item's reasons in a few words: the findings about it (every gap it is scored for is one, the law of
    // docs/scorecards.md), and an action under way.
    private static string Why(AttentionItem item)
    {
        List<string> reasons = [.. item.Findings.Select(Short).Distinct()];
        if (item.HasActionUnderWay)
        {
            reasons.Add("action under way");
        }

        return string.Join("; ", reasons);
    }

    internal Section ScorecardSection() => new(
        "scorecards",
        "Department scorecards (as suppliers)",
        [("department", "department"), ("tier", "tier"), ("blastRadius", "blast radius (departments)"), ("resolutionOnTimePercent", "resolution on time (%)"), ("resolutionDecided", "decided (requests)"), ("csatPercent", $"CSAT (% satisfied, {Level()} CI)"), ("trendPer30Days", "trend (points / 30 days)"), ("trendPValue", "trend p-value"), ("shortfallPercent", "shortfall (%)"), ("inheritedSharePercent", "inherited share (%)")],
        [.. Scorecard.Departments.Select(d => (IReadOnlyList<Cell>)[
            Cell.Of(d.Id.Value),
            Cell.Count(d.Position.Tier),
            Cell.Count(d.Position.BlastRadius),
            Cell.Percent(d.Resolution.Compliance, "-"),
            Cell.Count(d.Resolution.Decided),
            Estimate(d.Csat, 100, "0.0", "%"),
            Cell.Number(d.Trend.SlopePer30Days, "+0.00;-0.00;0.00", missing: "-"),
            Cell.Number(d.Trend.SlopePer30Days is null ? null : d.Trend.PValue, "0.000", missing: "-"),
            Cell.Percent(d.Attribution.Shortfall),
            Cell.Percent(d.Attribution.InheritedFraction)])],
        [
            $"Reviews due: {Invariant(Scorecard.ReviewsDue.Length)} agreement(s)" + (Scorecard.ReviewsDue.IsEmpty ? "." : $"; the {Invariant(Math.Min(ReviewsShown, Scorecard.ReviewsDue.Length))} most overdue:"),
            .. Scorecard.ReviewsDue.Take(ReviewsShown).Select(r => FindingText.Describe(r, Name)),
        ]);

    /// <summary>The improvement loop as the scorecard sees it (<see cref="ScorecardOptions.Improvement"/>): the actions in flight,
    /// the finished actions with their verdict and CSAT and on-time rates before → after, the latest campaign's response rate
    /// and coverage, and how many reviews are due.</summary>
    internal Section ImprovementSection()
    {
        var inFlight = Scorecard.Relationships.SelectMany(r => r.ActionsInFlight).OrderBy(a => a.Id).Select(a => (IReadOnlyList<Cell>)
        [
            Cell.Of(a.Id.Value),
            Cell.Of(a.Relationship.Provider.Value),
            Cell.Of(a.Relationship.Consumer.Value),
            Cell.Of(a.Owner.Value),
            Cell.Status(Status(a.Status)),
            Cell.Date(a.Started),
            Cell.Date(a.Completed),
            Cell.Status("in flight"),
            Cell.Of("-"),
            Cell.Of("-"),
            Cell.Of("-"),
            Cell.Of(string.Empty),
            Cell.Status("in flight"),
            .. Enumerable.Repeat(Cell.Number(null, "0"), 9),
        ]);
        var finished = Scorecard.Relationships.SelectMany(r => r.Effects).OrderBy(e => e.Action.Id).Select(e => (IReadOnlyList<Cell>)
        [
            Cell.Of(e.Action.Id.Value),
            Cell.Of(e.Action.Relationship.Provider.Value),
            Cell.Of(e.Action.Relationship.Consumer.Value),
            Cell.Of(e.Action.Owner.Value),
            Cell.Status(Status(e.Action.Status)),
            Cell.Date(e.Action.Started),
            Cell.Date(e.Action.Completed),
            Cell.Of(Verdict(e)),
            Cell.Of(BeforeAfter(e.Csat, e.Judgements[0], "response")),
            Cell.Of(BeforeAfter(e.OnTime, e.Judgements[1], "request")),
            Cell.Of(MeanBeforeAfter(e.MeanScore, e.Judgements[2])),
            Cell.Of(e.Caveats == EffectCaveats.None ? string.Empty : Caveats(e.Caveats)),
            Cell.Status(e.Verdict switch { EffectVerdict.Improved => "improved", EffectVerdict.Worse => "worse", _ => "no detectable change" }),
            Cell.Percent(e.Csat.Proportion1),
            Cell.Percent(e.Csat.Proportion2),
            Cell.Number(e.Judgements[0].PValue, "0.0000"),
            Cell.Percent(e.OnTime.Proportion1),
            Cell.Percent(e.OnTime.Proportion2),
            Cell.Number(e.Judgements[1].PValue, "0.0000"),
            Cell.Number(e.MeanScore.MeanY, "0.00"),
            Cell.Number(e.MeanScore.MeanX, "0.00"),
            Cell.Number(e.Judgements[2].PValue, "0.0000"),
        ]);
        var health = Scorecard.Health;
        var notes = new List<string>();
        if (Options.Improvement is null || Options.Improvement.Equals(ImprovementRecord.Empty))
        {
            notes.Add("No improvement record: no actions, meetings or campaigns are known (pass --improvement).");
        }
        else if (health.LatestCampaign is not { } campaign)
        {
            notes.Add("No feedback campaign has begun by the as-of date.");
        }
        else
        {
            var cycle = Options.Improvement.GetCampaign(campaign.Campaign).Cycle;
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Campaign {campaign.Campaign} ({LocalDatePattern.Iso.Format(cycle.Start)} to {LocalDatePattern.Iso.Format(cycle.End)}): response rate {(health.CampaignResponseRate is { } rate ? Percent(rate) + "%" : "n/a")} ({campaign.Answered} of {campaign.Invited} invited); coverage {(health.CampaignCoverage is { } coverage ? Percent(coverage) + "%" : "n/a")} of {campaign.InvitedRelationships} relationships with at least {Options.MinimumResponses} responses."));
            notes.Add(health.NonRespondingConsumers.IsEmpty
                ? "Every invited consumer responded at least once."
                : "Not responding: " + string.Join(", ", health.NonRespondingConsumers.Select(Name)) + ".");
            if (campaign.ByConsumer.Where(d => d.Invited > 0 && d.Answered > 0).OrderBy(d => d.ResponseRate).ThenBy(d => d.Department).FirstOrDefault() is { } lowest
                && health.CampaignResponseRate is { } overall && lowest.ResponseRate < overall / 2)
            {
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Answering least: {Name(lowest.Department)}, {lowest.Answered} of {lowest.Invited} invited ({Percent(lowest.ResponseRate)}%), under half the campaign's rate."));
            }
        }

        notes.Add($"Reviews due: {Invariant(health.ReviewsDue)} agreement(s), counting the recorded review meetings.");
        return new(
            "improvement",
            "Improvement actions",
            [("action", "action"), ("provider", "provider"), ("consumer", "consumer"), ("owner", "owner"), ("status", "status"), ("started", "started"), ("completed", "completed"), ("verdict", "verdict"), ("csatBeforeAfter", "CSAT before → after"), ("onTimeBeforeAfter", "on time before → after"), ("meanScoreBeforeAfter", "mean score before → after"), ("caveats", "caveats"),
                new("outcome", "outcome", MachineOnly: true), new("csatBeforePercent", "CSAT before (%)", MachineOnly: true), new("csatAfterPercent", "CSAT after (%)", MachineOnly: true), new("csatPValue", "CSAT p", MachineOnly: true),
                new("onTimeBeforePercent", "on time before (%)", MachineOnly: true), new("onTimeAfterPercent", "on time after (%)", MachineOnly: true), new("onTimePValue", "on-time p", MachineOnly: true),
                new("meanBefore", "mean before", MachineOnly: true), new("meanAfter", "mean after", MachineOnly: true), new("meanPValue", "mean p", MachineOnly: true)],
            [.. inFlight, .. finished],
            notes);
    }

    /// <summary>The label of the SLA table's set column for an agreement with one set for every request.</summary>
    internal const string AllRequests = "all";

    /// <summary>The SLA section's note on requests counted in no objective's decided or in-flight numbers, when there are any.</summary>
    private string[] SlaNotes()
    {
        var notes = new List<string>();
        var totals = Scorecard.AgreementTotals;
        var unmeasured = Scorecard.Objectives.Sum(o => o.Tally.Unmeasured);
        var unmatched = totals.Sum(o => o.Tally.Unmatched);
        if (unmeasured > 0 || unmatched > 0)
        {
            var rows = Scorecard.Objectives.Count(o => o.Tally.Unmeasured > 0);
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Not measured: {unmeasured} request evaluation(s) in {rows} row(s){(unmatched == 0 ? string.Empty : $", and {unmatched} matched by no objective set (in no set's row; see the whole-agreement lines)")}: requests opened in a maintenance window that excludes requests, requests whose set has no objective of that kind, and clocks cancelled or not started count neither as decided nor as in flight."));
        }

        // Agreements with objectives per request class: every request together, against the sets' decided-weighted target.
        foreach (var o in totals)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{o.Agreement}, all sets together: {(o.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution")} {o.Tally.Decided} decided, {o.Tally.Met} met ({(o.Tally.Compliance is { } v ? Percent(v) + "%" : "n/a")} against the sets' weighted target {Percent(o.Target)}%), {o.Tally.InFlight} in flight, {o.Tally.Unmeasured} not measured ({o.Tally.Unmatched} matched by no set)."));
        }

        return [.. notes];
    }

    /// <summary>An improvement action's status in words (both improvement views use it).</summary>
    internal static string Status(ImprovementStatus status) => status switch
    {
        ImprovementStatus.Planned => "planned",
        ImprovementStatus.InProgress => "in progress",
        ImprovementStatus.Completed => "completed",
        _ => "abandoned",
    };

    // The verdict; for no detectable change, the smallest increases the windows could have shown, so that "nothing
    // happened" is told from "cannot tell yet".
    private static string Verdict(ActionEffect effect) => effect.Verdict switch
    {
        EffectVerdict.Improved => "improved",
        EffectVerdict.Worse => "worse",
        _ => "no detectable change (" + Detectable("CSAT", effect.Csat, effect.MinimumDetectableCsatIncrease) + "; " + Detectable("on time", effect.OnTime, effect.MinimumDetectableOnTimeIncrease) + "; "
            + (effect.MinimumDetectableMeanIncrease is { } m ? $"mean score could show +{m.ToString("0.00", CultureInfo.InvariantCulture)}" : "mean score: too few scores to tell") + ")",
    };

    // What the windows could have shown: the minimum detectable rise, or why there is none ("cannot tell yet").
    private static string Detectable(string what, TwoProportionResult test, double? increase) => increase switch
    {
        { } v => $"{what} could show +{Percent(v)} pts",
        null when test.Trials1 == 0 || test.Trials2 == 0 => $"{what}: no data in a window",
        null when test.Proportion1 is 1 => $"{what} already at 100%",
        _ => $"{what}: cannot tell yet, too few to show even a rise to 100%",
    };

    // The shares before and after with their counts, and the p-value the verdict judged the outcome by.
    private static string BeforeAfter(TwoProportionResult test, OutcomeJudgement judged, string noun) =>
        $"{Share(test.Proportion1)} → {Share(test.Proportion2)} ({Invariant(test.Trials1)} → {Invariant(test.Trials2)} {noun}s{Judged(judged)})";

    private static string MeanBeforeAfter(WelchTTestResult test, OutcomeJudgement judged) =>
        $"{MeanText(test.MeanY)} → {MeanText(test.MeanX)} ({Invariant(test.CountY)} → {Invariant(test.CountX)}{Judged(judged)})";

    private static string Judged(OutcomeJudgement judged) =>
        judged.PValue is { } p ? $", p {p.ToString("0.0000", CultureInfo.InvariantCulture)}{(judged.AgainstControls ? " against controls" : string.Empty)}" : string.Empty;

    private static string MeanText(double? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Share(double? proportion) => proportion is { } v ? Percent(v) + "%" : "n/a";

    /// <summary>An effect's caveats in words, comma-separated (both improvement views use it).</summary>
    internal static string Caveats(EffectCaveats caveats)
    {
        List<string> parts = [];
        if (caveats.HasFlag(EffectCaveats.FewResponses))
        {
            parts.Add("few responses");
        }

        if (caveats.HasFlag(EffectCaveats.OverlappingAction))
        {
            parts.Add("overlapping action");
        }

        if (caveats.HasFlag(EffectCaveats.NoControls))
        {
            parts.Add("no controls");
        }

        if (caveats.HasFlag(EffectCaveats.AfterWindowCut))
        {
            parts.Add("after window cut at the as-of date");
        }

        return string.Join(", ", parts);
    }

    private static string SpecialDayKind(BusinessCalendar calendar, SpecialDay day)
    {
        var template = calendar.WindowsOn(day.Date.DayOfWeek);
        if (day.IsClosed)
        {
            return "closed";
        }

        if (template.IsEmpty)
        {
            return "make-up workday";
        }

        var usual = template.Aggregate(Duration.Zero, (sum, w) => sum + w.Length);
        var special = day.Windows.Aggregate(Duration.Zero, (sum, w) => sum + w.Length);
        return special < usual ? "part day" : "changed hours";
    }

    private static string Selects(RequestSelector selector)
    {
        List<string> parts = [];
        if (!selector.Priorities.IsEmpty)
        {
            parts.Add("priority " + string.Join(", ", selector.Priorities));
        }

        if (!selector.Services.IsEmpty)
        {
            parts.Add("service " + string.Join(", ", selector.Services));
        }

        if (!selector.Categories.IsEmpty)
        {
            parts.Add("category " + string.Join(", ", selector.Categories));
        }

        return parts.Count == 0 ? "any request" : string.Join("; ", parts);
    }

    private static string Objective(TimeObjective? objective) => objective switch
    {
        null => "-",
        { BusinessDays: { } days } => string.Create(CultureInfo.InvariantCulture, $"within {days} business day{(days == 1 ? string.Empty : "s")}, target {Percent(objective.Target)}%"),
        _ => $"within {BusinessTime(objective.Within)}, target {Percent(objective.Target)}%",
    };

    private static string BusinessTime(Duration duration)
    {
        var hours = (long)Math.Floor(duration.TotalHours);
        var minutes = (long)Math.Round((duration - Duration.FromHours(hours)).TotalMinutes);
        var text = hours == 0 ? $"{Invariant(minutes)} min" : minutes == 0 ? $"{Invariant(hours)} h" : $"{Invariant(hours)} h {Invariant(minutes)} min";
        return text + " business time";
    }

    internal static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);

    private IntervalCell Estimate(MetricEstimate estimate, double factor, string format, string suffix) =>
        new IntervalCell(estimate.Value * factor, estimate.Interval?.Lower * factor, estimate.Interval?.Upper * factor, Options.ConfidenceLevel, format, suffix);

    private string Level() => (100 * Options.ConfidenceLevel).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private string Name(DepartmentId id) => Organization.Contains(id) ? $"{Organization.GetDepartment(id).Name} ({id})" : id.Value;
}
