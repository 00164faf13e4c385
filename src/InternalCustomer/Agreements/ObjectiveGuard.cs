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

    /// <summary>The target of a window whose decided requests were measured against different targets: the budget is the sum
    /// of theirs, so the target is one minus the mean allowed breach share (<paramref name="allowance"/> = Σ(1 − tᵢ)); the
    /// nominal target when the targets were all equal (no allowance kept) or nothing was decided.</summary>
    internal static double PooledTarget(double nominal, double[]? allowance, int k, long decided) =>
        allowance is null || decided == 0 ? nominal : Math.Clamp(1 - (allowance[k] / decided), 0, Math.BitDecrement(1.0));

    internal static double Target(double target, string parameterName)
    {
        var problem = CheckTarget(target);
        return problem is null ? target : throw new ArgumentOutOfRangeException(parameterName, target, problem);
    }
}
