namespace InternalCustomer.Agreements;

/// <summary>How urgently a burn-rate alert asks for attention (the SRE workbook's two levels).</summary>
public enum AlertSeverity
{
    /// <summary>Someone should act now: the error budget burns fast.</summary>
    Page = 1,

    /// <summary>Someone should look within working hours: the error budget burns slowly but steadily.</summary>
    Ticket = 2,
}
