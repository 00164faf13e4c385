namespace InternalCustomer.Feedback.Statistics;

/// <summary>The four quadrants of importance–performance analysis (Martilla &amp; James 1977).</summary>
public enum ImportancePerformanceQuadrant
{
    /// <summary>High importance, low performance: improve this first.</summary>
    ConcentrateHere = 0,

    /// <summary>High importance, high performance: a strength to keep.</summary>
    KeepUpTheGoodWork = 1,

    /// <summary>Low importance, low performance: not worth much effort.</summary>
    LowPriority = 2,

    /// <summary>Low importance, high performance: effort that might be better spent elsewhere.</summary>
    PossibleOverkill = 3,
}
