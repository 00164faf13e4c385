using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Accumulates the requests and responses of one organisation's scorecard event by event, so that a scorecard can be
/// kept up to date as events arrive, or computed in parts (per relationship, per machine) and merged:
/// <see cref="ToScorecard"/> equals <see cref="Scorecard.Compute"/> over the same events, bit for bit, however the events
/// were ordered, partitioned and merged.
/// </summary>
/// <remarks>
/// <para><b>What it holds.</b> Everything the scorecard derives from events: per agreement the SLA tallies (all sets and
/// per objective set), per relationship the feedback summary, the exact trend tally (<see cref="TrendTally"/>) and the
/// latest response, the set-aside counts, the latest campaign's response counts, the window data of every measured
/// improvement action, and the earliest event instant (for the as-of check). All of it is integer counts and sums, so the
/// accumulation is order-free; the department trends are the sums of their relationships' tallies. The rest of the
/// scorecard (graph, reviews, findings) is a function of the organisation and the options.</para>
/// <para><b>Partitioning.</b> A request belongs to its agreement's (provider, consumer), a response to its (subject,
/// respondent): accumulators fed with the events of disjoint sets of relationships — or any other partition of the
/// events — merge into the accumulator of all of them.</para>
/// <para><b>Cost.</b> <see cref="Add(ServiceRequest)"/> evaluates the request with its agreement's timer (O(1) amortised
/// in the number of events); <see cref="Add(FeedbackResponse)"/> is O(1) amortised. <see cref="ToScorecard"/> costs what
/// the joining part of <see cref="Scorecard.Compute"/> costs.</para>
/// <para>Instances are mutable and not thread-safe: use one per partition and merge. <see cref="ToState"/> takes an
/// immutable snapshot for transport, <see cref="FromState"/> rebuilds an accumulator from one.</para>
/// </remarks>
public sealed class ScorecardAccumulator
{
    private readonly FrozenDictionary<string, int> _agreementIndex;
    private readonly SlaTimer?[] _timers;
    private readonly SlaTally[] _first;
    private readonly SlaTally[] _resolution;
    private readonly (SlaTally[] FirstResponse, SlaTally[] Resolution)?[] _bySet;
    private readonly int[] _providerOf;
    private readonly Dictionary<long, Cell> _cells = [];
    private readonly List<(RatingScale Scale, Dictionary<long, long> ByRelationship)> _setAside = [];
    private readonly FeedbackCampaign? _campaign;
    private readonly Dictionary<long, (long Responses, long Satisfied)> _campaignCounts = [];
    private readonly Scorecard.ImprovementData _actionLists;
    private readonly EffectTally[] _effects;
    private readonly List<int>?[] _effectsByProvider;
    private readonly int _departments;
    private Instant? _begins;

    /// <summary>Creates an empty accumulator for a scorecard of an organisation with options.</summary>
    /// <param name="organization">The organisation, with its agreements and calendars.</param>
    /// <param name="options">The settings; the same as <see cref="Scorecard.Compute"/> takes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The options' last reviews or improvement record name agreements, departments or
    /// relationships the organisation lacks (as <see cref="Scorecard.Compute"/> would reject them).</exception>
    public ScorecardAccumulator(Organization organization, ScorecardOptions options)
        : this(organization, options, inputsChecked: false)
    {
    }

    internal ScorecardAccumulator(Organization organization, ScorecardOptions options, bool inputsChecked)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        if (!inputsChecked)
        {
            options.Validate();
            CheckOptions(organization, options);
        }

        Organization = organization;
        Options = options;
        _agreementIndex = organization.AgreementIndex;
        var agreements = organization.Agreements;
        _departments = organization.Departments.Length;
        _timers = new SlaTimer?[agreements.Length];
        _first = new SlaTally[agreements.Length];
        _resolution = new SlaTally[agreements.Length];
        _bySet = new (SlaTally[], SlaTally[])?[agreements.Length];
        _providerOf = new int[agreements.Length];
        for (var a = 0; a < agreements.Length; a++)
        {
            _providerOf[a] = organization.IndexOf(agreements[a].Provider);
            if (Scorecard.HasClasses(agreements[a]))
            {
                _bySet[a] = (new SlaTally[agreements[a].ObjectiveSets.Length], new SlaTally[agreements[a].ObjectiveSets.Length]);
            }
        }

