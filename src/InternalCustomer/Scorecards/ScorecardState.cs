using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// An immutable snapshot of a <see cref="ScorecardAccumulator"/>: every count and sum the scorecard accumulates from
/// requests and responses, and the <see cref="Basis"/> they were accumulated under — the form in which a partial
/// scorecard travels (written out, stored, sent to another process) and is rebuilt with
/// <see cref="ScorecardAccumulator.FromState"/>.
/// </summary>
/// <remarks>
/// <para>Every part is an integer count or sum (or an instant), so a state is a function of the multiset of events
/// accumulated, whatever their order or partitioning. The lists are kept in a canonical order (agreements by id,
/// relationships, set-aside counts by scale then relationship, actions by id): two accumulators of the same events
/// give equal states.</para>
/// <para>The constructor checks the state on its own (no duplicates, counts in range, parts on the basis's scale and
/// dimension set); <see cref="ScorecardAccumulator.FromState"/> checks it against an organisation and options.</para>
/// <para>Equality is by value: every part.</para>
/// </remarks>
public sealed class ScorecardState : IEquatable<ScorecardState>
{
    /// <summary>Creates a state from its parts (for example read back from a serialised form).</summary>
    /// <param name="basis">The settings the state was accumulated under.</param>
    /// <param name="dataBegins">The earliest request opening or response instant seen (whether counted or not), or
    /// <see langword="null"/> when no event was seen.</param>
    /// <param name="agreements">The SLA tallies of the agreements with any request counted, each agreement once.</param>
    /// <param name="relationships">The feedback of the relationships with any response counted, each relationship once.</param>
    /// <param name="setAside">The responses set aside per other scale and relationship, each pair once.</param>
    /// <param name="campaign">The latest campaign's response counts, or <see langword="null"/> when the options have no campaign begun by the as-of instant.</param>
    /// <param name="actions">The window data of the measured improvement actions, each action once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="basis"/>, a list or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A part is listed twice, a feedback summary is on another scale or dimension set
    /// than the basis, a set-aside count is on the overall scale, under <see cref="OtherScaleRule.Reject"/>, or below 1, or
    /// a response is later than the as-of instant or earlier than <paramref name="dataBegins"/>.</exception>
    public ScorecardState(
        ScorecardBasis basis,
        Instant? dataBegins,
        IEnumerable<AgreementTallyState> agreements,
        IEnumerable<RelationshipFeedbackState> relationships,
        IEnumerable<SetAsideCount> setAside,
        CampaignCountsState? campaign,
        IEnumerable<ActionWindowState> actions)
    {
        ArgumentNullException.ThrowIfNull(basis);
        Basis = basis;
        DataBegins = dataBegins;
        Agreements = Sorted(agreements, static a => a.Agreement, nameof(agreements), static a => Parts.Text($"agreement '{a.Agreement}'"));
        Relationships = Sorted(relationships, static r => r.Relationship, nameof(relationships), static r => Parts.Text($"relationship {r.Relationship.Provider} ← {r.Relationship.Consumer}"));
        SetAside = Sorted(setAside, static s => (s.Scale.Min, s.Scale.Max, s.Relationship), nameof(setAside), static s => Parts.Text($"set-aside count of {s.Relationship.Provider} ← {s.Relationship.Consumer} on {s.Scale}"));
        Campaign = campaign;
        Actions = Sorted(actions, static a => a.Action, nameof(actions), static a => Parts.Text($"action '{a.Action}'"));
        var anyEvent = !Agreements.IsEmpty || !Relationships.IsEmpty || !SetAside.IsEmpty;
        if (anyEvent && dataBegins is null)
        {
            throw new ArgumentException("Expected the instant the data begins for a state that counted events; got none.", nameof(dataBegins));
        }

        foreach (var r in Relationships)
        {
            if (!r.Feedback.Overall.Scale.Equals(basis.OverallScale) || !Equals(r.Feedback.Servqual?.Dimensions, basis.Dimensions))
            {
                throw new ArgumentException(
                    Parts.Text($"Expected the feedback of {r.Relationship.Provider} ← {r.Relationship.Consumer} on the basis's scale {basis.OverallScale} and dimension set; got {r.Feedback.Overall.Scale}{(r.Feedback.Servqual is null ? " without dimensions" : " with dimensions [" + string.Join(", ", r.Feedback.Servqual.Dimensions.Names) + "]")}."),
                    nameof(relationships));
            }

            if (r.LastResponse > basis.AsOf || (dataBegins is { } begins && r.LastResponse < begins))
            {
                throw new ArgumentException(
                    Parts.Text($"Expected the last response of {r.Relationship.Provider} ← {r.Relationship.Consumer} between the data's beginning {dataBegins} and the as-of instant {basis.AsOf}; got {r.LastResponse}."),
                    nameof(relationships));
            }
        }

        foreach (var s in SetAside)
        {
            if (basis.OtherScales != OtherScaleRule.SetAside || s.Scale.Equals(basis.OverallScale) || s.Count < 1)
            {
                throw new ArgumentException(
                    Parts.Text($"Expected set-aside counts of at least 1, on scales other than {basis.OverallScale}, under OtherScales = SetAside; got {s.Count} on {s.Scale} under {basis.OtherScales}."),
                    nameof(setAside));
            }
        }
    }

