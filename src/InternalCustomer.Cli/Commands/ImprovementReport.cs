using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Output;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Cli.Commands;

/// <summary>
/// The <c>improvements</c> command: every improvement action of the record with its measured effect, as the scorecard
/// measured it (<see cref="Scorecards.RelationshipHealth.Effects"/>, which calls
/// <see cref="ImprovementEffect.Measure(Organization, ImprovementRecord, ActionId, ReadOnlySpan{ServiceRequest}, ReadOnlySpan{FeedbackResponse}, EffectOptions)"/>
/// as of the command's instant), then every feedback campaign's response rate and coverage (<see cref="CampaignSummary"/>,
/// over the responses given by then). This class only lays the library's results out.
/// </summary>
internal sealed class ImprovementReport
{
    /// <summary>The minimum responses per relationship a campaign's coverage counts (the effect's default minimum, <see cref="EffectOptions.MinimumResponses"/>).</summary>
    internal const int CoverageMinimum = 5;

    private readonly ImprovementRecord record;
    private readonly Instant asOf;
    private readonly ImmutableArray<FeedbackResponse> _responses;
    private readonly Dictionary<ActionId, ActionEffect> _effects;
    private readonly HashSet<ActionId> _started;

    /// <summary>Lays out the improvement record of an analysis (one built with the record).</summary>
    internal ImprovementReport(OrganizationAnalysis analysis)
    {
        record = analysis.Options.Improvement ?? throw new InvalidOperationException("The analysis was built without an improvement record.");
        asOf = analysis.Options.AsOf;
        _responses = [.. analysis.Responses.Where(r => r.Instant <= asOf)];
        _effects = analysis.Scorecard.Relationships.SelectMany(r => r.Effects).ToDictionary(e => e.Action.Id);
        _started = [.. analysis.Scorecard.Relationships.SelectMany(r => r.Actions).Select(a => a.Id)];
    }

    /// <summary>The command's sections: actions, then campaigns.</summary>
    internal IReadOnlyList<Section> Sections() => [ActionsSection(), CampaignsSection()];

    /// <summary>One row per action: its relationship, owner, status and dates, and for a completed one the verdict with the
    /// before → after CSAT and on-time shares, the p-values the verdict was judged by, the minimum detectable increases and the caveats.</summary>
    internal Section ActionsSection()
    {
        var rows = new List<IReadOnlyList<Cell>>();
        var notes = new List<string>();
        foreach (var action in record.Actions)
        {
            var effect = Effect(action, out var why);
            IReadOnlyList<Cell> common =
            [
                Cell.Of(action.Id.Value),
                Cell.Of(action.Relationship.Provider.Value),
                Cell.Of(action.Relationship.Consumer.Value),
                Cell.Of(action.Owner.Value),
                Cell.Status(OrganizationAnalysis.Status(action.Status)),
                Cell.Date(action.Started),
                Cell.Date(action.Completed),
            ];
            if (effect is null)
            {
                rows.Add([.. common, Cell.Status(why), .. Enumerable.Repeat(Cell.Number(null, "0", missing: string.Empty), 12), Cell.Of(string.Empty)]);
                continue;
            }

            rows.Add(
            [
                .. common,
                Cell.Status(Verdict(effect.Verdict)),
                ShareCell(effect.Csat.Proportion1),
                ShareCell(effect.Csat.Proportion2),
                PCell(effect.Judgements[0].PValue),
                ShareCell(effect.OnTime.Proportion1),
                ShareCell(effect.OnTime.Proportion2),
                PCell(effect.Judgements[1].PValue),
                MeanCell(effect.MeanScore.MeanY),
                MeanCell(effect.MeanScore.MeanX),
                PCell(effect.Judgements[2].PValue),
                PointsCell(effect.MinimumDetectableCsatIncrease),
                PointsCell(effect.MinimumDetectableOnTimeIncrease),
                MeanCell(effect.MinimumDetectableMeanIncrease),
                Cell.Of(OrganizationAnalysis.Caveats(effect.Caveats)),
            ]);
            notes.Add(Note(action, effect));
        }

        if (record.Actions.IsEmpty)
        {
            notes.Add("No improvement actions are recorded.");
        }
        else
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Measured as of {OrganizationAnalysis.Format(asOf)}: before = one review cadence up to the start, after = one cadence from the completion; p-values are of the difference-in-differences against the provider's other relationships when there are some, else of the before/after test; significant below 0.05. The minimum detectable increases (percentage points, power 0.8) are the smallest rises these windows could have shown: when nothing significant changed, they tell \"nothing happened\" from \"cannot tell yet\"."));
        }

