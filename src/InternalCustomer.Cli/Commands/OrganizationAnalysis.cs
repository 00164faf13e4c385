using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Output;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Cli.Commands;

/// <summary>One objective of one agreement, judged over all requests decided up to the as-of instant.</summary>
internal sealed record ObjectiveCompliance(ServiceAgreement Agreement, ObjectiveKind Kind, double Target, ErrorBudget Budget, long InFlight)
{
    internal bool Breached => Budget.Decided > 0 && !Budget.IsMet;
}

/// <summary>Feedback about one relationship (provider × consumer): summary metrics and the trend.</summary>
internal sealed record RelationshipFeedback(Relationship Relationship, FeedbackSummary Summary, MetricEstimate Mean, MetricEstimate Csat, TrendResult Trend);

/// <summary>
/// Everything the commands show about an organisation, computed once from the organisation, its requests
/// and its responses as of an instant. Each <c>...Section</c> method returns one output section; the
/// <c>report</c> command lists them, so a new view (the scorecards) is one more method and one more line there.
/// </summary>
internal sealed class OrganizationAnalysis
{
    private readonly Lazy<DependencyGraph> _graph;
    private readonly Lazy<IReadOnlyList<ObjectiveCompliance>> _compliance;
    private readonly Lazy<IReadOnlyList<RelationshipFeedback>> _feedback;
    private readonly Lazy<OrganizationScorecard> _scorecard;

    internal OrganizationAnalysis(Organization organization, IReadOnlyList<ServiceRequest> requests, IReadOnlyList<FeedbackResponse> responses, Instant asOf, string source)
    {
        Organization = organization;
        Requests = requests;
        Responses = responses;
        AsOf = asOf;
        Source = source;
        _graph = new(() => DependencyGraph.FromOrganization(organization));
        _compliance = new(ComputeCompliance);
        _feedback = new(ComputeFeedback);
        _scorecard = new(() => ComputeScorecard(organization, requests, responses, asOf));
    }

    internal Organization Organization { get; }

    internal IReadOnlyList<ServiceRequest> Requests { get; }

    internal IReadOnlyList<FeedbackResponse> Responses { get; }

    internal Instant AsOf { get; }

    internal string Source { get; }

    internal DependencyGraph Graph => _graph.Value;

    internal IReadOnlyList<ObjectiveCompliance> Compliance => _compliance.Value;

    internal IReadOnlyList<RelationshipFeedback> Feedback => _feedback.Value;

    /// <summary>The library's scorecard of the organisation as of <see cref="AsOf"/> (docs/scorecards.md).</summary>
    internal OrganizationScorecard Scorecard => _scorecard.Value;

    /// <summary>Problems that tie the inputs together: requests naming agreements the organisation lacks, responses about unknown departments.</summary>
    internal IReadOnlyList<string> CrossReferenceProblems(string requestSource, string responseSource)
    {
        var problems = new List<string>();
        var agreements = Organization.Agreements.Select(a => a.Id).ToHashSet();
        foreach (var request in Requests.Where(r => !agreements.Contains(r.Agreement)))
        {
            problems.Add($"{requestSource}: request \"{request.Id}\": agreement '{request.Agreement}' is not an agreement of the organisation.");
        }

        foreach (var response in Responses)
        {
            foreach (var department in new[] { response.Respondent, response.Subject }.Where(d => !Organization.Contains(d)))
            {
                problems.Add($"{responseSource}: response of {Format(response.Instant)}: department '{department}' is not a department of the organisation.");
            }
        }

        return problems;
    }

