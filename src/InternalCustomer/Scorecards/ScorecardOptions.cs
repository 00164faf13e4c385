using System.Globalization;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Settings of <see cref="Scorecard.Compute"/>. Only <see cref="AsOf"/> is required; every other
/// setting has the default documented on it.
/// </summary>
/// <remarks>Settings are checked when the scorecard is computed; a bad one gives an
/// <see cref="ArgumentException"/> for parameter <c>options</c> naming the setting and the value. <see cref="AsOf"/> and the dates of
/// <see cref="LastReviews"/> must lie in the supported range (<see cref="SupportedRange"/>), and the ends of
/// <see cref="ComplianceWindow"/> before <see cref="SupportedRange.ComputationLimit"/>, or an
/// <see cref="ArgumentOutOfRangeException"/> names the range.</remarks>
public sealed record ScorecardOptions
{
    /// <summary>Creates options evaluated at an instant.</summary>
    /// <param name="asOf">The instant the scorecard describes: requests are evaluated at it, and requests opened or feedback given after it are ignored.</param>
    public ScorecardOptions(Instant asOf) => AsOf = asOf;

    /// <summary>Gets the instant the scorecard describes.</summary>
    public Instant AsOf { get; init; }

    /// <summary>Gets the window whose decided requests count for compliance; <see langword="null"/> (default) counts every request decided before <see cref="AsOf"/>.</summary>
    public Interval? ComplianceWindow { get; init; }

    /// <summary>Gets the confidence level of every interval, in (0, 1); default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Gets the scale of the overall satisfaction rating; default <see cref="RatingScale.FivePoint"/>.</summary>
    public RatingScale OverallScale { get; init; } = RatingScale.FivePoint;

    /// <summary>
    /// Gets what becomes of responses whose overall rating is on a scale other than <see cref="OverallScale"/>; default
    /// <see cref="OtherScaleRule.Reject"/> (they are problems: <see cref="Scorecard.Validate"/> lists them and
    /// <see cref="Scorecard.Compute"/> throws). With <see cref="OtherScaleRule.SetAside"/> they are left out of every
    /// figure of the scorecard and counted in <see cref="OrganizationScorecard.SetAside"/>; pick the scale with
    /// <see cref="FeedbackByScale.PredominantScale"/> and summarise every scale with <see cref="Scorecard.SummarizeByScale"/>.
    /// </summary>
    public OtherScaleRule OtherScales { get; init; } = OtherScaleRule.Reject;

    /// <summary>Gets the dimension set for SERVQUAL summaries, or <see langword="null"/> (default) for none.</summary>
    public DimensionSet? Dimensions { get; init; }

    /// <summary>Gets how many top boxes count as satisfied for CSAT; default 2 (4 and 5 of 5).</summary>
    public int CsatTopBoxes { get; init; } = 2;

    /// <summary>Gets the CSAT target used where an agreement has no satisfaction objective, in [0, 1); default 0.8.</summary>
    public double SatisfactionTarget { get; init; } = 0.8;

    /// <summary>Gets the fewest responses for a relationship's satisfaction to count as known (for flags and gaps); default 5.</summary>
    public int MinimumResponses { get; init; } = 5;

    /// <summary>Gets the criticality at or above which a dependency without an agreement is flagged; default 4.</summary>
    public Criticality HeavyDependence { get; init; } = Criticality.From(4);

    /// <summary>Gets the significance level below which a falling trend's p-value makes a <see cref="DecliningSatisfaction"/> finding, in (0, 1); default 0.05.</summary>
    public double TrendSignificance { get; init; } = 0.05;

    /// <summary>Gets the shortfall (0–1) at or above which a department with an inherited part gets an <see cref="InheritedShortfall"/> finding; default 0.05.</summary>
    public double MinimumShortfall { get; init; } = 0.05;

    /// <summary>Gets the inherited fraction of the shortfall (0–1) at or above which a department gets an <see cref="InheritedShortfall"/> finding; default 0.05.</summary>
    public double MinimumInheritedFraction { get; init; } = 0.05;

