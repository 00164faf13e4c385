using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>One stretch in which an objective's clock stood still, with its reason (<see cref="SlaTimer.Pauses"/>).</summary>
/// <param name="Interval">When: from the pause's start to its end, or open-ended when it had not ended as of the
/// instant asked about.</param>
/// <param name="Kind">Why: a wait, a reopen gap or the agreement's excluded time.</param>
/// <param name="Status">For a status log, the status entered when the clock stopped running (the waiting status, or the
/// status that stopped it before a reopen); <see langword="null"/> for a shorthand request and for excluded time.</param>
/// <param name="Exclusion">For <see cref="ClockPauseKind.ExcludedTime"/>, the agreement's exclusion window (its
/// <see cref="ExclusionWindow.Reason"/> says why); otherwise <see langword="null"/>.</param>
public readonly record struct ClockPause(Interval Interval, ClockPauseKind Kind, string? Status, ExclusionWindow? Exclusion = null);
