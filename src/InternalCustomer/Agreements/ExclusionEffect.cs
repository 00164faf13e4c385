namespace InternalCustomer.Agreements;

/// <summary>What an <see cref="ExclusionWindow"/> takes out of an agreement's compliance and budgets.</summary>
public enum ExclusionEffect
{
    /// <summary>Requests opened inside the window are not measured at all (<see cref="SlaState.Excluded"/>): an incident or
    /// maintenance whose tickets should not count, the SLO correction of Sloth #529 and Kibana #209245.</summary>
    ExcludeRequests = 1,

    /// <summary>The window's time does not count on any request's clock, as if every request were paused during it
    /// (a planned outage of a system the provider depends on).</summary>
    ExcludeTime = 2,
}