        return new Section(
            "actions",
            "Improvement actions",
            [("action", "action"), ("provider", "provider"), ("consumer", "consumer"), ("owner", "owner"), ("status", "status"), ("started", "started"), ("completed", "completed"), ("verdict", "verdict"),
                ("csatBeforePercent", "CSAT before (%)"), ("csatAfterPercent", "CSAT after (%)"), ("csatPValue", "CSAT p"), ("onTimeBeforePercent", "on time before (%)"), ("onTimeAfterPercent", "on time after (%)"), ("onTimePValue", "on-time p"),
                ("meanBefore", "mean before"), ("meanAfter", "mean after"), ("meanPValue", "mean p"), ("minimumDetectableCsatPoints", "min. detectable CSAT (+ % points)"), ("minimumDetectableOnTimePoints", "min. detectable on-time (+ % points)"), ("minimumDetectableMean", "min. detectable mean (+ score)"), ("caveats", "caveats")],
            rows,
            notes);
    }

    /// <summary>One row per campaign: cycle, invitations, answers, response rate, coverage, the consumer with the lowest
    /// response rate, and the consumers that did not answer at all.</summary>
    internal Section CampaignsSection()
    {
        var rows = new List<IReadOnlyList<Cell>>();
        var notes = new List<string>();
        foreach (var campaign in record.Campaigns)
        {
            var summary = CampaignSummary.Create(campaign, _responses.AsSpan());
            var lowest = summary.ByConsumer.Where(d => d.Invited > 0).OrderBy(d => d.ResponseRate).ThenBy(d => d.Department).FirstOrDefault();
            rows.Add(
            [
                Cell.Of(campaign.Id.Value),
                Cell.Date(campaign.Cycle.Start),
                Cell.Date(campaign.Cycle.End),
                Cell.Count(summary.InvitedRelationships),
                Cell.Count(summary.Invited),
                Cell.Count(summary.Answered),
                Cell.Count(summary.Responses),
                ShareCell(summary.ResponseRate),
                ShareCell(summary.Coverage(CoverageMinimum)),
                Cell.Of(lowest?.Department.Value ?? string.Empty),
                lowest is null ? Cell.Number(null, "0", missing: string.Empty) : ShareCell(lowest.ResponseRate),
                Cell.Of(string.Join(" ", summary.NonRespondingConsumers.Select(d => d.Value))),
            ]);
            if (lowest is not null && summary.ResponseRate is { } overall && lowest.ResponseRate < overall / 2)
            {
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{campaign.Id}: {lowest.Department} answered {lowest.Answered} of {lowest.Invited} invitations ({Percent(lowest.ResponseRate)}%), under half the campaign's {Percent(overall)}%."));
            }
        }

        if (record.Campaigns.IsEmpty)
        {
            notes.Add("No feedback campaigns are recorded.");
        }
        else
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Response rate = answered / invited (a relationship's answers counted up to its invited); coverage = share of invited relationships with at least {CoverageMinimum} responses."));
        }

        return new Section(
            "campaigns",
            "Feedback campaigns",
            [("campaign", "campaign"), ("cycleStart", "cycle from"), ("cycleEnd", "cycle until"), ("relationships", "relationships"), ("invited", "invited"), ("answered", "answered"), ("responses", "responses"), ("responseRatePercent", "response rate (%)"), ("coveragePercent", $"coverage (≥{CoverageMinimum} responses, %)"), ("lowestConsumer", "lowest consumer"), ("lowestConsumerRatePercent", "its response rate (%)"), ("nonRespondingConsumers", "non-responding consumers")],
            rows,
            notes);
    }

    /// <summary>The measured effect of a completed action whose after window has begun by the as-of instant (the
    /// scorecard's); otherwise null and why.</summary>
    private ActionEffect? Effect(ImprovementAction action, out string why)
    {
        why = string.Empty;
        if (action.Status != ImprovementStatus.Completed)
        {
            // An action that starts after the as-of instant is not under way yet (the scorecard does not count it either).
            why = !action.IsInFlight ? "abandoned"
                : !_started.Contains(action.Id) ? "not started by the as-of date"
                : "in flight";
            return null;
        }

        if (_effects.TryGetValue(action.Id, out var effect))
        {
            return effect;
        }

        why = "not yet measurable (completed after the as-of date)";
        return null;
    }

    private static string Note(ImprovementAction action, ActionEffect effect)
    {
        var what = effect.Verdict switch
        {
            EffectVerdict.Improved => "improved",
            EffectVerdict.Worse => "got worse",
            _ => "shows no detectable change",
        };
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{action.Id} ({action.Relationship.Provider} → {action.Relationship.Consumer}) {what}: CSAT {Change(effect.Csat)} (p {P(effect.Judgements[0].PValue)}), on time {Change(effect.OnTime)} (p {P(effect.Judgements[1].PValue)}), mean score {Mean(effect.MeanScore.MeanY)} → {Mean(effect.MeanScore.MeanX)} (p {P(effect.Judgements[2].PValue)})");
        if (effect.Verdict == EffectVerdict.NoDetectableChange)
        {
            text += $"; the smallest rise the data could have detected: CSAT {Detectable(effect.MinimumDetectableCsatIncrease)}, on time {Detectable(effect.MinimumDetectableOnTimeIncrease)}";
        }

        return effect.Caveats == EffectCaveats.None ? text + "." : text + $" (caveats: {OrganizationAnalysis.Caveats(effect.Caveats)}).";
    }

    private static Cell ShareCell(double? fraction) => Cell.Percent(fraction, "–");

    private static Cell PointsCell(double? fraction) => Cell.Number(fraction * 100, "+0.0", missing: "–");

    private static Cell MeanCell(double? mean) => Cell.Number(mean, "0.00", missing: "–");

    private static Cell PCell(double? p) => Cell.Number(p, p < 0.0001 ? "0.0E+0" : "0.0000", missing: "–");

    private static string Change(TwoProportionResult result) => $"{Share(result.Proportion1)}% → {Share(result.Proportion2)}%";

    private static string Detectable(double? increase) => increase is { } v ? $"+{Percent(v)} points" : "none (too few observations, or no room above the before share)";

    private static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string P(double? p) => p is { } value ? value.ToString(value < 0.0001 ? "0.0E+0" : "0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Share(double? value) => value is { } v ? Percent(v) : "–";

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);


    private static string Verdict(EffectVerdict verdict) => verdict switch
    {
        EffectVerdict.Improved => "improved",
        EffectVerdict.Worse => "worse",
        _ => "no detectable change",
    };
}