        _campaign = options.Improvement?.LatestCampaign(options.AsOf);
        var (lists, measured) = Scorecard.PlanImprovements(organization, options);
        _actionLists = lists;
        _effects = new EffectTally[measured.Count];
        _effectsByProvider = new List<int>?[_departments];
        for (var k = 0; k < measured.Count; k++)
        {
            _effects[k] = Scorecard.PlanEffect(organization, options.Improvement!, measured[k], options);
            (_effectsByProvider[organization.IndexOf(measured[k].Relationship.Provider)] ??= []).Add(k);
        }
    }

    /// <summary>Gets the organisation.</summary>
    public Organization Organization { get; }

    /// <summary>Gets the options.</summary>
    public ScorecardOptions Options { get; }

    /// <summary>Gets the number of responses scored so far: on the overall scale and given by the as-of instant.</summary>
    public long ScoredResponseCount { get; private set; }

    /// <summary>Rebuilds an accumulator from a state, checking the state against the organisation and the options.</summary>
    /// <param name="organization">The organisation the state was accumulated for.</param>
    /// <param name="options">The options the state was accumulated under.</param>
    /// <param name="state">The state.</param>
    /// <returns>An accumulator whose <see cref="ToState"/> equals <paramref name="state"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The state's basis differs from the options (the message names the setting);
    /// the state names an agreement, a department or a measured action the organisation and options lack, or a relationship
    /// of a department with itself; or its tallies per objective set do not match the agreement's sets, or its campaign is
    /// not the options' latest campaign.</exception>
    public static ScorecardAccumulator FromState(Organization organization, ScorecardOptions options, ScorecardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new ScorecardAccumulator(organization, options);
        accumulator.Load(state);
        return accumulator;
    }

    /// <summary>Adds a service request: counted into its agreement's tallies (evaluated at the as-of instant, in the compliance
    /// window) and into the windows of the measured actions it concerns. A request opened after the as-of instant only moves
    /// the instant the data begins.</summary>
    /// <param name="request">The request; it must name an agreement of the organisation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request names an unknown agreement, a priority the organisation does not
    /// declare or a service its agreement does not cover, or has a status log its agreement's clocks cannot read (the
    /// problems <see cref="Scorecard.Compute"/> throws for, parameter <c>request</c>). Nothing is counted then.</exception>
    public void Add(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_agreementIndex.TryGetValue(request.Agreement.Value, out var a))
        {
            Scorecard.Report(null, new(ProblemKind.UnknownReference, Scorecard.At(nameof(request)).Property("agreement"), $"Request '{request.Id}' names agreement '{request.Agreement}', which is not an agreement of this organization."));
        }

        Scorecard.CheckClass(Organization, a, request, index: -1, problems: null, _timers);
        AddChecked(request, a);
    }

    /// <summary>Adds a feedback response: counted into its relationship's summary, trend and latest instant, the latest
    /// campaign's counts and the windows of the measured actions it concerns; or, on another scale under
    /// <see cref="OtherScaleRule.SetAside"/>, counted as set aside. A response after the as-of instant only moves the
    /// instant the data begins.</summary>
    /// <param name="response">The response; its subject and respondent must be departments of the organisation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The response names a department the organisation lacks, rates on another scale
    /// under <see cref="OtherScaleRule.Reject"/>, or rates another dimension set than the options' (parameter
    /// <c>response</c>). Nothing is counted then.</exception>
    public void Add(FeedbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!Organization.TryGetIndex(response.Subject, out var subject))
        {
            Scorecard.Report(null, new(ProblemKind.UnknownReference, Scorecard.At(nameof(response)).Property("subject"), $"Response names department '{response.Subject}', which is not a department of this organization."));
        }

        if (!Organization.TryGetIndex(response.Respondent, out var respondent))
        {
            Scorecard.Report(null, new(ProblemKind.UnknownReference, Scorecard.At(nameof(response)).Property("respondent"), $"Response names department '{response.Respondent}', which is not a department of this organization."));
        }

        if (Options.OtherScales == OtherScaleRule.Reject && !response.OverallScale.Equals(Options.OverallScale))
        {
            Scorecard.Report(null, new(ProblemKind.InvalidValue, Scorecard.At(nameof(response)).Property("overallScale"), $"Response rates on the scale {response.OverallScale}; expected the options' overall scale {Options.OverallScale}."));
        }

        AddChecked(response, subject, respondent, nameof(response));
    }

    /// <summary>Merges another accumulator of the same organisation and options into this one: every count and sum added.</summary>
    /// <param name="other">The other accumulator; it is not changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this accumulator, is of another organisation (the
    /// message names the first list of the organisation that differs and its entry), or has other options (the message
    /// names the first setting that differs).</exception>
    public void Merge(ScorecardAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("Expected another accumulator; got this one, whose events would count twice.", nameof(other));
        }

        if (!ReferenceEquals(other.Organization, Organization) && !other.Organization.Equals(Organization))
        {
            throw new ArgumentException(Parts.Text($"Expected an accumulator of the same organisation ({Organization}); got one of {other.Organization}, whose {OrganizationDifference(Organization, other.Organization)}."), nameof(other));
        }

        if (OptionsDifference(Options, other.Options) is { } difference)
        {
            throw new ArgumentException($"Expected an accumulator with equal options; got one whose {difference} differs.", nameof(other));
        }

        MergeBegins(other._begins);
        ScoredResponseCount += other.ScoredResponseCount;
        for (var a = 0; a < _first.Length; a++)
        {
            _first[a] = _first[a].Merge(other._first[a]);
            _resolution[a] = _resolution[a].Merge(other._resolution[a]);
            if (_bySet[a] is { } sets)
            {
                var theirs = other._bySet[a]!.Value;
                for (var k = 0; k < sets.FirstResponse.Length; k++)
                {
                    sets.FirstResponse[k] = sets.FirstResponse[k].Merge(theirs.FirstResponse[k]);
                    sets.Resolution[k] = sets.Resolution[k].Merge(theirs.Resolution[k]);
                }
            }
        }

        foreach (var (key, cell) in other._cells)
        {
            GetCell(key).Add(cell);
        }

        foreach (var (scale, byRelationship) in other._setAside)
        {
            var mine = SetAsideOf(scale);
            foreach (var (key, count) in byRelationship)
            {
                mine[key] = mine.GetValueOrDefault(key) + count;
            }
        }

        foreach (var (key, (responses, satisfied)) in other._campaignCounts)
        {
            var (r, s) = _campaignCounts.GetValueOrDefault(key);
            _campaignCounts[key] = (r + responses, s + satisfied);
        }

        for (var k = 0; k < _effects.Length; k++)
        {
            _effects[k].Merge(other._effects[k]);
        }
    }

    /// <summary>Takes an immutable snapshot of every count and sum, in canonical order (see <see cref="ScorecardState"/>).</summary>
    /// <returns>The state.</returns>
    public ScorecardState ToState()
    {
        var agreements = new List<AgreementTallyState>();
        for (var a = 0; a < _first.Length; a++)
        {
            var sets = _bySet[a];
            if (_first[a] == default && _resolution[a] == default && (sets is null || (sets.Value.FirstResponse.All(static t => t == default) && sets.Value.Resolution.All(static t => t == default))))
            {
                continue;
            }

            agreements.Add(new AgreementTallyState(
                Organization.Agreements[a].Id,
                _first[a],
                _resolution[a],
                sets is { } s1 ? [.. s1.FirstResponse] : [],
                sets is { } s2 ? [.. s2.Resolution] : []));
        }

        var relationships = _cells.Select(kv => new RelationshipFeedbackState(RelationshipOf(kv.Key), kv.Value.ToSummary(Options), kv.Value.Trend, kv.Value.Last));
        var setAside = _setAside.SelectMany(s => s.ByRelationship.Select(kv => new SetAsideCount(s.Scale, RelationshipOf(kv.Key), kv.Value)));
        var campaign = _campaign is { } c
            ? new CampaignCountsState(c.Id, c.Window, _campaignCounts.Select(kv => new CampaignResponseCount(RelationshipOf(kv.Key), kv.Value.Responses, kv.Value.Satisfied)))
            : null;
        var actions = _effects.Select(e => new ActionWindowState(
            e.Action.Id,
            Ratings(e.TreatedScores, before: true),
            Ratings(e.TreatedScores, before: false),
            Ratings(e.ControlScores, before: true),
            Ratings(e.ControlScores, before: false),
            new(e.TreatedOnTime.BeforeSuccesses, e.TreatedOnTime.BeforeTrials),
            new(e.TreatedOnTime.AfterSuccesses, e.TreatedOnTime.AfterTrials),
            new(e.ControlOnTime.BeforeSuccesses, e.ControlOnTime.BeforeTrials),
            new(e.ControlOnTime.AfterSuccesses, e.ControlOnTime.AfterTrials)));
        return new ScorecardState(ScorecardBasis.Of(Options), _begins, agreements, relationships, setAside, campaign, actions);
    }

    /// <summary>Computes the scorecard of the events accumulated: equal, bit for bit, to <see cref="Scorecard.Compute"/>
    /// over the same events and options. The accumulator is not changed.</summary>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The as-of instant is before the data begins (the earliest event
    /// accumulated, or without any the earliest agreement's first day), as <see cref="Scorecard.Compute"/> throws.</exception>
    public OrganizationScorecard ToScorecard()
    {
        var begins = _begins;
        if (begins is null && !Organization.Agreements.IsEmpty)
        {
            begins = Scorecard.DataBegins(Organization, [], []);
        }

        if (begins is { } start && Options.AsOf < start)
        {
            Scorecard.Report(
                null,
                new(ProblemKind.InvalidValue, Scorecard.At("options").Property("asOf"), Parts.Text($"AsOf must not be before the organization's data begins ({start}); got {Options.AsOf}.")),
                Options.AsOf);
        }

        return Build();
    }

    // Compute's path: the inputs are checked, agreementOf[i] is the index of requests[i]'s agreement.
    internal void AddChecked(ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<int> agreementOf)
    {
        for (var i = 0; i < requests.Length; i++)
        {
            AddChecked(requests[i], agreementOf[i]);
        }
    }

    // Compute's path: subjectOf[i] and respondentOf[i] are the department indices of responses[i].
    internal void AddChecked(ReadOnlySpan<FeedbackResponse> responses, ReadOnlySpan<int> subjectOf, ReadOnlySpan<int> respondentOf)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            AddChecked(responses[i], subjectOf[i], respondentOf[i], "responses");
        }
    }

    // The scorecard of what is accumulated, without the as-of check (Compute has made it over the inputs).
    internal OrganizationScorecard Build()
    {
        var agreements = Organization.Agreements;
        var tallies = new Dictionary<AgreementId, (SlaTally, SlaTally)>(agreements.Length);
        var perSet = new Dictionary<AgreementId, (SlaTally[], SlaTally[])>();
        for (var a = 0; a < agreements.Length; a++)
        {
            tallies[agreements[a].Id] = (_first[a], _resolution[a]);
            if (_bySet[a] is { } sets)
            {
                perSet[agreements[a].Id] = ([.. sets.FirstResponse], [.. sets.Resolution]);
            }
        }

        var sla = new Scorecard.SlaData(tallies.ToFrozenDictionary(), perSet.ToFrozenDictionary());

        var cells = ImmutableSortedDictionary.CreateBuilder<Relationship, FeedbackSummary>();
        var timelines = new Dictionary<Relationship, Scorecard.RelationshipTimeline>(_cells.Count);
        var bySubject = new TrendTally[_departments];
        foreach (var (key, cell) in _cells)
        {
            var relationship = RelationshipOf(key);
            cells.Add(relationship, cell.ToSummary(Options));
            timelines[relationship] = new Scorecard.RelationshipTimeline(cell.Last, cell.Trend.ToSummary());
            var subject = (int)(key / _departments);
            bySubject[subject] = bySubject[subject].Merge(cell.Trend);
        }

        var trends = new TrendSummary[_departments];
        for (var d = 0; d < _departments; d++)
        {
            trends[d] = bySubject[d].ToSummary();
        }

        var feedback = new Scorecard.FeedbackData(cells.ToImmutable(), timelines, trends);
        var improvements = _actionLists;
        if (_effects.Length > 0)
        {
            var byPair = new Dictionary<Relationship, List<ActionEffect>>();
            foreach (var tally in _effects)
            {
                var pair = tally.Action.Relationship;
                if (!byPair.TryGetValue(pair, out var list))
                {
                    byPair[pair] = list = [];
                }

                list.Add(tally.Compute());
            }

            improvements = _actionLists with { Effects = byPair.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()) };
        }

        var campaign = _campaign is { } c
            ? CampaignSummary.FromCounts(c, _campaignCounts.Select(kv => KeyValuePair.Create(RelationshipOf(kv.Key), kv.Value)), Options.CsatTopBoxes)
            : null;

        // Set aside per scale, most responses first; ties by the scale's minimum, then maximum (an order of the counts
        // alone, so that it does not depend on the order the responses came in).
        var setAside = _setAside
            .Select(s => (s.Scale, Count: s.ByRelationship.Values.Sum(), s.ByRelationship))
            .OrderByDescending(static s => s.Count)
            .ThenBy(static s => s.Scale.Min)
            .ThenBy(static s => s.Scale.Max)
            .Select(s => new SetAsideResponses(s.Scale, s.ByRelationship.ToImmutableSortedDictionary(kv => RelationshipOf(kv.Key), kv => kv.Value)))
            .ToImmutableArray();
        return Scorecard.Assemble(Organization, Options, sla, feedback, improvements, campaign, ScoredResponseCount, setAside);
    }

    // The settings of two options that differ, first of them by name, or null when they are equal.
    internal static string? OptionsDifference(ScorecardOptions a, ScorecardOptions b)
    {
        if (ReferenceEquals(a, b))
        {
            return null;
        }

        if (ScorecardBasis.Of(a).FirstDifference(ScorecardBasis.Of(b)) is { } basis)
        {
            return basis;
        }

        return a.ConfidenceLevel != b.ConfidenceLevel ? Parts.Text($"ConfidenceLevel ({a.ConfidenceLevel} vs {b.ConfidenceLevel})")
            : a.SatisfactionTarget != b.SatisfactionTarget ? Parts.Text($"SatisfactionTarget ({a.SatisfactionTarget} vs {b.SatisfactionTarget})")
            : a.MinimumResponses != b.MinimumResponses ? Parts.Text($"MinimumResponses ({a.MinimumResponses} vs {b.MinimumResponses})")
            : a.HeavyDependence != b.HeavyDependence ? Parts.Text($"HeavyDependence ({a.HeavyDependence} vs {b.HeavyDependence})")
            : a.TrendSignificance != b.TrendSignificance ? Parts.Text($"TrendSignificance ({a.TrendSignificance} vs {b.TrendSignificance})")
            : a.MinimumShortfall != b.MinimumShortfall ? Parts.Text($"MinimumShortfall ({a.MinimumShortfall} vs {b.MinimumShortfall})")
            : a.MinimumInheritedFraction != b.MinimumInheritedFraction ? Parts.Text($"MinimumInheritedFraction ({a.MinimumInheritedFraction} vs {b.MinimumInheritedFraction})")
            : !a.GapWeights.Equals(b.GapWeights) ? Parts.Text($"GapWeights ({a.GapWeights} vs {b.GapWeights})")
            : a.Damping != b.Damping ? Parts.Text($"Damping ({a.Damping} vs {b.Damping})")
            : !SameReviews(a.LastReviews, b.LastReviews) ? "LastReviews"
            : !Equals(a.Improvement, b.Improvement) ? "Improvement"
            : a.WorstRelationships != b.WorstRelationships ? Parts.Text($"WorstRelationships ({a.WorstRelationships} vs {b.WorstRelationships})")
            : a.BetweennessSampleSize != b.BetweennessSampleSize ? Parts.Text($"BetweennessSampleSize ({Show(a.BetweennessSampleSize)} vs {Show(b.BetweennessSampleSize)})")
            : null;

        static string Show(int? size) => size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

        static bool SameReviews(IReadOnlyDictionary<AgreementId, LocalDate>? x, IReadOnlyDictionary<AgreementId, LocalDate>? y) =>
            ReferenceEquals(x, y)
            || ((x?.Count ?? 0) == (y?.Count ?? 0) && (x ?? new Dictionary<AgreementId, LocalDate>()).All(kv => y!.TryGetValue(kv.Key, out var d) && d == kv.Value));
    }

    // Where two unequal organisations first differ, in the order Organization.Equals compares them, naming the entry
    // (by position when the two entries have different ids, by id when the entry of that id is defined otherwise).
    private static string OrganizationDifference(Organization mine, Organization theirs) =>
        FirstDifference("priorities", mine.Priorities, theirs.Priorities, static p => p.ToString())
        ?? FirstDifference("departments", mine.Departments, theirs.Departments, static d => d.Id.ToString())
        ?? FirstDifference("services", mine.Services, theirs.Services, static s => s.Id.ToString())
        ?? FirstDifference("dependencies", mine.Dependencies, theirs.Dependencies, static d => Parts.Text($"{d.Provider} → {d.Consumer}"))
        ?? FirstDifference("calendars", [.. mine.Calendars], [.. theirs.Calendars], static c => c.Key.ToString())
        ?? FirstDifference("agreements", mine.Agreements, theirs.Agreements, static a => a.Id.ToString())
        ?? "definition differs";

    private static string? FirstDifference<T>(string what, ImmutableArray<T> mine, ImmutableArray<T> theirs, Func<T, string> name)
    {
        for (var i = 0; i < Math.Max(mine.Length, theirs.Length); i++)
        {
            if (i < mine.Length && i < theirs.Length && EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
            {
                continue;
            }

            var here = i < mine.Length ? Parts.Text($"'{name(mine[i])}'") : "none";
            var there = i < theirs.Length ? Parts.Text($"'{name(theirs[i])}'") : "none";
            return here == there
                ? Parts.Text($"{what} differ first at {here}, defined otherwise")
                : Parts.Text($"{what} differ first at position {i}: {here} in this organisation, {there} in the other");
        }

        return null;
    }

    // The checks of the options against the organisation that Compute makes after the inputs: last reviews, the record.
    private static void CheckOptions(Organization organization, ScorecardOptions options)
    {
        var agreements = organization.AgreementIndex;
        foreach (var id in options.LastReviews?.Keys ?? [])
        {
            if (!agreements.ContainsKey(id.Value))
            {
                Scorecard.Report(null, new(ProblemKind.UnknownReference, Scorecard.At("options").Property("lastReviews").Property(id.Value), $"LastReviews names agreement '{id}', which is not an agreement of this organization."));
            }
        }

        if (options.Improvement is { } record)
        {
            Scorecard.CheckImprovement(organization, record, options.Dimensions, null);
        }
    }

    private RatingSummary Ratings(EffectTally.Scores scores, bool before) =>
        scores.Scale is { } scale ? RatingSummary.FromHistogram(scale, before ? scores.BeforeCounts! : scores.AfterCounts!) : RatingSummary.Empty(Options.OverallScale);

    private void AddChecked(ServiceRequest request, int a)
    {
        var opened = request.Opened;
        MergeBegins(opened);
        var asOf = Options.AsOf;
        if (opened > asOf)
        {
            return;
        }

        var agreement = Organization.Agreements[a];
        var window = Options.ComplianceWindow;
        if (_bySet[a] is { } sets)
        {
            var timer = _timers[a] ??= Organization.TimerFor(agreement.Id);
            Scorecard.CountBySet(timer, request, ObjectiveKind.FirstResponse, asOf, window, ref _first[a], sets.FirstResponse);
            Scorecard.CountBySet(timer, request, ObjectiveKind.Resolution, asOf, window, ref _resolution[a], sets.Resolution);
        }
        else
        {
            if (agreement.Measures(ObjectiveKind.FirstResponse))
            {
                _first[a] = (_timers[a] ??= Organization.TimerFor(agreement.Id)).Count(_first[a], request, ObjectiveKind.FirstResponse, asOf, window);
            }

            if (agreement.Measures(ObjectiveKind.Resolution))
            {
                _resolution[a] = (_timers[a] ??= Organization.TimerFor(agreement.Id)).Count(_resolution[a], request, ObjectiveKind.Resolution, asOf, window);
            }
        }

        if (_effectsByProvider[_providerOf[a]] is { } measured)
        {
            foreach (var k in measured)
            {
                var tally = _effects[k];
                if (tally.Classify(request, out var isTreated, out var isBefore)
                    && ImprovementEffect.OnTime(_timers[a] ??= Organization.TimerFor(agreement.Id), request, asOf) is { } onTime)
                {
                    tally.AddOnTime(isTreated, isBefore, onTime);
                }
            }
        }
    }

    private void AddChecked(FeedbackResponse response, int subject, int respondent, string parameterName)
    {
        var scale = Options.OverallScale;
        var onScale = response.OverallScale.Equals(scale);
        if (onScale && Options.Dimensions is { } dimensions && response.Dimensions is { } rated && !ReferenceEquals(rated, dimensions) && !rated.Equals(dimensions))
        {
            throw new ArgumentException(
                $"Expected responses rating the dimensions [{string.Join(", ", dimensions.Names)}]; got a response rating [{string.Join(", ", rated.Names)}].",
                parameterName);
        }

        var instant = response.Instant;
        MergeBegins(instant);
        if (instant > Options.AsOf)
        {
            return;
        }

        var key = ((long)subject * _departments) + respondent;
        if (!onScale)
        {
            var counts = SetAsideOf(response.OverallScale);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            return;
        }

        ScoredResponseCount++;
        GetCell(key).Add(response, Options.Dimensions, parameterName);
        var satisfied = response.Overall > scale.Max - Options.CsatTopBoxes;
        if (_campaign is { } campaign && campaign.Window.Contains(instant))
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(_campaignCounts, key, out _);
            c = (c.Responses + 1, c.Satisfied + (satisfied ? 1 : 0));
        }

        if (_effectsByProvider[subject] is { } measured)
        {
            foreach (var k in measured)
            {
                var tally = _effects[k];
                if (tally.Classify(response, out var isTreated, out var isBefore))
                {
                    tally.AddResponse(isTreated, isBefore, satisfied, scale, response.Overall);
                }
            }
        }
    }

    private void Load(ScorecardState state)
    {
        if (ScorecardBasis.Of(Options).FirstDifference(state.Basis) is { } difference)
        {
            throw new ArgumentException($"Expected a state accumulated under the options' settings; got one whose {difference} differs (the options' value first, the state's second).", nameof(state));
        }

        const string Parameter = "state";
        _begins = state.DataBegins;
        foreach (var part in state.Agreements)
        {
            if (!_agreementIndex.TryGetValue(part.Agreement.Value, out var a))
            {
                throw new ArgumentException($"Expected tallies of agreements of this organization; got tallies of agreement '{part.Agreement}', which it lacks.", Parameter);
            }

            var sets = Organization.Agreements[a].ObjectiveSets.Length;
            var expected = _bySet[a] is null ? 0 : sets;
            if (part.FirstResponseBySet.Length != expected)
            {
                throw new ArgumentException(Parts.Text($"Expected {expected} tallies per objective set for agreement '{part.Agreement}'; got {part.FirstResponseBySet.Length}."), Parameter);
            }

            _first[a] = part.FirstResponse;
            _resolution[a] = part.Resolution;
            if (_bySet[a] is { } mine)
            {
                part.FirstResponseBySet.CopyTo(mine.FirstResponse);
                part.ResolutionBySet.CopyTo(mine.Resolution);
            }
        }

        foreach (var part in state.Relationships)
        {
            var key = KeyOf(part.Relationship, "relationship feedback");
            var cell = GetCell(key);
            cell.Add(part.Feedback, Options.Dimensions);
            cell.Trend = part.Trend;
            cell.Last = part.LastResponse;
            ScoredResponseCount += part.Feedback.Count;
        }

        foreach (var part in state.SetAside)
        {
            SetAsideOf(part.Scale)[KeyOf(part.Relationship, "set-aside count")] = part.Count;
        }

        if ((state.Campaign is null) != (_campaign is null) || (state.Campaign is { } given && (given.Campaign != _campaign!.Id || given.Window != _campaign.Window)))
        {
            throw new ArgumentException(
                Parts.Text($"Expected the counts of the options' latest campaign ({_campaign?.Id.ToString() ?? "none"}); got {(state.Campaign is { } g ? Parts.Text($"counts of campaign '{g.Campaign}' over {g.Window}") : "none")}."),
                Parameter);
        }

        foreach (var part in state.Campaign?.Relationships ?? [])
        {
            _campaignCounts[KeyOf(part.Relationship, "campaign count")] = (part.Responses, part.Satisfied);
        }

        var actions = state.Actions.ToDictionary(static a => a.Action);
        foreach (var tally in _effects)
        {
            if (!actions.Remove(tally.Action.Id, out var part))
            {
                throw new ArgumentException(Parts.Text($"Expected the window data of measured action '{tally.Action.Id}'; got a state without it."), Parameter);
            }

            if (!part.TreatedBefore.Scale.Equals(Options.OverallScale))
            {
                throw new ArgumentException(Parts.Text($"Expected the scores of action '{part.Action}' on the overall scale {Options.OverallScale}; got {part.TreatedBefore.Scale}."), Parameter);
            }

            LoadScores(tally.TreatedCsat, tally.TreatedScores, part.TreatedBefore, part.TreatedAfter);
            LoadScores(tally.ControlCsat, tally.ControlScores, part.ControlBefore, part.ControlAfter);
            LoadOutcomes(tally.TreatedOnTime, part.TreatedOnTimeBefore, part.TreatedOnTimeAfter);
            LoadOutcomes(tally.ControlOnTime, part.ControlOnTimeBefore, part.ControlOnTimeAfter);
        }

        if (actions.Count > 0)
        {
            throw new ArgumentException(
                Parts.Text($"Expected window data of the actions these options measure ({(_effects.Length == 0 ? "none" : string.Join(", ", _effects.Select(static e => e.Action.Id)))}); got data of action '{actions.Keys.Min()}' too."),
                Parameter);
        }
    }

    private void LoadScores(EffectTally.Outcomes csat, EffectTally.Scores scores, RatingSummary before, RatingSummary after)
    {
        var top = Options.OverallScale.Max - Options.CsatTopBoxes + 1;
        csat.BeforeTrials = before.Count;
        csat.BeforeSuccesses = before.CountAtOrAbove(top);
        csat.AfterTrials = after.Count;
        csat.AfterSuccesses = after.CountAtOrAbove(top);
        if (before.Count + after.Count > 0)
        {
            scores.Add(Options.OverallScale, before.Histogram, after.Histogram);
        }
    }

    private static void LoadOutcomes(EffectTally.Outcomes outcomes, OutcomeCounts before, OutcomeCounts after)
    {
        outcomes.BeforeSuccesses = before.Successes;
        outcomes.BeforeTrials = before.Trials;
        outcomes.AfterSuccesses = after.Successes;
        outcomes.AfterTrials = after.Trials;
    }

    private long KeyOf(Relationship relationship, string what, string parameterName = "state")
    {
        if (!Organization.TryGetIndex(relationship.Provider, out var provider) || !Organization.TryGetIndex(relationship.Consumer, out var consumer))
        {
            throw new ArgumentException(
                $"Expected a {what} of departments of this organization; got one of {relationship.Provider} ← {relationship.Consumer}, which names a department it lacks.",
                parameterName);
        }

        // No response or request is of a department with itself (FeedbackResponse refuses one), so no state part is.
        if (provider == consumer)
        {
            throw new ArgumentException(
                $"Expected a {what} of two different departments of this organization; got one of {relationship.Provider} ← {relationship.Consumer}.",
                parameterName);
        }

        return ((long)provider * _departments) + consumer;
    }

    private Relationship RelationshipOf(long key) =>
        new(Organization.Departments[(int)(key / _departments)].Id, Organization.Departments[(int)(key % _departments)].Id);

    private Cell GetCell(long key)
    {
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_cells, key, out _);
        return cell ??= new Cell(Options.OverallScale, Options.Dimensions);
    }

    private Dictionary<long, long> SetAsideOf(RatingScale scale)
    {
        foreach (var (s, counts) in _setAside)
        {
            if (s.Equals(scale))
            {
                return counts;
            }
        }

        var added = new Dictionary<long, long>();
        _setAside.Add((scale, added));
        return added;
    }

    private void MergeBegins(Instant? instant)
    {
        if (instant is { } i && (_begins is not { } b || i < b))
        {
            _begins = i;
        }
    }

    // One relationship's feedback: the histograms of overall, recommend and effort ratings, the SERVQUAL counts and sums,
    // the trend tally and the latest instant.
    private sealed class Cell
    {
        private const int RecommendPoints = 11;
        private const int EffortPoints = 7;
        private readonly int _points;
        private readonly int _min;
        private readonly long[] _counts;
        private readonly ServqualSummary.ServqualAccumulator? _servqual;

        internal Cell(RatingScale scale, DimensionSet? dimensions)
        {
            _points = scale.Points;
            _min = scale.Min;
            _counts = new long[_points + RecommendPoints + EffortPoints];
            _servqual = dimensions is null ? null : new ServqualSummary.ServqualAccumulator(dimensions);
        }

        internal TrendTally Trend { get; set; }

        internal Instant Last { get; set; } = Instant.MinValue;

        internal void Add(FeedbackResponse response, DimensionSet? dimensions, string parameterName)
        {
            _counts[response.Overall - _min]++;
            if (response.Recommend is { } r)
            {
                _counts[_points + r]++;
            }

            if (response.Effort is { } e)
            {
                _counts[_points + RecommendPoints + e - 1]++;
            }

            if (dimensions is not null)
            {
                _servqual!.Add(response, parameterName);
            }

            Trend = Trend.AddTicks(response.Instant.ToUnixTimeTicks(), response.Overall);
            if (response.Instant > Last)
            {
                Last = response.Instant;
            }
        }

        internal void Add(Cell other)
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                _counts[i] += other._counts[i];
            }

            _servqual?.Add(other._servqual!);
            Trend = Trend.Merge(other.Trend);
            if (other.Last > Last)
            {
                Last = other.Last;
            }
        }

        internal void Add(FeedbackSummary summary, DimensionSet? dimensions)
        {
            var overall = summary.Overall.Histogram;
            for (var i = 0; i < _points; i++)
            {
                _counts[i] += overall[i];
            }

            var recommend = summary.Recommend.Histogram;
            for (var i = 0; i < RecommendPoints; i++)
            {
                _counts[_points + i] += recommend[i];
            }

            var effort = summary.Effort.Histogram;
            for (var i = 0; i < EffortPoints; i++)
            {
                _counts[_points + RecommendPoints + i] += effort[i];
            }

            if (dimensions is not null)
            {
                _servqual!.Add(summary.Servqual!);
            }
        }

        internal FeedbackSummary ToSummary(ScorecardOptions options) =>
            FeedbackSummary.FromParts(
                RatingSummary.FromOwnedHistogram(options.OverallScale, _counts[.._points]),
                RatingSummary.FromOwnedHistogram(RatingScale.ZeroToTen, _counts[_points..(_points + RecommendPoints)]),
                RatingSummary.FromOwnedHistogram(RatingScale.SevenPoint, _counts[(_points + RecommendPoints)..]),
                _servqual?.ToSummary());
    }
}
