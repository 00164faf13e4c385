namespace InternalCustomer.Agreements;

/// <summary>The evaluation of one <see cref="BurnRateAlertRule"/> at an instant.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="LongWindow">The decided requests and error budget over the long look-back <c>[asOf − long, asOf)</c>.</param>
/// <param name="ShortWindow">The decided requests and error budget over the short look-back <c>[asOf − short, asOf)</c>.</param>
public sealed record BurnRateAlert(BurnRateAlertRule Rule, ErrorBudget LongWindow, ErrorBudget ShortWindow)
{
    /// <summary>Gets a value indicating whether the alert fires: both burn rates exceed the rule's threshold (strictly, as in the SRE workbook's expressions).</summary>
    public bool IsFiring => LongWindow.BurnRate > Rule.BurnRate && ShortWindow.BurnRate > Rule.BurnRate;
}
