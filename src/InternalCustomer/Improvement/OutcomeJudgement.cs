namespace InternalCustomer.Improvement;

/// <summary>How one outcome of an action was judged for the verdict (<see cref="ActionEffect.Judgements"/>): by its
/// difference-in-differences against the controls when that has a p-value, else by its before/after test.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="AgainstControls"><see langword="true"/> when the difference-in-differences decided, <see langword="false"/>
/// when the before/after test did.</param>
/// <param name="Estimate">The change judged: the difference-in-differences estimate, or <c>after − before</c>; in shares
/// (0–1) for CSAT and on time, in points of the scale for the mean score. <see langword="null"/> when not computable.</param>
/// <param name="PValue">The test's two-sided p-value, or <see langword="null"/> when it could not be computed.</param>
/// <param name="IsSignificant">Whether <paramref name="PValue"/> is below the significance level of the measurement.</param>
public sealed record OutcomeJudgement(EffectOutcome Outcome, bool AgainstControls, double? Estimate, double? PValue, bool IsSignificant)
{
    /// <summary>Gets the direction of a significant change: +1 better, −1 worse, 0 when not significant (or no estimate).</summary>
    public int Direction => IsSignificant && Estimate is { } e ? Math.Sign(e) : 0;
}
