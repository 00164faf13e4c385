namespace InternalCustomer.Improvement;

/// <summary>Reasons to read an <see cref="ActionEffect"/> with care; a combination of flags, <see cref="None"/> when there is none.</summary>
[Flags]
public enum EffectCaveats
{
    /// <summary>Nothing to warn about.</summary>
    None = 0,

    /// <summary>The relationship has fewer than <see cref="EffectOptions.MinimumResponses"/> responses in the before or the after window.</summary>
    FewResponses = 1,

    /// <summary>Another action on the same relationship ran (from its start to its completion, or to <see cref="EffectOptions.AsOf"/>
    /// when it has no completion date) during the before or the after window, so the change cannot be credited to this action alone.</summary>
    OverlappingAction = 2,

    /// <summary>No difference-in-differences test was made: there is no control relationship, or no difference-in-differences
    /// (of CSAT, on-time rate or mean score) has a p-value; the verdict rests on the raw before/after tests, which an
    /// organisation-wide drift or regression to the mean can move.</summary>
    NoControls = 4,

    /// <summary>The after window was cut at <see cref="EffectOptions.AsOf"/>, so it is shorter than the before window.</summary>
    AfterWindowCut = 8,
}
