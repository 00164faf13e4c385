using System.Globalization;
using InternalCustomer.Agreements;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Turns findings and attention items into English sentences a manager understands. The one formatter of the
/// scorecard: the computation produces data (<see cref="Finding"/>, <see cref="AttentionItem"/>), this class only
/// words it. Pure and culture-invariant: percentages as <c>40%</c> or <c>12.5%</c>, dates as ISO <c>2026-06-01</c>.
/// </summary>
public static class FindingText
{
    /// <summary>Describes a finding in one sentence, naming departments by id.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is <see langword="null"/>.</exception>
    public static string Describe(Finding finding) => Describe(finding, null);

    /// <summary>Describes why a relationship is on the attention list, naming departments by id.</summary>
    /// <param name="item">The attention item.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public static string Describe(AttentionItem item) => Describe(item, null);

    /// <summary>Describes a finding in one sentence, such as
    /// <c>Heavy dependence without agreement: line-a depends on procurement with criticality 5 of 5 and no agreement (the threshold is 4).</c></summary>
    /// <param name="finding">The finding.</param>
    /// <param name="name">How to name a department (for example its name and id); <see langword="null"/> names it by id.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is <see langword="null"/>.</exception>
    public static string Describe(Finding finding, Func<DepartmentId, string>? name)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var n = name ?? (static id => id.Value);
        return finding switch
        {
            SlaMetButUnhappy f => Text(
                $"SLA met but customer unhappy: {n(f.Provider)} meets every time objective for {n(f.Consumer)}, yet only {Percent(f.Csat)} of {Count(f.Responses, "response")} are satisfied ({Percent(f.Interval.Level)} interval {Percent(f.Interval.Lower)}–{Percent(f.Interval.Upper)}, wholly below the target {Percent(f.Target)})."),
            HappyButSlaBreached f => Text(
                $"Customer happy but SLA breached: {n(f.Consumer)} is satisfied with {n(f.Provider)} ({Percent(f.Csat)} of {Count(f.Responses, "response")}; {Percent(f.Interval.Level)} interval {Percent(f.Interval.Lower)}–{Percent(f.Interval.Upper)}, wholly at or above the target {Percent(f.Target)}) although {OnTime(f.Breached)}; the target may be stricter than needed."),
            HeavyDependenceWithoutAgreement f => Text(
                $"Heavy dependence without agreement: {n(f.Consumer)} depends on {n(f.Provider)} with criticality {f.Dependence.Value} of {Criticality.MaxValue} and no agreement (the threshold is {f.Threshold.Value})."),
            FeedbackOverdue f => Text(
                $"Feedback overdue: {n(f.Consumer)} has given no feedback about {n(f.Provider)} {(f.LastFeedback is null ? "since agreement " + f.Agreement + " took effect on " + Date(f.Since) : "since " + Date(f.Since))}; agreement {f.Agreement} asks for it every {Cadence(f.Cadence)}, so it was due by {Date(f.DueBy)}, {Count(f.DaysOverdue, "day")} ago."),
            DecliningSatisfaction f => Text(
                $"Declining satisfaction: {n(f.Consumer)} about {n(f.Provider)}, {f.SlopePer30Days:0.00} points per 30 days (p = {f.PValue:0.0000}, below {f.Significance:0.####}; n = {f.Responses})."),
            InheritedShortfall f => Text(
                $"Inherited shortfall: {n(f.Department)} falls {Percent(f.Shortfall)} short as a supplier, and {Percent(f.InheritedFraction)} of that traces to its own suppliers, mostly {n(f.MainSupplier.Supplier)}; look upstream first."),
            ReviewDue f => Text(
                $"Review due: agreement {f.Agreement} ({n(f.Provider)} serving {n(f.Consumer)}), last reviewed on {Date(f.LastReview)}, was due on {Date(f.DueOn)}{(f.DaysOverdue == 0 ? " (today)" : ", " + Count(f.DaysOverdue, "day") + " ago")}."),
            TimeObjectiveBreached f => Text(
                $"SLA breached: {n(f.Provider)} serving {n(f.Consumer)}, {OnTime(f.Objective)} under agreement {f.Objective.Agreement}, {Percent(f.Shortfall)} short of the target{(f.Breached > 1 ? Text($"; {f.Breached} time objectives are breached") : string.Empty)}."),
            SatisfactionShortfall f => Text(
                $"Satisfaction below target: {n(f.Consumer)} about {n(f.Provider)}, only {Percent(f.Csat)} of {Count(f.Responses, "response")} satisfied ({Percent(f.Interval.Level)} interval {Percent(f.Interval.Lower)}–{Percent(f.Interval.Upper)}, target {Percent(f.Target)}), {Percent(f.Shortfall)} short of the target; {(f.IsWhollyBelowTarget ? "the whole interval is below it" : "the interval reaches the target, so the shortfall may be sampling noise")}."),
            MutualDependencyFinding f => Text(
                $"Mutual dependency: {string.Join(" → ", f.Cluster.Cycle.Append(f.Cluster.Cycle[0]).Select(n))} ({f.Cluster.Departments.Length} departments depend on each other, directly or through the others)."),
            SiloFinding { IsIsolated: true } f => Text(
                $"Silo: {n(f.Departments[0])} neither serves nor is served by any other department."),
            SiloFinding f => Text(
                $"Silo: {Names(f.Departments, n, f.Departments.Length)} work only with each other: none of them serves or is served by a department outside the group."),
            BridgingDepartmentFinding f => Text(
                $"Bridging department: {n(f.Bridging.Department)} is the only link between {f.Bridging.Parts.Length} otherwise separate parts of the organisation: {string.Join("; ", f.Bridging.Parts.Select(p => Part(p, n)))}."),
            SoleSupplierFinding { Supplier: var s } => Text(
                $"Sole supplier: {n(s.Supplier)} is the only provider of {(s.Services.IsEmpty ? "what they get from it" : Names(s.Services.Select(v => $"“{v.Name}”"), s.Services.Length))} to {Count(s.Dependants.Length, "department")} ({Names(s.Dependants, n, 3)}), none of which has an alternative; its failure reaches {Count(s.Reached, "department")} directly or through their suppliers."),
            _ => throw new ArgumentException($"Expected a finding of the scorecard; got {finding.GetType().Name}.", nameof(finding)),
        };
    }

    /// <summary>Describes why a relationship is on the attention list, such as
    /// <c>line-a serves line-b: resolution on time in 0% of 2 decided requests (target 90%); no feedback within the review cadence. Dependence 4 of 5; 1 department relies on line-a directly or indirectly.</c></summary>
    /// <param name="item">The attention item.</param>
    /// <param name="name">How to name a department; <see langword="null"/> names it by id.</param>
    /// <returns>The sentence: the breached objective, the satisfaction shortfall, the relationship's findings and the
    /// improvement actions under way on it (<see cref="AttentionItem.ActionsUnderWay"/>, as
    /// <c>action act-7 ("Daily stand-up with assembly", owned by logistics) has been under way since 2026-01-05</c>), then what is at stake.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public static string Describe(AttentionItem item, Func<DepartmentId, string>? name)
    {
        ArgumentNullException.ThrowIfNull(item);
        var n = name ?? (static id => id.Value);
        var r = item.Relationship;
        var parts = new List<string>();
        if (r.WorstTimeObjective is { IsMet: false } worst)
        {
            parts.Add(OnTime(worst));
        }

        if (r.SatisfactionGap > 0 && r.Csat.Value is { } csat)
        {
            parts.Add(Text($"only {Percent(csat)} of {Count(r.Feedback.Count, "response")} satisfied (target {Percent(r.SatisfactionTarget)})"));
        }

        foreach (var finding in r.Findings)
        {
            var part = finding switch
            {
                SlaMetButUnhappy => "the SLA is met but the customer is unhappy, so the agreement may measure the wrong thing",
                HappyButSlaBreached => "the customer is happy although the SLA is breached, so the target may be stricter than needed",
                HeavyDependenceWithoutAgreement => "a heavy dependency has no agreement",
                FeedbackOverdue => "no feedback within the review cadence",
                DecliningSatisfaction d => Text($"satisfaction is declining ({d.SlopePer30Days:0.00} points per 30 days)"),
                TimeObjectiveBreached or SatisfactionShortfall => null, // the breach and the shortfall are said first, above
                _ => throw new ArgumentException($"Expected a relationship finding of the scorecard; got {finding.GetType().Name}.", nameof(item)),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        foreach (var action in item.ActionsUnderWay)
        {
            parts.Add(Text($"action {action.Id} (\"{action.Title}\", owned by {n(action.Owner)}) has been under way since {Date(action.Started)}"));
        }

        var blast = item.BlastRadius;
        return Text($"{n(item.Provider)} serves {n(item.Consumer)}: {string.Join("; ", parts)}. Dependence {item.Dependence.Value} of {Criticality.MaxValue}; {Count(blast, "department")} rel{(blast == 1 ? "ies" : "y")} on {n(item.Provider)} directly or indirectly.");
    }

    private static string OnTime(ObjectiveCompliance objective) =>
        Text($"{(objective.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution")} on time in {Percent(objective.Tally.Compliance ?? 1)} of {objective.Tally.Decided} decided requests (target {Percent(objective.Target)})");

    // A bridged part: the one department of a part of one, else its size and the departments linked to the bridge.
    private static string Part(Dependencies.SeparatedPart part, Func<DepartmentId, string> n) =>
        part.Size == 1 ? n(part.Linked[0]) : Text($"{Count(part.Size, "department")} linked through {Names(part.Linked, n, 3)}");

    private static string Names(IEnumerable<DepartmentId> ids, Func<DepartmentId, string> n, int shown) => Names(ids.Select(n), shown);

    // "A", "A and B", "A, B and C", or the first few and "and k more".
    private static string Names(IEnumerable<string> names, int shown)
    {
        var all = names.ToList();
        if (all.Count > shown)
        {
            return string.Join(", ", all.Take(shown)) + Text($" and {all.Count - shown} more");
        }

        return all.Count <= 1 ? string.Join(string.Empty, all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Count(long count, string noun) => Text($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Cadence(Period cadence)
    {
        var parts = new List<string>();
        void Part(int value, string unit)
        {
            if (value != 0)
            {
                parts.Add(Count(value, unit));
            }
        }

        Part(cadence.Years, "year");
        Part(cadence.Months, "month");
        Part(cadence.Weeks, "week");
        Part(cadence.Days, "day");
        return parts.Count == 0 || cadence.HasTimeComponent ? cadence.ToString() : string.Join(" ", parts);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
