namespace InternalCustomer.Agreements;

/// <summary>The kinds of service level objective an agreement can hold.</summary>
public enum ObjectiveKind
{
    /// <summary>Time to first response: the timer stops at the first response (or, without one, at the first resolution).</summary>
    FirstResponse = 1,

    /// <summary>Time to resolution: the timer stops at the final resolution.</summary>
    Resolution = 2,

    /// <summary>Satisfaction of the consumer, judged from feedback (for example CSAT at least 80%).</summary>
    Satisfaction = 3,
}
