namespace InternalCustomer.Improvement;

/// <summary>One of the outcomes an <see cref="ActionEffect"/> judges.</summary>
public enum EffectOutcome
{
    /// <summary>The share of satisfied responses (<see cref="ActionEffect.Csat"/>).</summary>
    Csat = 0,

    /// <summary>The share of requests on time (<see cref="ActionEffect.OnTime"/>).</summary>
    OnTime = 1,

    /// <summary>The mean overall score (<see cref="ActionEffect.MeanScore"/>).</summary>
    MeanScore = 2,
}
