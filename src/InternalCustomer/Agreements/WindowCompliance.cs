using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>The compliance of one objective in one window: the requests decided in it and their error budget.</summary>
/// <param name="Window">The window <c>[start, end)</c>; a request counts here when its decision instant lies in it.</param>
/// <param name="Budget">The decided requests (met and breached) and the error budget they leave against the target.</param>
public readonly record struct WindowCompliance(Interval Window, ErrorBudget Budget)
{
    /// <summary>Gets the number of requests decided in the window.</summary>
    public long Decided => Budget.Decided;

    /// <summary>Gets the number of requests decided as met in the window.</summary>
    public long Met => Budget.Met;

    /// <summary>Gets the number of requests decided as breached in the window.</summary>
    public long Breached => Budget.Breached;

    /// <summary>Gets met / decided, or <see langword="null"/> when nothing was decided in the window.</summary>
    public double? Compliance => Budget.Compliance;
}
