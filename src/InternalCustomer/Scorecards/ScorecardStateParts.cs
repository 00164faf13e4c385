using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// The settings a <see cref="ScorecardState"/> was accumulated under — those that decide which events count and how
/// they are counted — so that a state is never read back, or merged, under other settings silently.
/// </summary>
/// <remarks>Equality is by value: every setting.</remarks>
public sealed class ScorecardBasis : IEquatable<ScorecardBasis>
{
    /// <summary>Creates a basis.</summary>
    /// <param name="asOf">The as-of instant (<see cref="ScorecardOptions.AsOf"/>).</param>
    /// <param name="complianceWindow">The compliance window (<see cref="ScorecardOptions.ComplianceWindow"/>), or <see langword="null"/>.</param>
    /// <param name="overallScale">The overall scale (<see cref="ScorecardOptions.OverallScale"/>).</param>
    /// <param name="otherScales">The rule for other scales (<see cref="ScorecardOptions.OtherScales"/>).</param>
    /// <param name="dimensions">The dimension set (<see cref="ScorecardOptions.Dimensions"/>), or <see langword="null"/>.</param>
    /// <param name="csatTopBoxes">The CSAT top boxes (<see cref="ScorecardOptions.CsatTopBoxes"/>), from 1 to the points of the overall scale.</param>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="otherScales"/> is not defined, or <paramref name="csatTopBoxes"/> is out of range.</exception>
    public ScorecardBasis(Instant asOf, Interval? complianceWindow, RatingScale overallScale, OtherScaleRule otherScales, DimensionSet? dimensions, int csatTopBoxes)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        if (!Enum.IsDefined(otherScales))
        {
            throw new ArgumentOutOfRangeException(nameof(otherScales), otherScales, Parts.Text($"Expected Reject or SetAside; got {(int)otherScales}."));
        }

        if (csatTopBoxes < 1 || csatTopBoxes > overallScale.Points)
        {
            throw new ArgumentOutOfRangeException(nameof(csatTopBoxes), csatTopBoxes, Parts.Text($"Expected 1 to the {overallScale.Points} points of the overall scale; got {csatTopBoxes}."));
        }

        AsOf = asOf;
        ComplianceWindow = complianceWindow;
        OverallScale = overallScale;
        OtherScales = otherScales;
        Dimensions = dimensions;
        CsatTopBoxes = csatTopBoxes;
    }

    /// <summary>Gets the as-of instant.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the compliance window, or <see langword="null"/>.</summary>
    public Interval? ComplianceWindow { get; }

    /// <summary>Gets the overall scale.</summary>
    public RatingScale OverallScale { get; }

    /// <summary>Gets the rule for responses on other scales.</summary>
    public OtherScaleRule OtherScales { get; }

    /// <summary>Gets the dimension set, or <see langword="null"/>.</summary>
    public DimensionSet? Dimensions { get; }

    /// <summary>Gets the CSAT top boxes.</summary>
    public int CsatTopBoxes { get; }

    /// <summary>The basis of a scorecard's options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static ScorecardBasis Of(ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ScorecardBasis(options.AsOf, options.ComplianceWindow, options.OverallScale, options.OtherScales, options.Dimensions, options.CsatTopBoxes);
    }

    /// <inheritdoc />
    public bool Equals(ScorecardBasis? other) => other is not null && FirstDifference(other) is null;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScorecardBasis);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, ComplianceWindow, OverallScale, OtherScales, CsatTopBoxes);

    /// <summary>Returns the settings as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        Parts.Text($"as of {AsOf}, window {ComplianceWindow?.ToString() ?? "none"}, scale {OverallScale}, other scales {OtherScales}, dimensions {(Dimensions is null ? "none" : string.Join("/", Dimensions.Names))}, top boxes {CsatTopBoxes}");

    /// <summary>The first setting that differs, as "Name (this vs other)", or <see langword="null"/>.</summary>
    internal string? FirstDifference(ScorecardBasis other) =>
        AsOf != other.AsOf ? Parts.Text($"AsOf ({AsOf} vs {other.AsOf})")
        : ComplianceWindow != other.ComplianceWindow ? Parts.Text($"ComplianceWindow ({ComplianceWindow?.ToString() ?? "none"} vs {other.ComplianceWindow?.ToString() ?? "none"})")
        : !OverallScale.Equals(other.OverallScale) ? Parts.Text($"OverallScale ({OverallScale} vs {other.OverallScale})")
        : OtherScales != other.OtherScales ? Parts.Text($"OtherScales ({OtherScales} vs {other.OtherScales})")
        : !Equals(Dimensions, other.Dimensions) ? Parts.Text($"Dimensions ({Describe(Dimensions)} vs {Describe(other.Dimensions)})")
        : CsatTopBoxes != other.CsatTopBoxes ? Parts.Text($"CsatTopBoxes ({CsatTopBoxes} vs {other.CsatTopBoxes})")
        : null;

    private static string Describe(DimensionSet? set) => set is null ? "none" : "[" + string.Join(", ", set.Names) + "]";
}