    private static OrganizationScorecard ComputeScorecard(Organization organization, IReadOnlyList<ServiceRequest> requests, IReadOnlyList<FeedbackResponse> responses, Instant asOf)
    {
        try
        {
            return Scorecards.Scorecard.Compute(organization, [.. requests], [.. responses], new ScorecardOptions(asOf));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "options")
        {
            // The only option taken from the command line is the as-of date.
            throw new UsageException("--as-of: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    internal Section SummarySection() => new(
        "organization",
        "Organisation",
        ["item", "value"],
        [
            ["source", Source],
            ["as of", Format(AsOf)],
            ["departments", Invariant(Organization.Departments.Length)],
            ["services", Invariant(Organization.Services.Length)],
            ["calendars", Invariant(Organization.Calendars.Count)],
            ["agreements", Invariant(Organization.Agreements.Length)],
            ["declared dependencies", Invariant(Organization.Dependencies.Length)],
            ["service requests", Invariant(Requests.Count)],
            ["feedback responses", Invariant(Responses.Count)],
        ],
        []);

    internal Section DepartmentsSection() => new(
        "departments",
        "Departments",
        ["id", "name", "parent", "services", "provides", "consumes"],
        [.. Organization.Departments.Select(d => (IReadOnlyList<string>)
        [
            d.Id.Value,
            d.Name,
            d.Parent?.Value ?? string.Empty,
            Invariant(Organization.ServicesOf(d.Id).Length),
            Invariant(Organization.AgreementsProvidedBy(d.Id).Length),
            Invariant(Organization.AgreementsConsumedBy(d.Id).Length),
        ])],
        []);

    internal Section GraphSection()
    {
        var notes = new List<string>();
        foreach (var cluster in Graph.FindMutualDependencies())
        {
            notes.Add($"Mutual dependency: {string.Join(" → ", cluster.Cycle.Append(cluster.Cycle[0]))} ({cluster.Departments.Length} departments depend on each other).");
        }

        var silos = Graph.FindSilos();
        foreach (var isolated in silos.Isolated)
        {
            notes.Add($"Silo: {Name(isolated)} neither serves nor is served by any other department.");
        }

        if (silos.Components.Length > 1 + silos.Isolated.Length)
        {
            notes.Add(Invariant(silos.Components.Length) + " weakly connected groups of departments that do not work with each other.");
        }

        var spof = Graph.FindSinglePointsOfFailure();
        if (!spof.ArticulationPoints.IsEmpty)
        {
            notes.Add("Single points of failure (removing one splits the organisation): " + string.Join(", ", spof.ArticulationPoints.Select(Name)) + ".");
        }

        var tiers = Graph.Condense().Tiers;
        notes.Add($"{Invariant(Graph.DepartmentCount)} departments, {Invariant(Graph.EdgeCount)} dependencies, {Invariant(tiers.IsEmpty ? 0 : tiers.Max() + 1)} tiers (tier 0 depends on nobody).");
        return Section.OfNotes("graph", "Dependency graph", notes);
    }

    internal Section SlaSection() => new(
        "sla",
        "SLA compliance (worst first)",
        ["agreement", "provider", "consumer", "objective", "decided", "met", "compliance", "target", "budget left", "in flight", "status"],
        [.. Compliance
            .OrderBy(c => c.Budget.Decided == 0 ? 1 : 0)
            .ThenBy(c => c.Budget.Remaining)
            .ThenBy(c => c.Agreement.Id)
            .ThenBy(c => c.Kind)
            .Select(c => (IReadOnlyList<string>)
            [
                c.Agreement.Id.Value,
                c.Agreement.Provider.Value,
                c.Agreement.Consumer.Value,
                c.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution",
                Invariant(c.Budget.Decided),
                Invariant(c.Budget.Good),
                c.Budget.Compliance is { } v ? Percent(v) : "n/a",
                Percent(c.Target),
                c.Budget.Decided == 0 ? "n/a" : Percent(c.Budget.Remaining),
                Invariant(c.InFlight),
                c.Budget.Decided == 0 ? "no data" : c.Budget.IsMet ? "met" : "BREACHED",
            ])],
        []);

    internal Section FeedbackSection()
    {
        var byProvider = Feedback.GroupBy(f => f.Relationship.Provider).OrderBy(g => g.Key);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in byProvider)
        {
            var summary = group.Select(g => g.Summary).Aggregate((a, b) => a.Merge(b));
            var mean = FeedbackMetrics.Mean(summary.Overall);
            var csat = FeedbackMetrics.Csat(summary.Overall);
            var nps = FeedbackMetrics.Nps(summary.Nps);
            rows.Add([group.Key.Value, Invariant(summary.Count), Estimate(mean, 2), Estimate(csat, 100), Estimate(nps, 1)]);
        }

        return new Section(
            "feedback",
            "Satisfaction by providing department (95% intervals)",
            ["provider", "responses", "mean (1-5)", "CSAT %", "NPS"],
            rows,
            []);
    }

    internal Section RelationshipsSection() => new(
        "relationships",
        "Satisfaction by relationship, with trend",
        ["provider", "consumer", "responses", "mean", "CSAT %", "trend /30 days", "p-value"],
        [.. Feedback.Select(f => (IReadOnlyList<string>)
        [
            f.Relationship.Provider.Value,
            f.Relationship.Consumer.Value,
            Invariant(f.Summary.Count),
            Estimate(f.Mean, 2),
            Estimate(f.Csat, 100),
            f.Trend.SlopePer30Days is { } s ? s.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a",
            f.Trend.PValue is { } p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a",
        ])],
        []);

    internal Section FindingsSection()
    {
        var notes = new List<string>();
        foreach (var r in Scorecard.Relationships)
        {
            if (r.Flags.HasFlag(RelationshipFlags.SlaMetButUnhappy) && r.Csat is { Value: { } csat, Interval: { } interval })
            {
                notes.Add($"SLA met but customer unhappy: {Name(r.Provider)} meets every time objective for {Name(r.Consumer)}, yet only {Percent(csat)}% of its feedback is satisfied (95% interval up to {Percent(interval.Upper)}%; target {Percent(r.SatisfactionTarget)}%).");
            }

            if (r.Flags.HasFlag(RelationshipFlags.HappyButSlaBreached) && r.Csat.Value is { } happy)
            {
                notes.Add($"Customer happy but SLA breached: {Name(r.Consumer)} is satisfied with {Name(r.Provider)} ({Percent(happy)}%) although a time objective is breached; the target may be stricter than needed.");
            }

            if (r.Flags.HasFlag(RelationshipFlags.HeavyDependenceWithoutAgreement))
            {
                notes.Add($"Heavy dependence without agreement: {Name(r.Consumer)} depends on {Name(r.Provider)} with criticality {r.Dependence} of 5 and no agreement.");
            }
        }

        foreach (var f in Feedback.Where(f => f.Trend.SlopePer30Days < 0 && f.Trend.PValue < 0.05).OrderBy(f => f.Trend.SlopePer30Days))
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Declining satisfaction: {Name(f.Relationship.Consumer)} about {Name(f.Relationship.Provider)}, {f.Trend.SlopePer30Days:0.00} points per 30 days (p = {f.Trend.PValue:0.0000}, n = {f.Summary.Count})."));
        }

        // Upstream attribution (damped Leontief model, docs/scorecards.md): real shortfalls (5% or more) of
        // which a noticeable part (5% or more) is inherited.
        foreach (var d in Scorecard.Departments.Where(d => d.Attribution.InheritedFraction >= 0.05 && d.Attribution.Shortfall >= 0.05).OrderByDescending(d => d.Attribution.Inherited))
        {
            var a = d.Attribution;
            notes.Add($"Inherited shortfall: {Name(d.Id)} falls {Percent(a.Shortfall)}% short as a supplier, and {Percent(a.InheritedFraction)}% of that traces to its own suppliers, mostly {Name(a.BySupplier[0].Supplier)}; look upstream first.");
        }

        if (notes.Count == 0)
        {
            notes.Add("No relationship needs attention.");
        }

        return Section.OfNotes("findings", "Findings", notes);
    }

