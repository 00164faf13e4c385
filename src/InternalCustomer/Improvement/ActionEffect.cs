using System.Collections.Immutable;
using InternalCustomer.Feedback.Statistics;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// The measured effect of an improvement action: each outcome before and after with its test, the
/// difference-in-differences against the control relationships, the verdict, the minimum detectable effects and the caveats.
/// </summary>
/// <remarks>
/// <para>Every "before/after" test puts the before window first, so a positive difference is an increase:
/// <see cref="Csat"/> and <see cref="OnTime"/> are R's <c>prop.test(c(x_before, x_after), c(n_before, n_after), correct = FALSE)</c>
/// with the Newcombe interval of <c>p_after − p_before</c>; <see cref="MeanScore"/> is R's <c>t.test(after, before)</c>;
/// the difference-in-differences are R's <c>lm(y ~ treated * after)</c> coefficient <c>treated:after</c>.</para>
/// <para>Equality is by value.</para>
/// </remarks>
public sealed record ActionEffect
{
    internal ActionEffect(
        ImprovementAction action,
        Interval before,
        Interval after,
        ImmutableArray<Relationship> controls,
        TwoProportionResult csat,
        WelchTTestResult meanScore,
        TwoProportionResult onTime,
        DifferenceInDifferencesResult? csatDifferenceInDifferences,
        DifferenceInDifferencesResult? onTimeDifferenceInDifferences,
        DifferenceInDifferencesResult? meanScoreDifferenceInDifferences,
        ImmutableArray<OutcomeJudgement> judgements,
        EffectVerdict verdict,
        double? minimumDetectableCsatIncrease,
        double? minimumDetectableOnTimeIncrease,
        double? minimumDetectableMeanIncrease,
        EffectCaveats caveats,
        double significance)
    {
        Action = action;
        Before = before;
        After = after;
        Controls = controls;
        Csat = csat;
        MeanScore = meanScore;
        OnTime = onTime;
        CsatDifferenceInDifferences = csatDifferenceInDifferences;
        OnTimeDifferenceInDifferences = onTimeDifferenceInDifferences;
        MeanScoreDifferenceInDifferences = meanScoreDifferenceInDifferences;
        Judgements = judgements;
        Verdict = verdict;
        MinimumDetectableCsatIncrease = minimumDetectableCsatIncrease;
        MinimumDetectableOnTimeIncrease = minimumDetectableOnTimeIncrease;
        MinimumDetectableMeanIncrease = minimumDetectableMeanIncrease;
        Caveats = caveats;
        Significance = significance;
    }

    /// <summary>Gets the action measured.</summary>
    public ImprovementAction Action { get; }

    /// <summary>Gets the before window: responses given and requests opened in it (start inclusive, end exclusive) count as before.</summary>
    public Interval Before { get; }

    /// <summary>Gets the after window (cut at <see cref="EffectOptions.AsOf"/>): responses given and requests opened in it count as after.</summary>
    public Interval After { get; }

    /// <summary>Gets the control relationships of the difference-in-differences, sorted; empty when there are none.</summary>
    public ImmutableArray<Relationship> Controls { get; }

    /// <summary>Gets the change in CSAT share (responses of the consumer about the provider in the top boxes), before → after.</summary>
    public TwoProportionResult Csat { get; }

    /// <summary>Gets the change in mean overall score, Welch's test of after − before.</summary>
    /// <remarks>It has no comparison group: a drift of every relationship's scores moves it as much as the action does;
    /// <see cref="MeanScoreDifferenceInDifferences"/> removes such a drift and judges the mean when there are controls.</remarks>
    public WelchTTestResult MeanScore { get; }

    /// <summary>Gets the change in on-time rate of the pair's requests (on time: every decided time objective met), before → after.</summary>
    public TwoProportionResult OnTime { get; }

    /// <summary>Gets the difference-in-differences of the satisfied (1) / not satisfied (0) outcome against the controls;
    /// <see langword="null"/> when there are no controls.</summary>
    public DifferenceInDifferencesResult? CsatDifferenceInDifferences { get; }

    /// <summary>Gets the difference-in-differences of the on-time (1) / late (0) outcome against the controls;
    /// <see langword="null"/> when there are no controls.</summary>
    public DifferenceInDifferencesResult? OnTimeDifferenceInDifferences { get; }

