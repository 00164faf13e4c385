using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// The plan and the counts of one action's measurement (<see cref="ImprovementEffect"/>): its windows, controls and the
/// agreements whose requests count, and, filled event by event, the 0/1 outcomes (satisfied, on time) and the score
/// histograms of the treated pair and of the controls before and after. Counts only — a function of the multiset of
/// events, whatever their order or partitioning — so <see cref="ImprovementEffect.Measure(Organization, ImprovementAction, ReadOnlySpan{ServiceRequest}, ReadOnlySpan{FeedbackResponse}, EffectOptions)"/>
/// and a scorecard accumulated from partial states compute the effect by one code path (<see cref="Compute"/>).
/// Mutable; never escapes the library.
/// </summary>
internal sealed class EffectTally
{
    private readonly HashSet<Relationship> _controlSet;
    private readonly Dictionary<AgreementId, bool> _agreementGroup;

    private EffectTally(
        ImprovementAction action,
        ImmutableArray<ImprovementAction> others,
        DateTimeZone zone,
        Interval before,
        Interval after,
        EffectCaveats caveats,
        ImmutableArray<Relationship> controls,
        Dictionary<AgreementId, bool> agreementGroup,
        EffectOptions options)
    {
        Action = action;
        Others = others;
        Zone = zone;
        Before = before;
        After = after;
        PlanCaveats = caveats;
        Controls = controls;
        _controlSet = [.. controls];
        _agreementGroup = agreementGroup;
        Options = options;
    }

    internal ImprovementAction Action { get; }

    internal ImmutableArray<ImprovementAction> Others { get; }

    internal DateTimeZone Zone { get; }

    internal Interval Before { get; }

    internal Interval After { get; }

    internal EffectCaveats PlanCaveats { get; }

    internal ImmutableArray<Relationship> Controls { get; }

    internal EffectOptions Options { get; }

    internal Outcomes TreatedCsat { get; } = new();

    internal Outcomes ControlCsat { get; } = new();

    internal Outcomes TreatedOnTime { get; } = new();

    internal Outcomes ControlOnTime { get; } = new();

    internal Scores TreatedScores { get; } = new();

    internal Scores ControlScores { get; } = new();

    /// <summary>The agreements whose requests count: the treated pair's (true) and the controls' (false).</summary>
    internal IReadOnlyDictionary<AgreementId, bool> AgreementGroups => _agreementGroup;

    /// <summary>Checks the options and the action against the organisation and lays out the windows and the controls,
    /// with the exceptions of <see cref="ImprovementEffect.Measure(Organization, ImprovementAction, ReadOnlySpan{ServiceRequest}, ReadOnlySpan{FeedbackResponse}, EffectOptions)"/>.</summary>
    internal static EffectTally Plan(Organization organization, ImprovementAction action, ImmutableArray<ImprovementAction> others, EffectOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var relationship = action.Relationship;
        ImprovementEffect.Require(organization, relationship, $"Action '{action.Id}'", nameof(action));
        var between = ImprovementGuard.AgreementsBetween(organization, relationship);
        var zone = between.IsEmpty ? DateTimeZone.Utc : organization.Calendars[between[0].Calendar].Zone;
        var (before, after, caveats) = ImprovementEffect.WindowsOf(action, between, zone, options);
        var controls = ImprovementEffect.ControlsOf(organization, relationship, options);
        var agreementGroup = new Dictionary<AgreementId, bool>();
        foreach (var agreement in between)
        {
            agreementGroup[agreement.Id] = true;
        }

        foreach (var pair in controls)
        {
            foreach (var agreement in ImprovementGuard.AgreementsBetween(organization, pair))
            {
                agreementGroup[agreement.Id] = false;
            }
        }

        return new EffectTally(action, others, zone, before, after, caveats, controls, agreementGroup, options);
    }

    /// <summary>Whether a response counts (given in a window, about the treated pair or a control), and for which.</summary>
    internal bool Classify(FeedbackResponse response, out bool isTreated, out bool isBefore)
    {
        isBefore = Before.Contains(response.Instant);
        isTreated = false;
        if (!isBefore && !After.Contains(response.Instant))
        {
            return false;
        }

        var pair = new Relationship(response.Subject, response.Respondent);
        isTreated = pair == Action.Relationship;
        return isTreated || _controlSet.Contains(pair);
    }

    /// <summary>Whether a request counts (of the pair's or a control's agreements, opened in a window), and for which.</summary>
    internal bool Classify(ServiceRequest request, out bool isTreated, out bool isBefore)
    {
        isBefore = false;
        if (!_agreementGroup.TryGetValue(request.Agreement, out isTreated))
        {
            return false;
        }

        isBefore = Before.Contains(request.Opened);
        return isBefore || After.Contains(request.Opened);
    }

