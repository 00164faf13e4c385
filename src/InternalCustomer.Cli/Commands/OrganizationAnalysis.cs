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

        // The scorecard rates on one overall scale: the responses' (the first one's; Scorecard.Validate reports any other).
        Options = new ScorecardOptions(asOf)
        {
            OverallScale = _responses.IsEmpty ? RatingScale.FivePoint : _responses[0].OverallScale,
            WorstRelationships = AttentionShown,
            Improvement = improvement,
        };
        _scorecard = new(() => Scorecards.Scorecard.Compute(organization, _requests.AsSpan(), _responses.AsSpan(), Options));
    }

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
        ["item", "value"],
        [
            ["source", Source],
            ["as of", Format(Options.AsOf)],
            ["departments", Invariant(Organization.Departments.Length)],
            ["services", Invariant(Organization.Services.Length)],
            ["calendars", Invariant(Organization.Calendars.Count)],
            ["priorities", Organization.Priorities.IsEmpty ? "none declared" : string.Join(", ", Organization.Priorities) + " (highest first)"],
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
        ["agreement", "provider", "consumer", "set", "objective", "decided", "met", "compliance", "target", "budget left", "in flight", "not measured", "status"],
        [.. Scorecard.Objectives.Select(o => (IReadOnlyList<string>)
        [
            o.Agreement.Value,
            o.Provider.Value,
            o.Consumer.Value,
            o.ObjectiveSet ?? AllRequests,
            o.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution",
            Invariant(o.Tally.Decided),
            Invariant(o.Tally.Met),
            o.Tally.Compliance is { } v ? Percent(v) : "n/a",
            Percent(o.Target),
            o.HasData ? Percent(o.Budget.Remaining) : "n/a",
            Invariant(o.Tally.InFlight),
            Invariant(o.Tally.Unmeasured),
            !o.HasData ? "no data" : o.IsMet ? "met" : "BREACHED",
        ])],
        SlaNotes());

    /// <summary>The special days of the organisation's calendars (part-day closures, make-up workdays, closed days), by calendar and date.</summary>
    internal Section CalendarExceptionsSection() => new(
        "calendar-exceptions",
        "Calendar special days",
        ["calendar", "date", "day", "kind", "hours"],
        [.. Organization.Calendars.SelectMany(c => c.Value.SpecialDays.Select(d => (IReadOnlyList<string>)
        [
            c.Key.Value,
            LocalDatePattern.Iso.Format(d.Date),
            d.Date.DayOfWeek.ToString(),
            SpecialDayKind(c.Value, d),
            d.IsClosed ? "closed" : string.Join(", ", d.Windows),
        ]))],
        []);

    /// <summary>The objective sets of the agreements whose objectives depend on the request's class, in each agreement's order.</summary>
    internal Section ObjectiveSetsSection() => new(
        "objective-sets",
        "Objectives per request class",
        ["agreement", "set", "selects", "first response", "resolution"],
        [.. Organization.Agreements.Where(a => a.ObjectiveSets is not ([] or [{ Selector.IsAny: true }])).SelectMany(a => a.ObjectiveSets.Select(s => (IReadOnlyList<string>)
        [
            a.Id.Value,
            s.Name,
            Selects(s.Selector),
            Objective(s.FirstResponse),
            Objective(s.Resolution),
        ]))],
        [Organization.Priorities.IsEmpty
            ? "The organisation declares no priorities."
            : $"Priorities, highest first: {string.Join(", ", Organization.Priorities)}."]);

    /// <summary>The agreements' maintenance windows and SLO corrections (<see cref="ServiceAgreement.Exclusions"/>).</summary>
    internal Section ExclusionsSection() => new(
        "exclusions",
        "Maintenance windows and SLO corrections",
        ["agreement", "from", "until", "effect", "reason"],
        [.. Organization.Agreements.SelectMany(a => a.Exclusions.Select(x => (IReadOnlyList<string>)
        [
            a.Id.Value,
            Format(x.Window.Start),
            Format(x.Window.End),
            x.Effect == ExclusionEffect.ExcludeRequests ? "requests opened in it not measured" : "its time counts on no clock",
            x.Reason,
        ]))],
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

    /// <summary>The improvement loop as the scorecard sees it (<see cref="ScorecardOptions.Improvement"/>): the actions in flight,
    /// the finished actions with their verdict and CSAT and on-time rates before → after, the latest campaign's response rate
    /// and coverage, and how many reviews are due.</summary>
    internal Section ImprovementSection()
    {
        var inFlight = Scorecard.Relationships.SelectMany(r => r.ActionsInFlight).OrderBy(a => a.Id).Select(a => (IReadOnlyList<string>)
        [
            a.Id.Value,
            a.Relationship.Provider.Value,
            a.Relationship.Consumer.Value,
            a.Owner.Value,
            Status(a.Status),
            LocalDatePattern.Iso.Format(a.Started),
            a.Completed is { } c ? LocalDatePattern.Iso.Format(c) : "-",
            "in flight",
            "-",
            "-",
            "-",
            string.Empty,
        ]);
        var finished = Scorecard.Relationships.SelectMany(r => r.Effects).OrderBy(e => e.Action.Id).Select(e => (IReadOnlyList<string>)
        [
            e.Action.Id.Value,
            e.Action.Relationship.Provider.Value,
            e.Action.Relationship.Consumer.Value,
            e.Action.Owner.Value,
            Status(e.Action.Status),
            LocalDatePattern.Iso.Format(e.Action.Started),
            e.Action.Completed is { } c ? LocalDatePattern.Iso.Format(c) : "-",
            Verdict(e),
            BeforeAfter(e.Csat, e.Judgements[0], "response"),
            BeforeAfter(e.OnTime, e.Judgements[1], "request"),
            MeanBeforeAfter(e.MeanScore, e.Judgements[2]),
            e.Caveats == EffectCaveats.None ? string.Empty : Caveats(e.Caveats),
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
            ["action", "provider", "consumer", "owner", "status", "started", "completed", "verdict", "CSAT before → after", "on time before → after", "mean score before → after", "caveats"],
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
