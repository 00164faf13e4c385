using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Output;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;
using NodaTime.Text;

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
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        foreach (var action in record.Actions)
        {
            var effect = Effect(action, out var why);
            IReadOnlyList<string> common =
            [
                action.Id.Value,
                $"{action.Relationship.Provider} → {action.Relationship.Consumer}",
                action.Owner.Value,
                OrganizationAnalysis.Status(action.Status),
                Date(action.Started),
                action.Completed is { } c ? Date(c) : string.Empty,
            ];
            if (effect is null)
            {
                rows.Add([.. common, why, "", "", "", "", "", "", "", "", "", "", "", "", ""]);
                continue;
            }

            rows.Add(
            [
                .. common,
                Verdict(effect.Verdict),
                Share(effect.Csat.Proportion1),
                Share(effect.Csat.Proportion2),
                P(effect.Judgements[0].PValue),
                Share(effect.OnTime.Proportion1),
                Share(effect.OnTime.Proportion2),
                P(effect.Judgements[1].PValue),
                Mean(effect.MeanScore.MeanY),
                Mean(effect.MeanScore.MeanX),
                P(effect.Judgements[2].PValue),
                Share(effect.MinimumDetectableCsatIncrease),
                Share(effect.MinimumDetectableOnTimeIncrease),
                Mean(effect.MinimumDetectableMeanIncrease),
                OrganizationAnalysis.Caveats(effect.Caveats),
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
            ["action", "relationship", "owner", "status", "started", "completed", "verdict", "CSAT before %", "CSAT after %", "CSAT p", "on time before %", "on time after %", "on-time p", "mean before", "mean after", "mean p", "min. detectable CSAT +pp", "min. detectable on-time +pp", "min. detectable mean +", "caveats"],
            rows,
            notes);
    }

    /// <summary>One row per campaign: cycle, invitations, answers, response rate, coverage, the consumer with the lowest
    /// response rate, and the consumers that did not answer at all.</summary>
    internal Section CampaignsSection()
    {
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        foreach (var campaign in record.Campaigns)
        {
            var summary = CampaignSummary.Create(campaign, _responses.AsSpan());
            var lowest = summary.ByConsumer.Where(d => d.Invited > 0).OrderBy(d => d.ResponseRate).ThenBy(d => d.Department).FirstOrDefault();
            rows.Add(
            [
                campaign.Id.Value,
                $"{Date(campaign.Cycle.Start)}..{Date(campaign.Cycle.End)}",
                Invariant(summary.InvitedRelationships),
                Invariant(summary.Invited),
                Invariant(summary.Answered),
                Invariant(summary.Responses),
                Share(summary.ResponseRate),
                Share(summary.Coverage(CoverageMinimum)),
                lowest is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{lowest.Department} {Percent(lowest.ResponseRate)}%"),
                string.Join(" ", summary.NonRespondingConsumers.Select(d => d.Value)),
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
            ["campaign", "cycle", "relationships", "invited", "answered", "responses", "response rate %", $"coverage (≥{CoverageMinimum}) %", "lowest consumer", "non-responding consumers"],
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

    private static string Change(TwoProportionResult result) => $"{Share(result.Proportion1)}% → {Share(result.Proportion2)}%";

    private static string Detectable(double? increase) => increase is { } v ? $"+{Percent(v)} points" : "none (too few observations, or no room above the before share)";

    private static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string P(double? p) => p is { } value ? value.ToString(value < 0.0001 ? "0.0E+0" : "0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Share(double? value) => value is { } v ? Percent(v) : "–";

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Verdict(EffectVerdict verdict) => verdict switch
    {
        EffectVerdict.Improved => "improved",
        EffectVerdict.Worse => "worse",
        _ => "no detectable change",
    };
}
