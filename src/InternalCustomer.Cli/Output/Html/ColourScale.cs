using System.Globalization;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>
/// The heat map's colour scale for a share in [0, 1] (CSAT): red at 0, yellow at ½, green at 1 (ColorBrewer's RdYlGn
/// end and middle colours), linear in RGB between them; a share outside [0, 1] is clamped. Light enough in the middle
/// to print on white, with <see cref="TextOn"/> choosing black or white text for contrast.
/// </summary>
internal static class ColourScale
{
    /// <summary>The colour of a share of 0.</summary>
    internal const string Low = "#d73027";

    /// <summary>The colour of a share of ½.</summary>
    internal const string Middle = "#fee08b";

    /// <summary>The colour of a share of 1.</summary>
    internal const string High = "#1a9850";

    /// <summary>The colour of <paramref name="share"/>, <c>#rrggbb</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="share"/> is not a number.</exception>
    internal static string Of(double share)
    {
        if (double.IsNaN(share))
        {
            throw new ArgumentException("Expected a share in [0, 1]; got NaN.", nameof(share));
        }

        var s = Math.Clamp(share, 0, 1);
        return s <= 0.5 ? Mix(Low, Middle, s / 0.5) : Mix(Middle, High, (s - 0.5) / 0.5);
    }

    /// <summary>Black or white, whichever contrasts more with <paramref name="background"/> (WCAG relative luminance).</summary>
    internal static string TextOn(string background)
    {
        var (r, g, b) = Rgb(background);
        static double Linear(int c) => c / 255.0 <= 0.03928 ? c / 255.0 / 12.92 : Math.Pow(((c / 255.0) + 0.055) / 1.055, 2.4);
        var luminance = (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));

        // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at L ≈ 0.179.
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    private static string Mix(string from, string to, double t)
    {
        var (r0, g0, b0) = Rgb(from);
        var (r1, g1, b1) = Rgb(to);
        int Channel(int a, int b) => (int)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(r0, r1):x2}{Channel(g0, g1):x2}{Channel(b0, b1):x2}");
    }

    private static (int R, int G, int B) Rgb(string hex) =>
        (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