    /// <summary>Gets how SLA and satisfaction gaps combine; default <see cref="GapWeights.Equal"/>.</summary>
    public GapWeights GapWeights { get; init; } = GapWeights.Equal;

    /// <summary>Gets the damping of upstream attribution, in [0, 0.95]; default <see cref="UpstreamAttribution.DefaultDamping"/>.</summary>
    public double Damping { get; init; } = UpstreamAttribution.DefaultDamping;

    /// <summary>Gets the date each agreement was last reviewed; an agreement not listed counts as reviewed on its first effective day.</summary>
    public IReadOnlyDictionary<AgreementId, LocalDate>? LastReviews { get; init; }

    /// <summary>Gets the improvement loop's record (feedback campaigns, review meetings, improvement actions), or
    /// <see langword="null"/> (default) for none. With one, an agreement counts as reviewed on the latest meeting on or before
    /// the as-of date that reviewed it (the later of that and <see cref="LastReviews"/>); relationships, departments and the
    /// attention list show the actions in flight and the measured effects of completed ones (<see cref="RelationshipHealth.Effects"/>);
    /// the organisation health shows the latest campaign's response rate and coverage. The record must be of this
    /// organisation: <see cref="Scorecard.Validate"/> reports departments and agreements it names that the organisation lacks.</summary>
    public ImprovementRecord? Improvement { get; init; }

    /// <summary>Gets how many relationships the organisation health lists as worst; default 5.</summary>
    public int WorstRelationships { get; init; } = 5;

    /// <summary>
    /// Gets how many threads <see cref="Scorecard.Compute"/> and <see cref="ScorecardAccumulator.ToScorecard"/> may use: -1
    /// (default) for every core, 1 for the caller's thread alone, or any number from 1 up. With more than one,
    /// <see cref="Scorecard.Compute"/> splits the requests and responses into that many slices (at most one per 32,768
    /// events), each checked and accumulated on its own thread into its own <see cref="ScorecardAccumulator"/>, and merges
    /// the accumulators in slice order; and the join computes the relationships and the departments in as many parts (at
    /// least 256 a part). Every accumulated value is an integer count or sum and every part writes its own entries, so the
    /// scorecard is the same, bit for bit, whatever this setting (and so is the first problem thrown for bad input). The
    /// betweenness of the graph positions uses as many threads. The parts run on the thread pool while the caller waits;
    /// each slice holds an accumulator of its own (per-agreement tallies and a cell per relationship), so memory grows
    /// with the slices. A server computing many scorecards at once may prefer 1. It does not take part in
    /// <see cref="ScorecardAccumulator.Merge"/>'s comparison of options.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the default of <see cref="BetweennessSampleSize"/>: 256 source departments.</summary>
    public const int DefaultBetweennessSampleSize = 256;

    /// <summary>
    /// Gets how many source departments the betweenness of <see cref="GraphPosition.Betweenness"/> is estimated from, at
    /// least 1; default <see cref="DefaultBetweennessSampleSize"/> (256). An organisation with at most this many departments
    /// gets the exact betweenness; a larger one an estimate from this many sources sampled with seed 0
    /// (<see cref="DependencyGraph.EstimateBetweenness(int, int)"/>), whose error bound
    /// <see cref="OrganizationHealth.BetweennessErrorBound"/> states. <see langword="null"/> asks for the exact betweenness
    /// at any size, at O(departments × dependencies).
    /// </summary>
    /// <remarks>The estimate keeps the graph-position step linear in the size of the organisation: exact betweenness
    /// searches from every department, so its cost grows with departments × dependencies. The sample depends on the number
    /// of departments, so a department's estimate can move between two scorecards of an organisation that gained or lost a
    /// department by sampling alone (by up to the error bound); compare betweenness across such scorecards with
    /// <see langword="null"/> here.</remarks>
    public int? BetweennessSampleSize { get; init; } = DefaultBetweennessSampleSize;

