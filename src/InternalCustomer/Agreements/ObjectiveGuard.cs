using System.Globalization;

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

    internal static double Target(double target, string parameterName)
    {
        var problem = CheckTarget(target);
        return problem is null ? target : throw new ArgumentOutOfRangeException(parameterName, target, problem);
    }
}
