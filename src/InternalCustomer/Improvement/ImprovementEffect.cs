using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// Measures whether an improvement action changed anything beyond noise: CSAT share, mean overall score and on-time rate
/// of the action's relationship in equal windows before and after it, each with its test, and a difference-in-differences
/// against control relationships that removes a drift the whole provider shares.
/// </summary>
/// <remarks>
/// <para><b>Windows.</b> Dates are read in the time zone of the calendar of the first agreement (by id) between the
/// action's provider and consumer, UTC when they have none. With the window length <c>w</c> (<see cref="EffectOptions.Window"/>,
/// by default the shortest review cadence of the pair's agreements, else three months), the before window is
/// <c>[start of (Started − w), start of Started)</c> and the after window <c>[start of Completed, start of (Completed + w))</c>,
/// cut at <see cref="EffectOptions.AsOf"/> (<see cref="EffectCaveats.AfterWindowCut"/>). Explicit
/// <see cref="EffectOptions.Before"/> and <see cref="EffectOptions.After"/> replace both (the after window is still cut at
/// AsOf); they must not overlap. The time between Started and Completed, when the action is being carried out, belongs
/// to neither window.</para>
/// <para><b>Outcomes.</b> Responses whose subject is the provider and respondent the consumer, given in a window, count
/// for it: satisfied when in the top <see cref="EffectOptions.CsatTopBoxes"/> of the response's overall scale; their
/// overall scores feed the mean. Requests of the agreements between the pair, opened in a window, are evaluated at AsOf
/// with the organisation's SLA timer; a request counts when at least one of its time objectives (first response,
/// resolution) is decided, and is on time when every decided one was met. Control responses and requests are those
/// of the control relationships in the same windows.</para>
/// <para><b>Verdict</b> and the minimum detectable effects: see <see cref="ActionEffect.Verdict"/> and
/// <see cref="ActionEffect.MinimumDetectableCsatIncrease"/>.</para>
/// </remarks>
public static class ImprovementEffect
{
    private static readonly Period DefaultWindow = Period.FromMonths(3);

