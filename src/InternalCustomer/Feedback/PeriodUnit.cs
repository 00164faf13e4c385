namespace InternalCustomer.Feedback;

/// <summary>Calendar-aligned reporting periods for grouping feedback by time.</summary>
public enum PeriodUnit
{
    /// <summary>A calendar month (1st to last day).</summary>
    Month = 1,

    /// <summary>A calendar quarter: January–March, April–June, July–September, October–December.</summary>
    Quarter = 2,

    /// <summary>A calendar year.</summary>
    Year = 3,
}
