using System.Globalization;

namespace InternalCustomer.Improvement;

/// <summary>Argument checks shared by the campaign types.</summary>
internal static class CampaignGuard
{
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> is in (0, 1), the open unit interval.</summary>
    internal static double OpenUnit(double value, string what, string parameterName) =>
        value > 0.0 && value < 1.0
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be in (0, 1); got {Format(value)}.");

    /// <summary>Throws unless <paramref name="value"/> is in (0, 0.5].</summary>
    internal static double UpToHalf(double value, string what, string parameterName) =>
        value > 0.0 && value <= 0.5
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be in (0, 0.5]; got {Format(value)}.");

    internal static void TopBoxes(int topBoxes, string parameterName)
    {
        if (topBoxes < 1)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                topBoxes,
                string.Create(CultureInfo.InvariantCulture, $"The number of top boxes must be at least 1; got {topBoxes}."));
        }
    }
}