/// <summary>The SLA tallies of one agreement in a <see cref="ScorecardState"/>: its requests counted per time objective
/// kind (all its objective sets together) and, for an agreement whose objectives depend on the request's class, per
/// objective set in set order.</summary>
/// <remarks>Equality is by value.</remarks>
public sealed class AgreementTallyState : IEquatable<AgreementTallyState>
{
    /// <summary>Creates the tallies of an agreement.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="firstResponse">The first-response tally.</param>
    /// <param name="resolution">The resolution tally.</param>
    /// <param name="firstResponseBySet">The first-response tallies per objective set (empty for an agreement without classes).</param>
    /// <param name="resolutionBySet">The resolution tallies per objective set, as many as <paramref name="firstResponseBySet"/>.</param>
    /// <exception cref="ArgumentException">The per-set lists differ in length, or a tally has a negative count.</exception>
    public AgreementTallyState(AgreementId agreement, SlaTally firstResponse, SlaTally resolution, ImmutableArray<SlaTally> firstResponseBySet, ImmutableArray<SlaTally> resolutionBySet)
    {
        firstResponseBySet = firstResponseBySet.IsDefault ? [] : firstResponseBySet;
        resolutionBySet = resolutionBySet.IsDefault ? [] : resolutionBySet;
        if (firstResponseBySet.Length != resolutionBySet.Length)
        {
            throw new ArgumentException(
                Parts.Text($"Expected as many resolution tallies per set as first-response tallies ({firstResponseBySet.Length}) for agreement '{agreement}'; got {resolutionBySet.Length}."),
                nameof(resolutionBySet));
        }

        foreach (var tally in (ReadOnlySpan<SlaTally>)[firstResponse, resolution, .. firstResponseBySet, .. resolutionBySet])
        {
            if (!tally.IsConsistent)
            {
                throw new ArgumentException(
                    Parts.Text($"Expected tallies of agreement '{agreement}' with non-negative counts, breached at most decided, at risk at most in flight and unmatched at most unmeasured; got {tally}."),
                    nameof(agreement));
            }
        }

        Agreement = agreement;
        FirstResponse = firstResponse;
        Resolution = resolution;
        FirstResponseBySet = firstResponseBySet;
        ResolutionBySet = resolutionBySet;
    }

    /// <summary>Gets the agreement.</summary>
    public AgreementId Agreement { get; }

    /// <summary>Gets the first-response tally of all the agreement's requests.</summary>
    public SlaTally FirstResponse { get; }

    /// <summary>Gets the resolution tally of all the agreement's requests.</summary>
    public SlaTally Resolution { get; }

    /// <summary>Gets the first-response tallies per objective set; empty for an agreement without classes.</summary>
    public ImmutableArray<SlaTally> FirstResponseBySet { get; }

    /// <summary>Gets the resolution tallies per objective set; empty for an agreement without classes.</summary>
    public ImmutableArray<SlaTally> ResolutionBySet { get; }

    /// <inheritdoc />
    public bool Equals(AgreementTallyState? other) =>
        other is not null
        && Agreement == other.Agreement
        && FirstResponse == other.FirstResponse
        && Resolution == other.Resolution
        && FirstResponseBySet.SequenceEqual(other.FirstResponseBySet)
        && ResolutionBySet.SequenceEqual(other.ResolutionBySet);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AgreementTallyState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Agreement, FirstResponse, Resolution);

    /// <summary>Returns the tallies as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Parts.Text($"{Agreement}: first response {FirstResponse}, resolution {Resolution}");
}

