using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Output;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

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

    internal OrganizationAnalysis(Organization organization, IReadOnlyList<ServiceRequest> requests, IReadOnlyList<FeedbackResponse> responses, Instant asOf, string source)
    {
        Organization = organization;
        _requests = [.. requests];
        _responses = [.. responses];
        Source = source;

        // The scorecard rates on one overall scale: the responses' (the first one's; Scorecard.Validate reports any other).
        Options = new ScorecardOptions(asOf)
        {
            OverallScale = _responses.IsEmpty ? RatingScale.FivePoint : _responses[0].OverallScale,
            WorstRelationships = AttentionShown,
        };
        _scorecard = new(() => Scorecards.Scorecard.Compute(organization, _requests.AsSpan(), _responses.AsSpan(), Options));
    }

    internal Organization Organization { get; }

    internal ScorecardOptions Options { get; }

    internal string Source { get; }

    /// <summary>The library's scorecard of the organisation as of <see cref="ScorecardOptions.AsOf"/>.</summary>
    internal OrganizationScorecard Scorecard => _scorecard.Value;

    /// <summary>
    /// The problems <see cref="Scorecards.Scorecard.Validate"/> finds in the inputs, each said with the file it came from.
    /// An as-of instant before the data begins is a command-line mistake (<c>--as-of</c>), so it is thrown as a usage error
    /// when the data has no problem of its own.
    /// </summary>
    internal IReadOnlyList<string> InputProblems(string requestSource, string responseSource)
    {
        var problems = new List<string>();
        Problem? asOf = null;
        foreach (var p in Scorecards.Scorecard.Validate(Organization, _requests.AsSpan(), _responses.AsSpan(), Options))
        {
            // Located as $.requests[i]…, $.responses[i]…, $.options.asOf: the location says which file the problem is
            // in and which record; the library's message says what is wrong.
            switch (p.Location.Segments)
            {
                case [{ Name: "options" }, { Name: "asOf" }] when p.Kind == ProblemKind.InvalidValue:
                    asOf = p;
                    break;
                case [{ Name: "requests" }, { Index: { } i }, ..]:
                    problems.Add($"{requestSource}: request \"{_requests[i].Id}\": {p.Message}");
                    break;
                case [{ Name: "responses" }, { Index: { } i }, ..]:
                    problems.Add($"{responseSource}: response of {Format(_responses[i].Instant)}: {p.Message}");
                    break;
                default:
                    problems.Add($"{p.Location}: {p.Message}");
                    break;
            }
        }

        if (problems.Count == 0 && asOf is not null)
        {
            throw new UsageException("--as-of: " + asOf.Message);
        }

        return problems;
    }

    internal Section SummarySection() => new(
        "organization",
        "Organisation",
        ["item", "value"],
        [
            ["source", Source],
            ["as of", Format(Options.AsOf)],
            ["departments", Invariant(Organization.Departments.Length)],
            ["services", Invariant(Organization.Services.Length)],
            ["calendars", Invariant(Organization.Calendars.Count)],
            ["agreements", Invariant(Organization.Agreements.Length)],
            ["declared dependencies", Invariant(Organization.Dependencies.Length)],
            ["service requests", Invariant(_requests.Length)],
            ["feedback responses", Invariant(_responses.Length)],
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
        var health = Scorecard.Health;
        var notes = new List<string>();
        foreach (var cluster in health.Cycles)
        {
            notes.Add($"Mutual dependency: {string.Join(" → ", cluster.Cycle.Append(cluster.Cycle[0]))} ({cluster.Departments.Length} departments depend on each other).");
        }

        foreach (var isolated in health.Silos.Isolated)
        {
            notes.Add($"Silo: {Name(isolated)} neither serves nor is served by any other department.");
        }

        if (health.Silos.Components.Length > 1 + health.Silos.Isolated.Length)
        {
            notes.Add(Invariant(health.Silos.Components.Length) + " weakly connected groups of departments that do not work with each other.");
        }

        if (!health.SinglePointsOfFailure.ArticulationPoints.IsEmpty)
        {
            notes.Add("Single points of failure (removing one splits the organisation): " + string.Join(", ", health.SinglePointsOfFailure.ArticulationPoints.Select(Name)) + ".");
        }

        notes.Add($"{Invariant(health.Departments)} departments, {Invariant(health.Dependencies)} dependencies, {Invariant(health.Tiers)} tiers (tier 0 depends on nobody).");
        return Section.OfNotes("graph", "Dependency graph", notes);
    }

    internal Section SlaSection() => new(
        "sla",
        "SLA compliance (worst first)",
        ["agreement", "provider", "consumer", "objective", "decided", "met", "compliance", "target", "budget left", "in flight", "status"],
        [.. Scorecard.Objectives.Select(o => (IReadOnlyList<string>)
        [
            o.Agreement.Value,
            o.Provider.Value,
            o.Consumer.Value,
            o.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution",
            Invariant(o.Tally.Decided),
            Invariant(o.Tally.Met),
            o.Tally.Compliance is { } v ? Percent(v) : "n/a",
            Percent(o.Target),
            o.HasData ? Percent(o.Budget.Remaining) : "n/a",
            Invariant(o.Tally.InFlight),
            !o.HasData ? "no data" : o.IsMet ? "met" : "BREACHED",
        ])],
        []);

    internal Section FeedbackSection() => new(
        "feedback",
        $"Satisfaction by providing department ({Level()} intervals)",
        ["provider", "responses", $"mean ({Options.OverallScale.Min}-{Options.OverallScale.Max})", "CSAT %", "NPS"],
        [.. Scorecard.Departments.Where(d => d.Feedback.Count > 0).Select(d => (IReadOnlyList<string>)
        [
            d.Id.Value,
            Invariant(d.Feedback.Count),
            Estimate(d.Mean, 1, "0.00"),
            Estimate(d.Csat, 100, "0.0"),
            Estimate(d.Nps, 1, "0.0"),
        ])],
        []);

    internal Section RelationshipsSection() => new(
        "relationships",
        "Satisfaction by relationship, with trend",
        ["provider", "consumer", "responses", "mean", "CSAT %", "trend /30 days", "p-value"],
        [.. Scorecard.Relationships.Where(r => r.Feedback.Count > 0).Select(r => (IReadOnlyList<string>)
        [
            r.Provider.Value,
            r.Consumer.Value,
            Invariant(r.Feedback.Count),
            Estimate(r.Mean, 1, "0.00"),
            Estimate(r.Csat, 100, "0.0"),
            r.Trend.SlopePer30Days is { } s ? s.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a",
            r.Trend.PValue is { } p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a",
        ])],
        []);

    /// <summary>The findings in the library's order, but for reviews due, which the scorecards section summarises.</summary>
    internal Section FindingsSection()
    {
        var findings = Scorecard.Findings.Where(f => f is not ReviewDue).ToList();
        return Section.OfNotes(
            "findings",
            "Findings",
            findings.Count == 0 ? ["No relationship needs attention."] : [.. findings.Select(f => FindingText.Describe(f, Name))]);
    }

    internal Section AttentionSection() => new(
        "attention",
        "Attention list (gap × importance × blast radius)",
        ["rank", "provider", "consumer", "score", "reason"],
        [.. Scorecard.Health.WorstRelationships.Select(a => (IReadOnlyList<string>)[
            Invariant(a.Rank),
            a.Provider.Value,
            a.Consumer.Value,
            a.Score.ToString("0.000", CultureInfo.InvariantCulture),
            FindingText.Describe(a)])],
        Scorecard.Attention.IsEmpty ? ["No relationship has a gap."] : []);

    internal Section ScorecardSection() => new(
        "scorecards",
        "Department scorecards (as suppliers)",
        ["department", "tier", "blast radius", "resolution on time", $"CSAT ({Level()} CI)", "trend /30 days (p)", "shortfall", "inherited share"],
        [.. Scorecard.Departments.Select(d => (IReadOnlyList<string>)[
            d.Id.Value,
            Invariant(d.Position.Tier),
            Invariant(d.Position.BlastRadius),
            d.Resolution.Compliance is { } c ? $"{Percent(c)}% of {Invariant(d.Resolution.Decided)}" : "-",
            Estimate(d.Csat, 100, "0.0"),
            d.Trend.SlopePer30Days is { } slope ? string.Create(CultureInfo.InvariantCulture, $"{(slope >= 0 ? "+" : string.Empty)}{slope:0.00} ({d.Trend.PValue:0.000})") : "-",
            $"{Percent(d.Attribution.Shortfall)}%",
            $"{Percent(d.Attribution.InheritedFraction)}%"])],
        [
            $"Reviews due: {Invariant(Scorecard.ReviewsDue.Length)} agreement(s)" + (Scorecard.ReviewsDue.IsEmpty ? "." : $"; the {Invariant(Math.Min(ReviewsShown, Scorecard.ReviewsDue.Length))} most overdue:"),
            .. Scorecard.ReviewsDue.Take(ReviewsShown).Select(r => FindingText.Describe(r, Name)),
        ]);

    internal static string Format(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Estimate(MetricEstimate estimate, double factor, string format)
    {
        if (estimate.Value is not { } v)
        {
            return "n/a";
        }

        var text = (v * factor).ToString(format, CultureInfo.InvariantCulture);
        return estimate.Interval is { } i
            ? $"{text} [{(i.Lower * factor).ToString(format, CultureInfo.InvariantCulture)}, {(i.Upper * factor).ToString(format, CultureInfo.InvariantCulture)}]"
            : text + " (no interval)";
    }

    private string Level() => (100 * Options.ConfidenceLevel).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private string Name(DepartmentId id) => Organization.Contains(id) ? $"{Organization.GetDepartment(id).Name} ({id})" : id.Value;
}