    internal Section AttentionSection() => new(
        "attention",
        "Attention list (gap × importance × blast radius)",
        ["rank", "provider", "consumer", "score", "reason"],
        [.. Scorecard.Attention.Take(10).Select(a => (IReadOnlyList<string>)[
            Invariant(a.Rank),
            a.Provider.Value,
            a.Consumer.Value,
            a.Score.ToString("0.000", CultureInfo.InvariantCulture),
            a.Reason])],
        Scorecard.Attention.IsEmpty ? ["No relationship has a gap."] : []);

    internal Section ScorecardSection() => new(
        "scorecards",
        "Department scorecards (as suppliers)",
        ["department", "tier", "blast radius", "resolution on time", "CSAT (95% CI)", "trend /30 days (p)", "shortfall", "inherited"],
        [.. Scorecard.Departments.Select(d => (IReadOnlyList<string>)[
            d.Id.Value,
            Invariant(d.Position.Tier),
            Invariant(d.Position.BlastRadius),
            d.Resolution.Compliance is { } c ? $"{Percent(c)}% of {Invariant(d.Resolution.Decided)}" : "-",
            Estimate(d.Csat, 100),
            d.Trend.SlopePer30Days is { } slope ? string.Create(CultureInfo.InvariantCulture, $"{(slope >= 0 ? "+" : string.Empty)}{slope:0.00} ({d.Trend.PValue:0.000})") : "-",
            $"{Percent(d.Attribution.Shortfall)}%",
            $"{Percent(d.Attribution.Inherited)}%"])],
        [$"Reviews due: {Invariant(Scorecard.ReviewsDue.Length)} agreement(s)" + (Scorecard.ReviewsDue.IsEmpty ? "." : ": " + string.Join(", ", Scorecard.ReviewsDue.Take(5).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Agreement} ({r.DaysOverdue} days overdue)"))) + (Scorecard.ReviewsDue.Length > 5 ? ", ..." : "."))]);

    internal static string Format(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Estimate(MetricEstimate estimate, double scale)
    {
        if (estimate.Value is not { } v)
        {
            return "n/a";
        }

        var format = scale == 2 ? "0.00" : "0.0";
        var factor = scale == 2 ? 1 : scale;
        var text = (v * factor).ToString(format, CultureInfo.InvariantCulture);
        return estimate.Interval is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"{text} [{(i.Lower * factor).ToString(format, CultureInfo.InvariantCulture)}, {(i.Upper * factor).ToString(format, CultureInfo.InvariantCulture)}]")
            : text + " (no interval)";
    }

    private string Name(DepartmentId id) => Organization.Contains(id) ? $"{Organization.GetDepartment(id).Name} ({id})" : id.Value;

    private List<ObjectiveCompliance> ComputeCompliance()
    {
        // A request opened after the as-of instant did not exist yet.
        var byAgreement = Requests.Where(r => r.Opened <= AsOf).GroupBy(r => r.Agreement).ToDictionary(g => g.Key, g => g.ToArray());
        var result = new List<ObjectiveCompliance>();
        foreach (var agreement in Organization.Agreements)
        {
            var requests = byAgreement.TryGetValue(agreement.Id, out var list) ? list : [];
            var timer = Organization.TimerFor(agreement.Id);
            var start = requests.Length == 0 ? AsOf : Instant.Min(requests.Min(r => r.Opened), AsOf);
            Interval[] windows = [new Interval(start, AsOf + Duration.Epsilon)];
            foreach (var objective in new[] { agreement.FirstResponse, agreement.Resolution })
            {
                if (objective is null)
                {
                    continue;
                }

                var report = timer.Compliance(requests, objective.Kind, AsOf, windows);
                result.Add(new ObjectiveCompliance(agreement, objective.Kind, objective.Target, report.Windows[0].Budget, report.InFlight));
            }
        }

        return result;
    }

    private List<RelationshipFeedback> ComputeFeedback()
    {
        if (Responses.Count == 0)
        {
            return [];
        }

        // Summaries need one scale: the most common one; responses on other scales are left out of the view.
        var scale = Responses.GroupBy(r => r.OverallScale).OrderByDescending(g => g.Count()).First().Key;
        var responses = Responses.Where(r => r.OverallScale.Equals(scale) && r.Instant <= AsOf).ToArray();
        var result = new List<RelationshipFeedback>();
        foreach (var (relationship, summary) in FeedbackGrouping.ByRelationship(responses, scale))
        {
            var own = responses.Where(r => r.Subject == relationship.Provider && r.Respondent == relationship.Consumer).ToArray();
            var trend = TrendSummary.From([.. own.Select(r => r.Instant)], [.. own.Select(r => (double)r.Overall)]).Estimate();
            result.Add(new RelationshipFeedback(relationship, summary, FeedbackMetrics.Mean(summary.Overall), FeedbackMetrics.Csat(summary.Overall), trend));
        }

        return result;
    }
}
