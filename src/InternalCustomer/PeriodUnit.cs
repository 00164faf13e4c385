namespace InternalCustomer;

/// <summary>The length of a calendar-aligned period: a compliance window (<c>ComplianceWindows.Aligned</c>) or a
/// feedback reporting period (<c>FeedbackGrouping</c>), in the local dates of a time zone.</summary>
public enum PeriodUnit
{
    /// <summary>A calendar month, from the first day of a month to the first day of the next.</summary>
    Month = 1,

    /// <summary>A calendar quarter: January–March, April–June, July–September or October–December.</summary>
    Quarter = 2,

    /// <summary>A calendar year, from 1 January to the next 1 January.</summary>
    Year = 3,
}