    /// <summary>Gets the settings the state was accumulated under.</summary>
    public ScorecardBasis Basis { get; }

    /// <summary>Gets the earliest request opening or response instant seen, or <see langword="null"/> when none was seen.</summary>
    public Instant? DataBegins { get; }

    /// <summary>Gets the SLA tallies of the agreements with any request counted, by agreement id.</summary>
    public ImmutableArray<AgreementTallyState> Agreements { get; }

    /// <summary>Gets the feedback of the relationships with any response counted, by relationship.</summary>
    public ImmutableArray<RelationshipFeedbackState> Relationships { get; }

    /// <summary>Gets the responses set aside, by scale (minimum, maximum) then relationship.</summary>
    public ImmutableArray<SetAsideCount> SetAside { get; }

    /// <summary>Gets the latest campaign's response counts, or <see langword="null"/>.</summary>
    public CampaignCountsState? Campaign { get; }

    /// <summary>Gets the window data of the measured improvement actions, by action id.</summary>
    public ImmutableArray<ActionWindowState> Actions { get; }

    /// <summary>Gets the number of responses scored: those on the overall scale given by the as-of instant.</summary>
    public long ScoredResponseCount => Relationships.Sum(static r => r.Feedback.Count);

    /// <inheritdoc />
    public bool Equals(ScorecardState? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Basis.Equals(other.Basis)
                && DataBegins == other.DataBegins
                && Agreements.SequenceEqual(other.Agreements)
                && Relationships.SequenceEqual(other.Relationships)
                && SetAside.SequenceEqual(other.SetAside)
                && Equals(Campaign, other.Campaign)
                && Actions.SequenceEqual(other.Actions)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScorecardState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Basis, DataBegins, Agreements.Length, Relationships.Length, SetAside.Length, Actions.Length);

    /// <summary>Returns the state's size as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        Parts.Text($"ScorecardState({Basis}: {Agreements.Length} agreements, {Relationships.Length} relationships, {ScoredResponseCount} responses scored)");

    private static ImmutableArray<T> Sorted<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, string parameterName, Func<T, string> describe)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        var list = new List<T>();
        foreach (var item in items)
        {
            list.Add(item ?? throw new ArgumentNullException(parameterName, "Expected a part; got null."));
        }

        // Parts read back from a state come in order already: one pass shows it (strictly ascending: no duplicates).
        var comparer = Comparer<TKey>.Default;
        var ascending = true;
        for (var i = 1; i < list.Count && ascending; i++)
        {
            ascending = comparer.Compare(key(list[i - 1]), key(list[i])) < 0;
        }

        if (!ascending)
        {
            list.Sort((a, b) => comparer.Compare(key(a), key(b)));
            for (var i = 1; i < list.Count; i++)
            {
                if (comparer.Compare(key(list[i - 1]), key(list[i])) == 0)
                {
                    throw new ArgumentException(Parts.Text($"Expected each part once; got the {describe(list[i])} twice."), parameterName);
                }
            }
        }

        return [.. list];
    }
}
