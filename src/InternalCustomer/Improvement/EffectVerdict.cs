namespace InternalCustomer.Improvement;

/// <summary>What <see cref="ImprovementEffect.Measure(InternalCustomer.Organizations.Organization, ImprovementAction, ReadOnlySpan{InternalCustomer.Agreements.ServiceRequest}, ReadOnlySpan{InternalCustomer.Feedback.FeedbackResponse}, EffectOptions)"/>
/// concludes about an action: see <see cref="ActionEffect.Verdict"/> for the rule.</summary>
public enum EffectVerdict
{
    /// <summary>No outcome changed significantly: read <see cref="ActionEffect.MinimumDetectableCsatIncrease"/> and
    /// <see cref="ActionEffect.MinimumDetectableOnTimeIncrease"/> to tell "nothing happened" from "cannot tell yet".</summary>
    NoDetectableChange = 0,

    /// <summary>At least one outcome is significantly better and none is significantly worse.</summary>
    Improved = 1,

    /// <summary>At least one outcome is significantly worse (whatever the others do).</summary>
    Worse = 2,
}