    /// <summary>Gets the difference-in-differences of the overall score (the pair's scores against the controls' in the same
    /// windows), or <see langword="null"/> when there are no controls or some control rates on another scale than the pair.</summary>
    public DifferenceInDifferencesResult? MeanScoreDifferenceInDifferences { get; }

    /// <summary>Gets how each outcome was judged for the <see cref="Verdict"/>, in the order CSAT, on time, mean score:
    /// the test that decided (difference-in-differences or before/after), its estimate, p-value and significance. Show
    /// these, not the raw before/after p-values, when explaining a verdict.</summary>
    public ImmutableArray<OutcomeJudgement> Judgements { get; }

    /// <summary>Gets the verdict.</summary>
    /// <remarks>Each of three outcomes is judged by one test: CSAT by its difference-in-differences when that has a p-value,
    /// else by <see cref="Csat"/>; on-time rate likewise (<see cref="OnTimeDifferenceInDifferences"/>, else <see cref="OnTime"/>);
    /// mean score likewise (<see cref="MeanScoreDifferenceInDifferences"/>, else <see cref="MeanScore"/>), so a drift the
    /// controls share moves no verdict. An outcome is significant when its p-value is below <see cref="Significance"/>,
    /// and its direction is the sign of its estimate. <see cref="EffectVerdict.Worse"/> if any outcome is significantly worse
    /// (a deterioration is never hidden by a gain elsewhere); else <see cref="EffectVerdict.Improved"/> if any is significantly
    /// better; else <see cref="EffectVerdict.NoDetectableChange"/>.</remarks>
    public EffectVerdict Verdict { get; }

    /// <summary>Gets the smallest CSAT increase over the before share that windows of the smaller window's response count
    /// would detect with the options' power and significance (R's <c>power.prop.test(n = , p1 = , power = )$p2 − p1</c>);
    /// <see langword="null"/> when a window has no responses, the before share is 1, or not even a share of 1 would be detected.</summary>
    /// <remarks>Computed whatever the verdict; it answers "could these windows have shown a change?" when the verdict is
    /// <see cref="EffectVerdict.NoDetectableChange"/>. It is that of the raw before/after test: a difference-in-differences,
    /// which also carries the controls' noise, needs a somewhat larger change.</remarks>
    public double? MinimumDetectableCsatIncrease { get; }

    /// <summary>Gets the smallest on-time rate increase the data could detect, as <see cref="MinimumDetectableCsatIncrease"/>
    /// but from the decided requests.</summary>
    public double? MinimumDetectableOnTimeIncrease { get; }

    /// <summary>Gets the smallest rise of the mean overall score (in points of the scale) windows of the smaller window's
    /// count would detect with the options' power and significance, R's <c>power.t.test(n = , sd = , power = )$delta</c>
    /// with the pooled standard deviation of both windows; <see langword="null"/> with fewer than two scores in a window
    /// or no spread. Like the others it is the before/after test's figure.</summary>
    public double? MinimumDetectableMeanIncrease { get; }

    /// <summary>Gets the reasons to read the result with care.</summary>
    public EffectCaveats Caveats { get; }

    /// <summary>Gets the significance level the verdict used.</summary>
    public double Significance { get; }

    /// <summary>Compares every property, the controls element by element.</summary>
    /// <param name="other">The effect to compare with.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(ActionEffect? other) =>
        other is not null
        && Action == other.Action
        && Before == other.Before
        && After == other.After
        && Controls.SequenceEqual(other.Controls)
        && Csat == other.Csat
        && MeanScore == other.MeanScore
        && OnTime == other.OnTime
        && CsatDifferenceInDifferences == other.CsatDifferenceInDifferences
        && OnTimeDifferenceInDifferences == other.OnTimeDifferenceInDifferences
        && MeanScoreDifferenceInDifferences == other.MeanScoreDifferenceInDifferences
        && Judgements.SequenceEqual(other.Judgements)
        && Verdict == other.Verdict
        && MinimumDetectableCsatIncrease == other.MinimumDetectableCsatIncrease
        && MinimumDetectableOnTimeIncrease == other.MinimumDetectableOnTimeIncrease
        && MinimumDetectableMeanIncrease == other.MinimumDetectableMeanIncrease
        && Caveats == other.Caveats
        && Significance.Equals(other.Significance);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Action, Before, After, Csat, MeanScore, OnTime, Verdict, Caveats);

    /// <inheritdoc/>
    public override string ToString() => $"Effect of action '{Action.Id}': {Verdict}" + (Caveats == EffectCaveats.None ? string.Empty : $" ({Caveats})");
}
