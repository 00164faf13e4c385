using System.Globalization;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>Argument checks shared by the objective types.</summary>
internal static class ObjectiveGuard
{
    /// <summary>Why a target ratio is out of range, or <see langword="null"/> when it is in [0, 1).</summary>
    internal static string? CheckTarget(double target) =>
        target is >= 0 and < 1
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Target ratio must be in [0, 1); got {target}.");

    /// <summary>Why warning thresholds are not fractions in (0, 1], strictly increasing, or <see langword="null"/> when they are.</summary>
    internal static string? CheckWarningThresholds(IReadOnlyList<double> thresholds)
    {
        for (var i = 0; i < thresholds.Count; i++)
        {
            if (!(thresholds[i] is > 0 and <= 1) || (i > 0 && thresholds[i] <= thresholds[i - 1]))
            {
                var shown = string.Join(", ", thresholds.Select(t => t.ToString(CultureInfo.InvariantCulture)));
                return $"Warning thresholds must be fractions in (0, 1], strictly increasing; got [{shown}].";
            }
        }

        return null;
    }

    /// <summary>The target of a window whose decided requests were measured against different targets: the budget is the sum
    /// of theirs, so the target is one minus the mean allowed breach share (<paramref name="allowance"/> = Σ(1 − tᵢ)); the
    /// nominal target when the targets were all equal (no allowance kept) or nothing was decided.</summary>
    internal static double PooledTarget(double nominal, double[]? allowance, int k, long decided) =>
        allowance is null || decided == 0 ? nominal : Math.Clamp(1 - (allowance[k] / decided), 0, Math.BitDecrement(1.0));

    /// <summary>Why a calendar works too little to count an objective of the agreement after the supported range, or
    /// <see langword="null"/> when it works enough for each (see <see cref="CheckReach(BusinessCalendar, TimeObjective)"/>).</summary>
    internal static string? CheckReach(BusinessCalendar calendar, ServiceAgreement agreement)
    {
        foreach (var set in agreement.ObjectiveSets)
        {
            if ((set.FirstResponse is { } f ? CheckReach(calendar, f) : null) is { } first)
            {
                return first;
            }

            if ((set.Resolution is { } r ? CheckReach(calendar, r) : null) is { } resolution)
            {
                return resolution;
            }
        }

        return null;
    }

    /// <summary>Why a calendar works too little to count an objective's allowed time after the supported range (between
    /// <see cref="BusinessCalendar.ReachStart"/> and <see cref="BusinessCalendar.ReachEnd"/>), or <see langword="null"/> when it
    /// works enough.</summary>
    /// <remarks>Every clock of a request in the supported range starts and counts from before <see cref="SupportedRange.MaxInstant"/>,
    /// and the end of an amount of business time only moves later with a later start, so a calendar that works the allowed time
    /// in that stretch gives every such request a deadline before <see cref="SupportedRange.ComputationLimit"/>. An objective of
    /// <c>n</c> business days needs <c>n + 1</c> working days (the clock's first, partly used, and the <c>n</c> after it) of at most
    /// 25 hours each (a day a fall-back change lengthens), so <c>(n + 1) × 25</c> hours bound both its allowed time and the working
    /// days it needs. This is what turns a calendar with a nanosecond of work a week into a problem where it is accepted.</remarks>
    internal static string? CheckReach(BusinessCalendar calendar, TimeObjective objective)
    {
        var needed = objective.BusinessDays is { } days ? Duration.FromHours(25) * (days + 1L) : objective.Within;
        var reach = calendar.Reach;
        if (reach >= needed)
        {
            return null;
        }

        var perDay = objective.BusinessDays is { } n
            ? string.Create(CultureInfo.InvariantCulture, $" (25 hours for each of its {n} business day{(n == 1 ? string.Empty : "s")} and one day more)")
            : string.Empty;
        return $"Expected a calendar that works an objective's allowed time after the supported range, between {SupportedRange.Format(BusinessCalendar.ReachStart)} and "
            + $"{SupportedRange.Format(BusinessCalendar.ReachEnd)}, so that every request's deadline lies before {SupportedRange.Format(SupportedRange.ComputationLimit)}; "
            + $"got {calendar}, which works {reach} there (days:hours:minutes:seconds), less than the {needed} that the objective {objective} needs{perDay}.";
    }

    internal static double Target(double target, string parameterName)
    {
        var problem = CheckTarget(target);
        return problem is null ? target : throw new ArgumentOutOfRangeException(parameterName, target, problem);
    }
}