/// <summary>The feedback of one relationship in a <see cref="ScorecardState"/>: the responses summarised, the exact
/// trend tally of their overall scores and the instant of the latest.</summary>
/// <remarks>Equality is by value (the summary's histograms and sums, the tally, the instant).</remarks>
public sealed class RelationshipFeedbackState : IEquatable<RelationshipFeedbackState>
{
    /// <summary>Creates the feedback state of a relationship.</summary>
    /// <param name="relationship">The relationship: subject as provider, respondent as consumer.</param>
    /// <param name="feedback">The summary of its responses; at least one.</param>
    /// <param name="trend">The trend tally of the same responses' overall scores.</param>
    /// <param name="lastResponse">The instant of the latest response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feedback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The summary is empty, or the tally counts other responses than the summary.</exception>
    public RelationshipFeedbackState(Relationship relationship, FeedbackSummary feedback, TrendTally trend, Instant lastResponse)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Count == 0)
        {
            throw new ArgumentException(Parts.Text($"Expected at least one response of {relationship.Provider} ← {relationship.Consumer}; got an empty summary."), nameof(feedback));
        }

        if (trend.Count != feedback.Count || trend.SumScores != Parts.SumOf(feedback.Overall))
        {
            throw new ArgumentException(
                Parts.Text($"Expected the trend tally of {relationship.Provider} ← {relationship.Consumer} to count the summary's {feedback.Count} responses with overall sum {Parts.SumOf(feedback.Overall)}; got {trend.Count} with sum {trend.SumScores}."),
                nameof(trend));
        }

        Relationship = relationship;
        Feedback = feedback;
        Trend = trend;
        LastResponse = lastResponse;
    }

    /// <summary>Gets the relationship.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets the summary of the relationship's responses.</summary>
    public FeedbackSummary Feedback { get; }

    /// <summary>Gets the exact trend tally of the responses' overall scores.</summary>
    public TrendTally Trend { get; }

    /// <summary>Gets the instant of the latest response.</summary>
    public Instant LastResponse { get; }

    /// <inheritdoc />
    public bool Equals(RelationshipFeedbackState? other) =>
        other is not null && Relationship == other.Relationship && Trend == other.Trend && LastResponse == other.LastResponse && Parts.SameFeedback(Feedback, other.Feedback);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RelationshipFeedbackState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Relationship, Trend, LastResponse);

    /// <summary>Returns the state as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Parts.Text($"{Relationship.Provider} ← {Relationship.Consumer}: {Feedback.Count} responses, last {LastResponse}");
}

/// <summary>How many responses of one relationship on one other scale a <see cref="ScorecardState"/> set aside
/// (<see cref="OtherScaleRule.SetAside"/>).</summary>
/// <param name="Scale">The scale, not the overall scale.</param>
/// <param name="Relationship">The relationship.</param>
/// <param name="Count">The number of responses, at least 1.</param>
public sealed record SetAsideCount(RatingScale Scale, Relationship Relationship, long Count);

/// <summary>The responses of one relationship in the latest campaign's window, in a <see cref="ScorecardState"/>.</summary>
/// <param name="Relationship">The relationship.</param>
/// <param name="Responses">The responses in the window, at least 1.</param>
/// <param name="Satisfied">Of them, those in the top boxes, from 0 to <paramref name="Responses"/>.</param>
public sealed record CampaignResponseCount(Relationship Relationship, long Responses, long Satisfied);

/// <summary>The response counts of the latest campaign begun by the as-of instant, in a <see cref="ScorecardState"/>:
/// its invitations come from the options' improvement record, the responses from here.</summary>
/// <remarks>Equality is by value.</remarks>
public sealed class CampaignCountsState : IEquatable<CampaignCountsState>
{
    /// <summary>Creates the counts of a campaign.</summary>
    /// <param name="campaign">The campaign's id.</param>
    /// <param name="window">The campaign's window.</param>
    /// <param name="relationships">The counts per relationship, each relationship once.</param>
    /// <exception cref="ArgumentException">A relationship is listed twice, or a count is out of range.</exception>
    public CampaignCountsState(CampaignId campaign, Interval window, IEnumerable<CampaignResponseCount> relationships)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        var sorted = relationships.OrderBy(static r => r?.Relationship).ToImmutableArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var r = sorted[i] ?? throw new ArgumentNullException(nameof(relationships), "Expected campaign counts; got null.");
            if (r.Responses < 1 || r.Satisfied < 0 || r.Satisfied > r.Responses)
            {
                throw new ArgumentException(Parts.Text($"Expected at least 1 response and 0 to that many satisfied for {r.Relationship.Provider} ← {r.Relationship.Consumer}; got {r.Responses} and {r.Satisfied}."), nameof(relationships));
            }

