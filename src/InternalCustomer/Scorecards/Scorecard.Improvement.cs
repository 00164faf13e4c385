using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>The improvement loop: the actions on each relationship, their measured effects, the latest campaign's
/// response rate and coverage, and the checks of a record against the organisation.</content>
public static partial class Scorecard
{
    // The actions on each relationship (started by as-of), those in flight and the effects of the finished ones.
    internal sealed record ImprovementData(
        Dictionary<Relationship, ImmutableArray<ImprovementAction>> Actions,
        Dictionary<Relationship, ImmutableArray<ImprovementAction>> InFlight,
        Dictionary<Relationship, ImmutableArray<ActionEffect>> Effects)
    {
        public static ImprovementData Empty { get; } = new([], [], []);
    }

    // The actions of the options' record on each relationship (started by as-of) and those in flight, and the completed
    // ones whose effect the scorecard measures (ended before as-of), in the record's order. A function of the
    // organisation and the options alone: the events only fill the measured actions' windows (EffectTally).
    internal static (ImprovementData Lists, List<ImprovementAction> Measured) PlanImprovements(Organization organization, ScorecardOptions options)
    {
        if (options.Improvement is not { Actions.IsEmpty: false } record)
        {
            return (ImprovementData.Empty, []);
        }

        var asOf = options.AsOf;
        var actions = new Dictionary<Relationship, List<ImprovementAction>>();
        var inFlight = new Dictionary<Relationship, List<ImprovementAction>>();
        var measured = new List<ImprovementAction>();
        var zones = new Dictionary<Relationship, DateTimeZone>();
        foreach (var action in record.Actions)
        {
            var pair = action.Relationship;
            if (!zones.TryGetValue(pair, out var zone))
            {
                zone = zones[pair] = ZoneOf(organization, pair);
            }

            if (Start(action.Started, zone) > asOf)
            {
                continue;
            }

            Add(actions, pair, action);
            var ended = action.Completed is { } completed && Start(completed, zone) < asOf;
            if (action.IsInFlight || (action.Completed is not null && !ended))
            {
                Add(inFlight, pair, action);
            }
            else if (action.Status == ImprovementStatus.Completed && ended)
            {
                measured.Add(action);
            }
        }

        var lists = new ImprovementData(
            actions.ToDictionary(a => a.Key, a => a.Value.ToImmutableArray()),
            inFlight.ToDictionary(a => a.Key, a => a.Value.ToImmutableArray()),
            []);
        return (lists, measured);
    }

    // The plan of one measured action's windows, as ImprovementEffect.Measure(organization, record, action.Id, ...) lays it out.
    internal static EffectTally PlanEffect(Organization organization, ImprovementRecord record, ImprovementAction action, ScorecardOptions options)
    {
        var effectOptions = new EffectOptions(options.AsOf)
        {
            Level = options.ConfidenceLevel,
            CsatTopBoxes = options.CsatTopBoxes,
            MinimumResponses = options.MinimumResponses,
        };
        var others = record.ActionsOn(action.Relationship).Where(a => a.Id != action.Id).ToImmutableArray();
        return EffectTally.Plan(organization, action, others, effectOptions);
    }

    // The last review of an agreement as known on the as-of date: the later of the option's date and the record's
    // latest meeting on or before that date; the agreement's first effective day when neither knows one.
    private static LocalDate LastReview(ServiceAgreement agreement, LocalDate asOfDate, ScorecardOptions options)
    {
        LocalDate? last = options.LastReviews is { } known && known.TryGetValue(agreement.Id, out var reviewed) ? reviewed : null;
        if (options.Improvement?.LastReviewOn(agreement.Id, asOfDate) is { } met && (last is null || met > last))
        {
            last = met;
        }

        return last ?? agreement.EffectiveFrom;
    }

    // The record's campaigns, actions and meetings against this organisation (the record was checked against one when
    // created, perhaps another): located at $.options.improvement.<list>[i], the indices those of the record's sorted lists.
    // The record against this organisation by the record's own rules (ImprovementRecord.TryCreate over its sorted lists,
    // so the indices are those of record.Campaigns/Meetings/Actions), located under options.improvement; then each
    // action's dimension against the options' dimensions when there are some.
    internal static void CheckImprovement(Organization organization, ImprovementRecord record, DimensionSet? dimensions, List<Problem>? problems)
    {
        var root = At("options").Property("improvement");
        foreach (var problem in ImprovementRecord.TryCreate(organization, record.Campaigns, record.Meetings, record.Actions).Problems)
        {
            Report(problems, new(problem.Kind, Concat(root, problem.Location), problem.Message));
        }

        for (var i = 0; i < record.Actions.Length; i++)
        {
            var action = record.Actions[i];
            if (action.Dimension is { } dimension && dimensions is { } set && !set.Names.Contains(dimension, StringComparer.Ordinal))
            {
                Report(problems, new(
                    ProblemKind.UnknownReference,
                    root.Property("actions").Element(i).Property("dimension"),
                    $"Action '{action.Id}' is on dimension \"{dimension}\", which is not one of the options' dimensions ({string.Join(", ", set.Names)})."));
            }
        }
    }

    // The zone ImprovementEffect reads the pair's dates in: that of the calendar of its first agreement, else UTC.
    private static DateTimeZone ZoneOf(Organization organization, Relationship pair)
    {
        var between = ImprovementGuard.AgreementsBetween(organization, pair);
        return between.IsEmpty ? DateTimeZone.Utc : organization.GetCalendar(between[0].Calendar).Zone;
    }

    private static Instant Start(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant();

    private static void Add<T>(Dictionary<Relationship, List<T>> lists, Relationship key, T item)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(item);
    }
}