    internal void Validate()
    {
        const string Parameter = "options";
        RangeGuard.Instant(AsOf, Parameter, "AsOf");
        if (ComplianceWindow is { } range)
        {
            RangeGuard.Window(range, Parameter);
        }

        foreach (var (agreement, date) in LastReviews ?? new Dictionary<AgreementId, LocalDate>())
        {
            RangeGuard.Date(date, Parameter, $"the last review of '{agreement}' in LastReviews");
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(Parameter, ConfidenceLevel, Text($"ConfidenceLevel must be in (0, 1); got {ConfidenceLevel}."));
        }

        if (!(SatisfactionTarget >= 0 && SatisfactionTarget < 1))
        {
            throw new ArgumentOutOfRangeException(Parameter, SatisfactionTarget, Text($"SatisfactionTarget must be in [0, 1); got {SatisfactionTarget}."));
        }

        if (!(Damping >= 0 && Damping <= UpstreamAttribution.MaxDamping))
        {
            throw new ArgumentOutOfRangeException(Parameter, Damping, Text($"Damping must be in [0, 0.95]; got {Damping}."));
        }

        if (!(TrendSignificance > 0 && TrendSignificance < 1))
        {
            throw new ArgumentOutOfRangeException(Parameter, TrendSignificance, Text($"TrendSignificance must be in (0, 1); got {TrendSignificance}."));
        }

        if (!(MinimumShortfall >= 0 && MinimumShortfall <= 1))
        {
            throw new ArgumentOutOfRangeException(Parameter, MinimumShortfall, Text($"MinimumShortfall must be in [0, 1]; got {MinimumShortfall}."));
        }

        if (!(MinimumInheritedFraction >= 0 && MinimumInheritedFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(Parameter, MinimumInheritedFraction, Text($"MinimumInheritedFraction must be in [0, 1]; got {MinimumInheritedFraction}."));
        }

        if (OverallScale is null || GapWeights is null)
        {
            throw new ArgumentNullException(Parameter, "OverallScale and GapWeights must be set; got null.");
        }

        if (!Enum.IsDefined(OtherScales))
        {
            throw new ArgumentOutOfRangeException(Parameter, OtherScales, Text($"OtherScales must be Reject or SetAside; got {(int)OtherScales}."));
        }

        if (CsatTopBoxes < 1 || CsatTopBoxes > OverallScale.Points)
        {
            throw new ArgumentOutOfRangeException(Parameter, CsatTopBoxes, Text($"CsatTopBoxes must be from 1 to the {OverallScale.Points} points of the overall scale; got {CsatTopBoxes}."));
        }

        if (MinimumResponses < 1)
        {
            throw new ArgumentOutOfRangeException(Parameter, MinimumResponses, Text($"MinimumResponses must be at least 1; got {MinimumResponses}."));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(Parameter, MaxDegreeOfParallelism, Text($"MaxDegreeOfParallelism must be -1 (every core) or at least 1; got {MaxDegreeOfParallelism}."));
        }

        if (BetweennessSampleSize is < 1)
        {
            throw new ArgumentOutOfRangeException(Parameter, BetweennessSampleSize, Text($"BetweennessSampleSize must be at least 1 (or null for the exact betweenness); got {BetweennessSampleSize}."));
        }

        if (WorstRelationships < 0)
        {
            throw new ArgumentOutOfRangeException(Parameter, WorstRelationships, Text($"WorstRelationships must be >= 0; got {WorstRelationships}."));
        }

        if (ComplianceWindow is { } window && (!window.HasStart || !window.HasEnd))
        {
            throw new ArgumentException($"ComplianceWindow must have a start and an end; got {window}.", Parameter);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a scorecard does with a response whose overall rating is on a scale other than
/// <see cref="ScorecardOptions.OverallScale"/> (see <see cref="ScorecardOptions.OtherScales"/>).</summary>
public enum OtherScaleRule
{
    /// <summary>The response is a problem: <see cref="Scorecard.Validate"/> lists it and <see cref="Scorecard.Compute"/> throws (the behaviour of 1.0).</summary>
    Reject = 0,

    /// <summary>The response is set aside: it is in no figure of the scorecard (CSAT, means, trends, attribution,
    /// improvement effects, campaign response rates) and is counted, per scale and per relationship, in
    /// <see cref="OrganizationScorecard.SetAside"/>; <see cref="Scorecard.Validate"/> reports no problem for it.</summary>
    SetAside = 1,
}