    /// <summary>Counts a classified response. The treated pair's responses share one scale (the caller checks).</summary>
    internal void AddResponse(bool isTreated, bool isBefore, bool satisfied, RatingScale scale, int score)
    {
        (isTreated ? TreatedCsat : ControlCsat).Add(isBefore, satisfied);
        (isTreated ? TreatedScores : ControlScores).Add(isBefore, scale, score);
    }

    /// <summary>Counts a classified request whose time objectives are decided.</summary>
    internal void AddOnTime(bool isTreated, bool isBefore, bool onTime) => (isTreated ? TreatedOnTime : ControlOnTime).Add(isBefore, onTime);

    /// <summary>Adds the counts of another tally of the same plan.</summary>
    internal void Merge(EffectTally other)
    {
        TreatedCsat.Add(other.TreatedCsat);
        ControlCsat.Add(other.ControlCsat);
        TreatedOnTime.Add(other.TreatedOnTime);
        ControlOnTime.Add(other.ControlOnTime);
        TreatedScores.Add(other.TreatedScores);
        ControlScores.Add(other.ControlScores);
    }

    /// <summary>The measured effect of the counts so far.</summary>
    internal ActionEffect Compute() => ImprovementEffect.FromCounts(this);

    /// <summary>Counts of a 0/1 outcome before and after.</summary>
    internal sealed class Outcomes
    {
        internal long BeforeSuccesses { get; set; }

        internal long BeforeTrials { get; set; }

        internal long AfterSuccesses { get; set; }

        internal long AfterTrials { get; set; }

        internal void Add(bool isBefore, bool success)
        {
            var one = success ? 1 : 0;
            if (isBefore)
            {
                BeforeTrials++;
                BeforeSuccesses += one;
            }
            else
            {
                AfterTrials++;
                AfterSuccesses += one;
            }
        }

        internal void Add(Outcomes other)
        {
            BeforeSuccesses += other.BeforeSuccesses;
            BeforeTrials += other.BeforeTrials;
            AfterSuccesses += other.AfterSuccesses;
            AfterTrials += other.AfterTrials;
        }

        /// <summary>The outcomes of a window in ascending order: the failures (0) then the successes (1).</summary>
        internal double[] Sorted(bool before)
        {
            var (successes, trials) = before ? (BeforeSuccesses, BeforeTrials) : (AfterSuccesses, AfterTrials);
            var values = new double[trials];
            values.AsSpan((int)(trials - successes)).Fill(1.0);
            return values;
        }
    }

    /// <summary>Histograms of integer scores before and after, on the scale of the first score; a score on another
    /// scale marks the scales as disagreeing (the scores then compare with nothing and are no longer kept).</summary>
    internal sealed class Scores
    {
        internal RatingScale? Scale { get; private set; }

        internal bool ScalesAgree { get; private set; } = true;

        internal long[]? BeforeCounts { get; private set; }

        internal long[]? AfterCounts { get; private set; }

        internal void Add(bool isBefore, RatingScale scale, int score)
        {
            if (!Start(scale))
            {
                return;
            }

            (isBefore ? BeforeCounts! : AfterCounts!)[score - scale.Min]++;
        }

        /// <summary>Adds whole histograms on a scale (of a state, or of another tally).</summary>
        internal void Add(RatingScale scale, ReadOnlySpan<long> before, ReadOnlySpan<long> after)
        {
            if (!Start(scale))
            {
                return;
            }

            for (var i = 0; i < before.Length; i++)
            {
                BeforeCounts![i] += before[i];
                AfterCounts![i] += after[i];
            }
        }

        internal void Add(Scores other)
        {
            if (!other.ScalesAgree)
            {
                ScalesAgree = false;
                Scale ??= other.Scale;
                return;
            }

            if (other.Scale is { } scale)
            {
                Add(scale, other.BeforeCounts!, other.AfterCounts!);
            }
        }

        /// <summary>The scores of a window in ascending order, as doubles.</summary>
        internal double[] Sorted(bool before)
        {
            var counts = before ? BeforeCounts : AfterCounts;
            if (counts is null || Scale is null)
            {
                return [];
            }

            long total = 0;
            foreach (var c in counts)
            {
                total += c;
            }

            var values = new double[total];
            var at = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                values.AsSpan(at, (int)counts[i]).Fill(Scale.Min + i);
                at += (int)counts[i];
            }

            return values;
        }

        private bool Start(RatingScale scale)
        {
            if (!ScalesAgree)
            {
                return false;
            }

            if (Scale is null)
            {
                Scale = scale;
                BeforeCounts = new long[scale.Points];
                AfterCounts = new long[scale.Points];
                return true;
            }

            if (!Scale.Equals(scale))
            {
                ScalesAgree = false;
                BeforeCounts = AfterCounts = null;
                return false;
            }

            return true;
        }
    }
}