    /// <summary>Measures the effect of one action, without knowledge of other actions on its relationship.</summary>
    /// <param name="organization">The organisation the action belongs to.</param>
    /// <param name="action">The action; it must be completed unless the options give explicit windows.</param>
    /// <param name="requests">Service requests (those of other agreements are ignored).</param>
    /// <param name="responses">Feedback responses (those of other relationships are ignored).</param>
    /// <param name="options">The settings.</param>
    /// <returns>The measured effect; <see cref="EffectCaveats.OverlappingAction"/> is never set (use the overload that takes an <see cref="ImprovementRecord"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="action"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The action's relationship or a control names a department not in the organisation or a pair
    /// with neither agreement nor declared dependency (parameter <c>action</c> or <c>options</c>); the action has no completion date and
    /// the options give no windows, or the windows overlap (the message names the action); the after window does not start before AsOf;
    /// a setting is out of range (parameter <c>options</c>); a request or response is <see langword="null"/>, or the relationship's
    /// responses rate on more than one scale (parameter <c>requests</c> or <c>responses</c>, with the index).</exception>
    public static ActionEffect Measure(Organization organization, ImprovementAction action, ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses, EffectOptions options)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Core(organization, action, [], requests, responses, options);
    }

    /// <summary>Measures the effect of an action of a record, flagging the record's other actions on the same relationship
    /// that ran during either window (<see cref="EffectCaveats.OverlappingAction"/>).</summary>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="record">The record holding the action.</param>
    /// <param name="action">The id of the action to measure.</param>
    /// <param name="requests">Service requests (those of other agreements are ignored).</param>
    /// <param name="responses">Feedback responses (those of other relationships are ignored).</param>
    /// <param name="options">The settings.</param>
    /// <returns>The measured effect.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="record"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="action"/> is not an action of the record, or as for the other overload.</exception>
    public static ActionEffect Measure(
        Organization organization,
        ImprovementRecord record,
        ActionId action,
        ReadOnlySpan<ServiceRequest> requests,
        ReadOnlySpan<FeedbackResponse> responses,
        EffectOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        var measured = record.FindAction(action)
            ?? throw new ArgumentException($"Expected an action of the record; got '{action.Value}', which is not one.", nameof(action));
        var others = record.ActionsOn(measured.Relationship).Where(a => a.Id != measured.Id).ToImmutableArray();
        return Core(organization, measured, others, requests, responses, options);
    }

    private static ActionEffect Core(
        Organization organization,
        ImprovementAction action,
        ImmutableArray<ImprovementAction> others,
        ReadOnlySpan<ServiceRequest> requests,
        ReadOnlySpan<FeedbackResponse> responses,
        EffectOptions options)
    {
        var tally = EffectTally.Plan(organization, action, others, options);
        var relationship = action.Relationship;

        // Responses: satisfied 0/1 and scores of the treated pair and of the controls.
        RatingScale? scale = null;
        var scaleAt = -1;
        for (var i = 0; i < responses.Length; i++)
        {
            var response = responses[i] ?? throw new ArgumentException($"Expected a response at every index; got null at responses[{i}].", nameof(responses));
            if (!tally.Classify(response, out var isTreated, out var isBefore))
            {
                continue;
            }

            var satisfied = Satisfied(response, options.CsatTopBoxes, i, nameof(options));
            if (isTreated)
            {
                if (scale is null)
                {
                    (scale, scaleAt) = (response.OverallScale, i);
                }
                else if (!scale.Equals(response.OverallScale))
                {
                    throw new ArgumentException(
                        $"Expected the responses of {ImprovementGuard.Describe(relationship)} in the windows on one scale, to compare mean scores; got {scale} at responses[{scaleAt}] and {response.OverallScale} at responses[{i}].",
                        nameof(responses));
                }
            }

            tally.AddResponse(isTreated, isBefore, satisfied, response.OverallScale, response.Overall);
        }

        // Requests: on time 0/1, of the treated pair's agreements and of the controls'.
        var timers = new Dictionary<AgreementId, SlaTimer>();
        for (var i = 0; i < requests.Length; i++)
        {
            var request = requests[i] ?? throw new ArgumentException($"Expected a request at every index; got null at requests[{i}].", nameof(requests));
            if (!tally.Classify(request, out var isTreated, out var isBefore))
            {
                continue;
            }

            if (!timers.TryGetValue(request.Agreement, out var timer))
            {
                timer = timers[request.Agreement] = organization.TimerFor(request.Agreement);
            }

            if (OnTime(timer, request, options.AsOf) is { } onTime)
            {
                tally.AddOnTime(isTreated, isBefore, onTime);
            }
        }

        return tally.Compute();
    }

    // The measurement of one action from its counts: the tests over the outcomes in ascending order (a histogram of
    // integer scores and counts of 0/1 outcomes expanded in order are the sorted inputs themselves), the caveats, the
    // verdict. The one code path of Measure and of the scorecard's accumulated windows (EffectTally.Compute).
    internal static ActionEffect FromCounts(EffectTally tally)
    {
        var options = tally.Options;
        var caveats = tally.PlanCaveats;
        var scoresBefore = tally.TreatedScores.Sorted(before: true);
        var scoresAfter = tally.TreatedScores.Sorted(before: false);
        var treated = tally.TreatedCsat;
        var treatedOnTime = tally.TreatedOnTime;
        var csat = TwoProportionTest.Compute(treated.BeforeSuccesses, treated.BeforeTrials, treated.AfterSuccesses, treated.AfterTrials, options.Level);
        var mean = WelchTTest.Compute(scoresAfter, scoresBefore, options.Level);
        var onTimeTest = TwoProportionTest.Compute(treatedOnTime.BeforeSuccesses, treatedOnTime.BeforeTrials, treatedOnTime.AfterSuccesses, treatedOnTime.AfterTrials, options.Level);
        DifferenceInDifferencesResult? csatDid = null, onTimeDid = null, meanDid = null;
        if (!tally.Controls.IsEmpty)
        {
            // Scores compare only on one scale: controls rating on another scale than the pair give no mean comparison.
            var scale = tally.TreatedScores.Scale;
            var controlScale = tally.ControlScores.Scale;
            if (tally.ControlScores.ScalesAgree && (scale is null || controlScale is null || scale.Equals(controlScale)))
            {
                meanDid = DifferenceInDifferences.Compute(scoresBefore, scoresAfter, tally.ControlScores.Sorted(before: true), tally.ControlScores.Sorted(before: false), options.Level);
            }

            csatDid = DifferenceInDifferences.Compute(treated.Sorted(before: true), treated.Sorted(before: false), tally.ControlCsat.Sorted(before: true), tally.ControlCsat.Sorted(before: false), options.Level);
            onTimeDid = DifferenceInDifferences.Compute(
                treatedOnTime.Sorted(before: true), treatedOnTime.Sorted(before: false), tally.ControlOnTime.Sorted(before: true), tally.ControlOnTime.Sorted(before: false), options.Level);
        }

        if (csatDid?.PValue is null && onTimeDid?.PValue is null && meanDid?.PValue is null)
        {
            caveats |= EffectCaveats.NoControls;
        }

        if (treated.BeforeTrials < options.MinimumResponses || treated.AfterTrials < options.MinimumResponses)
        {
            caveats |= EffectCaveats.FewResponses;
        }

        if (tally.Others.Any(o => Overlaps(o, tally.Zone, options.AsOf, tally.Before) || Overlaps(o, tally.Zone, options.AsOf, tally.After)))
        {
            caveats |= EffectCaveats.OverlappingAction;
        }

        ImmutableArray<OutcomeJudgement> judged =
        [
            Judge(EffectOutcome.Csat, csatDid, csat.PValue, csat.Difference, options.Significance),
            Judge(EffectOutcome.OnTime, onTimeDid, onTimeTest.PValue, onTimeTest.Difference, options.Significance),
            Judge(EffectOutcome.MeanScore, meanDid, mean.PValue, mean.Difference, options.Significance),
        ];
        var verdict = Verdict(judged);
        return new ActionEffect(
            tally.Action,
            tally.Before,
            tally.After,
            tally.Controls,
            csat,
            mean,
            onTimeTest,
            csatDid,
            onTimeDid,
            meanDid,
            judged,
            verdict,
            MinimumDetectable(csat, options),
            MinimumDetectable(onTimeTest, options),
            MinimumDetectableMean(scoresBefore, scoresAfter, options),
            caveats,
            options.Significance);
    }

    // The windows of an action as Measure reads them: (before, after), the after window cut at AsOf (with the caveat).
    internal static (Interval Before, Interval After, EffectCaveats Caveats) WindowsOf(ImprovementAction action, ImmutableArray<ServiceAgreement> between, DateTimeZone zone, EffectOptions options)
    {
        var (before, after) = Windows(action, between, zone, options);
        var caveats = EffectCaveats.None;
        if (after.End > options.AsOf)
        {
            after = new Interval(after.Start, options.AsOf);
            caveats |= EffectCaveats.AfterWindowCut;
        }

        return (before, after, caveats);
    }

    internal static ImmutableArray<Relationship> ControlsOf(Organization organization, Relationship relationship, EffectOptions options) => Controls(organization, relationship, options);

    internal static void Require(Organization organization, Relationship relationship, string name, string parameterName) => RequireRelationship(organization, relationship, name, parameterName);

    // An outcome by its difference-in-differences when that has a p-value, else by its before/after test.
    private static OutcomeJudgement Judge(EffectOutcome outcome, DifferenceInDifferencesResult? did, double? rawP, double? rawEstimate, double significance) =>
        did?.PValue is { } p
            ? new OutcomeJudgement(outcome, true, did.Estimate, p, p < significance)
            : new OutcomeJudgement(outcome, false, rawEstimate, rawP, rawP is { } q && q < significance);

    // Worse if any outcome is significantly worse; else improved if any is significantly better.
    private static EffectVerdict Verdict(ImmutableArray<OutcomeJudgement> judged) =>
        judged.Any(j => j.Direction < 0) ? EffectVerdict.Worse
        : judged.Any(j => j.Direction > 0) ? EffectVerdict.Improved
        : EffectVerdict.NoDetectableChange;

    private static double? MinimumDetectable(TwoProportionResult test, EffectOptions options) =>
        test.Trials1 > 0 && test.Trials2 > 0 && test.Proportion1 is { } p1 && p1 < 1
            ? PowerAnalysis.MinimumDetectableProportionIncrease(Math.Min(test.Trials1, test.Trials2), p1, options.Power, options.Significance)
            : null;

    // power.t.test(n = the smaller window's count, sd = the pooled standard deviation of both windows, power = )$delta;
    // null with fewer than two scores in a window, no spread, or a power the test has even with no difference.
    private static double? MinimumDetectableMean(double[] before, double[] after, EffectOptions options)
    {
        if (before.Length < 2 || after.Length < 2 || options.Power <= options.Significance / 2)
        {
            return null;
        }

        var squares = Squares(before) + Squares(after);
        var sd = Math.Sqrt(squares / (before.Length + after.Length - 2));
        return sd > 0 ? PowerAnalysis.MinimumDetectableMeanDifference(Math.Min(before.Length, after.Length), sd, options.Power, options.Significance) : null;

        static double Squares(double[] sorted)
        {
            var mean = 0.0;
            foreach (var v in sorted)
            {
                mean += v;
            }

            mean /= sorted.Length;
            var sum = 0.0;
            foreach (var v in sorted)
            {
                sum += (v - mean) * (v - mean);
            }

            return sum;
        }
    }

    private static (Interval Before, Interval After) Windows(ImprovementAction action, ImmutableArray<ServiceAgreement> between, DateTimeZone zone, EffectOptions options)
    {
        Interval before, after;
        if (options.Before is { } explicitBefore && options.After is { } explicitAfter)
        {
            (before, after) = (explicitBefore, explicitAfter);
            if (before.End > after.Start)
            {
                throw new ArgumentException(
                    before.Start < after.End
                        ? $"Action '{action.Id}': expected a before window that ends by the time the after window starts; got before {before} and after {after}, which overlap."
                        : $"Action '{action.Id}': expected a before window that ends by the time the after window starts; got before {before}, which comes after the after window {after}.",
                    nameof(options));
            }
        }
        else
        {
            if (action.Completed is not { } completed)
            {
                throw new ArgumentException(
                    $"Action '{action.Id}' is {action.Status} with no completion date, so it has no after window; expected a completed action, or Before and After in the options.",
                    nameof(action));
            }

            var window = options.Window ?? between.MinBy(a => action.Started + a.ReviewCadence)?.ReviewCadence ?? DefaultWindow;
            before = new Interval(Start(action.Started - window, zone), Start(action.Started, zone));
            after = new Interval(Start(completed, zone), Start(completed + window, zone));
        }

        if (after.Start >= options.AsOf)
        {
            throw new ArgumentException(
                $"Action '{action.Id}': expected an after window that starts before AsOf ({options.AsOf}); got one starting at {after.Start}, so there is nothing to measure yet.",
                nameof(options));
        }

        return (before, after);
    }

    private static ImmutableArray<Relationship> Controls(Organization organization, Relationship relationship, EffectOptions options)
    {
        if (options.Controls is not { } given)
        {
            var consumers = new SortedSet<DepartmentId>();
            foreach (var agreement in organization.AgreementsProvidedBy(relationship.Provider))
            {
                consumers.Add(agreement.Consumer);
            }

            foreach (var dependency in organization.DependenciesProvidedBy(relationship.Provider))
            {
                consumers.Add(dependency.Consumer);
            }

            consumers.Remove(relationship.Consumer);
            return [.. consumers.Select(c => new Relationship(relationship.Provider, c))];
        }

        var seen = new HashSet<Relationship>();
        for (var j = 0; j < given.Length; j++)
        {
            var pair = ImprovementGuard.Pair(given[j], nameof(options));
            if (pair == relationship)
            {
                throw new ArgumentException($"Expected control relationships other than the action's; got {ImprovementGuard.Describe(pair)} at Controls[{j}].", nameof(options));
            }

            if (!seen.Add(pair))
            {
                throw new ArgumentException($"Expected each control relationship once; got {ImprovementGuard.Describe(pair)} again at Controls[{j}].", nameof(options));
            }

            RequireRelationship(organization, pair, $"Control {ImprovementGuard.Describe(pair)} at Controls[{j}]", nameof(options));
        }

        return [.. seen.Order()];
    }

    private static void RequireRelationship(Organization organization, Relationship relationship, string name, string parameterName)
    {
        foreach (var (role, id) in new[] { ("provider", relationship.Provider), ("consumer", relationship.Consumer) })
        {
            if (!organization.Contains(id))
            {
                throw new ArgumentException($"{name} names {role} '{id}', which is not a department of this organization.", parameterName);
            }
        }

        if (!ImprovementGuard.Exists(organization, relationship))
        {
            throw new ArgumentException(
                $"{name} is on {ImprovementGuard.Describe(relationship)}, a relationship that does not exist: no agreement and no declared dependency between them.",
                parameterName);
        }
    }

    internal static bool Satisfied(FeedbackResponse response, int topBoxes, int index, string optionsName)
    {
        var scale = response.OverallScale;
        if (topBoxes > scale.Points)
        {
            throw new ArgumentOutOfRangeException(
                optionsName,
                topBoxes,
                $"CsatTopBoxes must be at most the {scale.Points} points of the {scale} scale of responses[{index}]; got {topBoxes}.");
        }

        return response.Overall >= scale.Max - topBoxes + 1;
    }

    // On time when every decided time objective was met; null when none is decided (or the agreement measures none).
    internal static bool? OnTime(SlaTimer timer, ServiceRequest request, Instant asOf)
    {
        bool? onTime = null;
        foreach (var kind in (ReadOnlySpan<ObjectiveKind>)[ObjectiveKind.FirstResponse, ObjectiveKind.Resolution])
        {
            if (!timer.Agreement.Measures(kind))
            {
                continue;
            }

            var evaluation = timer.Evaluate(request, kind, asOf);
            if (evaluation.IsDecided)
            {
                onTime = (onTime ?? true) && evaluation.State == SlaState.Met;
            }
        }

        return onTime;
    }

    // Whether another action ran (start of Started to the end of Completed, or to AsOf without one) during a window.
    private static bool Overlaps(ImprovementAction other, DateTimeZone zone, Instant asOf, Interval window)
    {
        var start = Start(other.Started, zone);
        var end = other.Completed is { } completed ? Start(completed.PlusDays(1), zone) : asOf;
        return start < window.End && end > window.Start;
    }

    private static Instant Start(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant();
}