            if (i > 0 && sorted[i - 1].Relationship == r.Relationship)
            {
                throw new ArgumentException(Parts.Text($"Expected each relationship once; got {r.Relationship.Provider} ← {r.Relationship.Consumer} twice."), nameof(relationships));
            }
        }

        Campaign = campaign;
        Window = window;
        Relationships = sorted;
    }

    /// <summary>Gets the campaign's id.</summary>
    public CampaignId Campaign { get; }

    /// <summary>Gets the campaign's window.</summary>
    public Interval Window { get; }

    /// <summary>Gets the counts per relationship, sorted by relationship.</summary>
    public ImmutableArray<CampaignResponseCount> Relationships { get; }

    /// <inheritdoc />
    public bool Equals(CampaignCountsState? other) =>
        other is not null && Campaign == other.Campaign && Window == other.Window && Relationships.SequenceEqual(other.Relationships);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CampaignCountsState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Campaign, Window, Relationships.Length);

    /// <summary>Returns the counts as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Parts.Text($"{Campaign}: {Relationships.Sum(static r => r.Responses)} responses over {Relationships.Length} relationships");
}

/// <summary>Counts of a 0/1 outcome (a satisfied response, a request on time) in one window.</summary>
/// <param name="Successes">The outcomes that are 1.</param>
/// <param name="Trials">All the outcomes.</param>
public readonly record struct OutcomeCounts(long Successes, long Trials);

/// <summary>The window data of one measured improvement action in a <see cref="ScorecardState"/>: the overall scores of
/// the treated relationship and of its controls before and after the action (histograms on the overall scale, from which
/// the CSAT shares are read with the top boxes), and the requests of their agreements on time.</summary>
/// <remarks>Equality is by value (histograms and counts).</remarks>
public sealed class ActionWindowState : IEquatable<ActionWindowState>
{
    /// <summary>Creates the window data of an action.</summary>
    /// <param name="action">The action.</param>
    /// <param name="treatedBefore">The treated relationship's scores in the before window.</param>
    /// <param name="treatedAfter">The treated relationship's scores in the after window.</param>
    /// <param name="controlBefore">The controls' scores in the before window.</param>
    /// <param name="controlAfter">The controls' scores in the after window.</param>
    /// <param name="treatedOnTimeBefore">The treated agreements' requests on time, before.</param>
    /// <param name="treatedOnTimeAfter">The treated agreements' requests on time, after.</param>
    /// <param name="controlOnTimeBefore">The controls' agreements' requests on time, before.</param>
    /// <param name="controlOnTimeAfter">The controls' agreements' requests on time, after.</param>
    /// <exception cref="ArgumentNullException">A summary is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The summaries are on different scales, or a count is out of range.</exception>
    public ActionWindowState(
        ActionId action,
        RatingSummary treatedBefore,
        RatingSummary treatedAfter,
        RatingSummary controlBefore,
        RatingSummary controlAfter,
        OutcomeCounts treatedOnTimeBefore,
        OutcomeCounts treatedOnTimeAfter,
        OutcomeCounts controlOnTimeBefore,
        OutcomeCounts controlOnTimeAfter)
    {
        ArgumentNullException.ThrowIfNull(treatedBefore);
        ArgumentNullException.ThrowIfNull(treatedAfter);
        ArgumentNullException.ThrowIfNull(controlBefore);
        ArgumentNullException.ThrowIfNull(controlAfter);
        foreach (var (summary, name) in new[] { (treatedAfter, nameof(treatedAfter)), (controlBefore, nameof(controlBefore)), (controlAfter, nameof(controlAfter)) })
        {
            if (!summary.Scale.Equals(treatedBefore.Scale))
            {
                throw new ArgumentException(Parts.Text($"Expected the scores of action '{action}' on one scale, {treatedBefore.Scale}; got {summary.Scale}."), name);
            }
        }

        foreach (var (counts, name) in new[] { (treatedOnTimeBefore, nameof(treatedOnTimeBefore)), (treatedOnTimeAfter, nameof(treatedOnTimeAfter)), (controlOnTimeBefore, nameof(controlOnTimeBefore)), (controlOnTimeAfter, nameof(controlOnTimeAfter)) })
        {
            if (counts.Trials < 0 || counts.Successes < 0 || counts.Successes > counts.Trials)
            {
                throw new ArgumentException(Parts.Text($"Expected 0 to {Math.Max(0, counts.Trials)} successes of at least 0 trials for action '{action}'; got {counts.Successes} of {counts.Trials}."), name);
            }
        }

        Action = action;
        TreatedBefore = treatedBefore;
        TreatedAfter = treatedAfter;
        ControlBefore = controlBefore;
        ControlAfter = controlAfter;
        TreatedOnTimeBefore = treatedOnTimeBefore;
        TreatedOnTimeAfter = treatedOnTimeAfter;
        ControlOnTimeBefore = controlOnTimeBefore;
        ControlOnTimeAfter = controlOnTimeAfter;
    }

