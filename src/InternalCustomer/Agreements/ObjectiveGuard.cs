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

    internal static double Target(double target, string parameterName)
    {
        var problem = CheckTarget(target);
        return problem is null ? target : throw new ArgumentOutOfRangeException(parameterName, target, problem);
    }
}