    /// <summary>Gets the action.</summary>
    public ActionId Action { get; }

    /// <summary>Gets the treated relationship's scores in the before window.</summary>
    public RatingSummary TreatedBefore { get; }

    /// <summary>Gets the treated relationship's scores in the after window.</summary>
    public RatingSummary TreatedAfter { get; }

    /// <summary>Gets the controls' scores in the before window.</summary>
    public RatingSummary ControlBefore { get; }

    /// <summary>Gets the controls' scores in the after window.</summary>
    public RatingSummary ControlAfter { get; }

    /// <summary>Gets the treated agreements' requests on time in the before window (decided requests as trials).</summary>
    public OutcomeCounts TreatedOnTimeBefore { get; }

    /// <summary>Gets the treated agreements' requests on time in the after window.</summary>
    public OutcomeCounts TreatedOnTimeAfter { get; }

    /// <summary>Gets the controls' agreements' requests on time in the before window.</summary>
    public OutcomeCounts ControlOnTimeBefore { get; }

    /// <summary>Gets the controls' agreements' requests on time in the after window.</summary>
    public OutcomeCounts ControlOnTimeAfter { get; }

    /// <inheritdoc />
    public bool Equals(ActionWindowState? other) =>
        other is not null
        && Action == other.Action
        && Parts.SameRatings(TreatedBefore, other.TreatedBefore)
        && Parts.SameRatings(TreatedAfter, other.TreatedAfter)
        && Parts.SameRatings(ControlBefore, other.ControlBefore)
        && Parts.SameRatings(ControlAfter, other.ControlAfter)
        && TreatedOnTimeBefore == other.TreatedOnTimeBefore
        && TreatedOnTimeAfter == other.TreatedOnTimeAfter
        && ControlOnTimeBefore == other.ControlOnTimeBefore
        && ControlOnTimeAfter == other.ControlOnTimeAfter;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActionWindowState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Action, TreatedBefore.Count, TreatedAfter.Count, TreatedOnTimeBefore, TreatedOnTimeAfter);

    /// <summary>Returns the counts as text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Parts.Text($"{Action}: {TreatedBefore.Count} → {TreatedAfter.Count} treated responses, {ControlBefore.Count} → {ControlAfter.Count} control responses");
}

/// <summary>Shared helpers of the state parts.</summary>
internal static class Parts
{
    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static Int128 SumOf(RatingSummary ratings)
    {
        Int128 sum = 0;
        var bins = ratings.Histogram;
        for (var i = 0; i < bins.Length; i++)
        {
            sum += (Int128)bins[i] * (ratings.Scale.Min + i);
        }

        return sum;
    }

    internal static bool SameRatings(RatingSummary a, RatingSummary b) => a.Scale.Equals(b.Scale) && a.Histogram.SequenceEqual(b.Histogram);

    internal static bool SameFeedback(FeedbackSummary a, FeedbackSummary b) =>
        SameRatings(a.Overall, b.Overall)
        && SameRatings(a.Recommend, b.Recommend)
        && SameRatings(a.Effort, b.Effort)
        && (a.Servqual, b.Servqual) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.Dimensions.Equals(y.Dimensions)
                && x.Perceptions.Zip(y.Perceptions).All(static p => SameRatings(p.First, p.Second))
                && x.Expectations.Zip(y.Expectations).All(static p => SameRatings(p.First, p.Second))
                && x.Gaps.Zip(y.Gaps).All(static p => SameRatings(p.First, p.Second))
                && x.CompleteResponses == y.CompleteResponses
                && x.CompleteGapSums.SequenceEqual(y.CompleteGapSums)
                && x.CompleteGapProducts.SequenceEqual(y.CompleteGapProducts),
            _ => false,
        };
}
