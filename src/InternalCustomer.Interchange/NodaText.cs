using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Interchange;

/// <summary>
/// ISO-8601 text for NodaTime values, as every document of this package writes them: instants as
/// date-times with an offset (written in UTC with <c>Z</c>; any offset read), dates <c>2026-03-29</c>,
/// times <c>09:30</c> or <c>09:30:15.5</c>, periods <c>P3M</c>, durations <c>PT4H30M</c>, intervals
/// <c>start/end</c> (an empty end for an open end).
/// </summary>
internal static class NodaText
{
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimeReadPattern = LocalTimePattern.ExtendedIso;
    private static readonly PeriodPattern IsoPeriod = PeriodPattern.NormalizingIso;

    internal const string InstantExample = "2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00";

    internal static string Format(Instant instant) => InstantPattern.Format(instant.WithOffset(Offset.Zero));

    /// <summary>The instants the library supports (<see cref="SupportedRange"/>), as said in the messages about an instant outside them.</summary>
    internal static readonly string InstantRange =
        $"from {Format(SupportedRange.MinInstant)} (inclusive) to {Format(SupportedRange.MaxInstant)} (exclusive), the range the library supports";

    /// <summary>What the messages about a bad instant say was expected.</summary>
    internal static readonly string InstantExpected = "an instant such as " + InstantExample + " (in UTC " + InstantRange + ")";

    /// <summary>The dates the library supports (<see cref="SupportedRange"/>), as said in the messages about a date outside them.</summary>
    internal static readonly string DateRange =
        $"from {Format(SupportedRange.MinDate)} to {Format(SupportedRange.MaxDate)} (both inclusive), the range the library supports";

    /// <summary>What the messages about a bad date say was expected.</summary>
    internal static readonly string DateExpected = $"an ISO-8601 date such as \"2026-01-01\" ({DateRange})";

    /// <summary>
    /// Parses an instant; false (never an exception) when the text is not one or when it lies outside the supported range
    /// (<see cref="SupportedRange"/>), its offset applied: <c>2200-12-31T23:00:00-02:00</c> is 2201-01-01 in UTC, and
    /// <c>9999-12-31T23:00:00-02:00</c>, which NodaTime cannot hold, is refused without converting it.
    /// </summary>
    internal static bool TryParseInstant(string text, out Instant instant) =>
        TryParseInstantBetween(text, SupportedRange.MinInstant, LastSupportedInstant, out instant);

    private static readonly Instant LastSupportedInstant = SupportedRange.MaxInstant - Duration.Epsilon;

    /// <summary>The instants a summary state may carry: the supported range and the window ends computed after it, up to
    /// <see cref="SupportedRange.ComputationLimit"/> (a year's window in a zone west of UTC ends after 2201-01-01T00:00:00Z).</summary>
    internal static readonly string StateInstantRange =
        $"from {Format(SupportedRange.MinInstant)} to {Format(SupportedRange.ComputationLimit)} (both inclusive), the supported range and the window ends computed after it";

    /// <summary>What the messages about a bad instant in a summary state say was expected.</summary>
    internal static readonly string StateInstantExpected = "an instant such as " + InstantExample + " (in UTC " + StateInstantRange + ")";

    /// <summary>Whether an instant may be carried by a summary state (see <see cref="StateInstantRange"/>).</summary>
    internal static bool IsStateInstant(Instant instant) => instant >= SupportedRange.MinInstant && instant <= SupportedRange.ComputationLimit;

    /// <summary>Parses an instant of a summary state; false (never an exception) when the text is not one or lies outside
    /// <see cref="StateInstantRange"/>.</summary>
    internal static bool TryParseStateInstant(string text, out Instant instant) =>
        TryParseInstantBetween(text, SupportedRange.MinInstant, SupportedRange.ComputationLimit, out instant);

    /// <summary>Parses an instant from <paramref name="first"/> to <paramref name="last"/>, both inclusive and far inside NodaTime's
    /// range; false (never an exception) otherwise.</summary>
    private static bool TryParseInstantBetween(string text, Instant first, Instant last, out Instant instant)
    {
        instant = default;
        var result = InstantPattern.Parse(text);

        // An offset is at most 18 hours, so a local date-time from the year before the first (1899) to the year after the last
        // (9001 at most) converts without leaving NodaTime's range (9999-12-31T23:00:00-02:00 would not); the instant is then
        // compared with the bounds.
        if (!result.Success || result.Value.Year < FirstYear - 1 || result.Value.Year > LastYear + 1)
        {
            return false;
        }

        var value = result.Value.ToInstant();
        if (value < first || value > last)
        {
            return false;
        }

        instant = value;
        return true;
    }

    private static readonly int FirstYear = SupportedRange.MinInstant.InUtc().Year;
    private static readonly int LastYear = SupportedRange.ComputationLimit.InUtc().Year;

    internal static string Format(LocalDate date) => DatePattern.Format(date);

    /// <summary>Parses an ISO date; false (never an exception) when the text is not one or when it lies outside the supported
    /// dates (<see cref="SupportedRange"/>).</summary>
    internal static bool TryParseDate(string text, out LocalDate date)
    {
        var result = DatePattern.Parse(text);
        var ok = result.Success && SupportedRange.Contains(result.Value);
        date = ok ? result.Value : default;
        return ok;
    }

    internal static string Format(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0
            ? LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(time)
            : TimeReadPattern.Format(time);

    internal static bool TryParseTime(string text, out LocalTime time)
    {
        var result = TimeReadPattern.Parse(text);
        if (!result.Success)
        {
            result = LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(text);
        }

        time = result.Success ? result.Value : default;
        return result.Success;
    }

    // Periods keep their units (P6W stays six weeks, not 42 days), so the round-trip pattern; for the
    // periods an agreement uses (years, months, weeks, days, hours, minutes, seconds) it is ISO-8601.
    internal static string Format(Period period) => PeriodPattern.Roundtrip.Format(period);

    internal static bool TryParsePeriod(string text, [NotNullWhen(true)] out Period? period)
    {
        var result = PeriodPattern.Roundtrip.Parse(text);
        period = result.Success ? result.Value : null;
        return result.Success;
    }

    /// <summary>
    /// Formats a duration with a time part only, in hours, minutes and seconds (<c>PT48H</c>, never <c>P2D</c>): business
    /// time is counted in working hours, and a day part would read as business days (see <see cref="CheckBusinessTime"/>).
    /// </summary>
    internal static string Format(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "PT0S";
        }

        // Each part carries the sign, as NodaTime's ISO pattern writes a negative period ("PT-1H-30M").
        var nanoseconds = (Int128)duration.ToInt64Nanoseconds();
        var hours = (long)(nanoseconds / NodaConstants.NanosecondsPerHour);
        var minutes = (long)(nanoseconds % NodaConstants.NanosecondsPerHour / NodaConstants.NanosecondsPerMinute);
        var rest = (long)(nanoseconds % NodaConstants.NanosecondsPerMinute);
        var text = new System.Text.StringBuilder("PT");
        if (hours != 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        }

        if (minutes != 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        }

        if (rest != 0)
        {
            var seconds = rest / NodaConstants.NanosecondsPerSecond;
            var fraction = Math.Abs(rest % NodaConstants.NanosecondsPerSecond);
            text.Append(rest < 0 && seconds == 0 ? "-0" : seconds.ToString(CultureInfo.InvariantCulture));
            if (fraction != 0)
            {
                text.Append('.').Append(fraction.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            text.Append('S');
        }

        return text.ToString();
    }

    /// <summary>
    /// Why an ISO-8601 duration cannot be business time, or <see langword="null"/> when it has a time part only (or is no
    /// ISO-8601 duration at all, which <see cref="TryParseDuration"/> reports). A date part (days, weeks, months, years) is
    /// refused: <c>P2D</c> would mean 48 hours of working time, six working days of eight hours, where whoever wrote it
    /// almost always meant two business days; the message says both readings and how to write each.
    /// </summary>
    /// <param name="text">The text as written.</param>
    /// <param name="businessDaysProperty">The name of the property that gives business days, for the message.</param>
    internal static string? CheckBusinessTime(string text, string businessDaysProperty)
    {
        var result = IsoPeriod.Parse(text);
        if (!result.Success)
        {
            return null;
        }

        var p = result.Value;
        if (p.Years == 0 && p.Months == 0 && p.Weeks == 0 && p.Days == 0)
        {
            return null;
        }

        if (p.Years != 0 || p.Months != 0)
        {
            return $"\"{text}\" has a date part in {(p.Years != 0 ? "years" : "months")}, which have no fixed length, so it is no amount of business time. "
                + $"Write business time with a time part only, in hours (such as \"PT160H\" for 160 business hours), or business days as \"{businessDaysProperty}\" (such as \"{businessDaysProperty}\": 20).";
        }

        var hasTime = p.HasTimeComponent;
        if (p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0 || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0)
        {
            return $"\"{text}\" has a date part; business time is a positive ISO-8601 duration with a time part only, such as \"PT4H\", and business days are written as \"{businessDaysProperty}\" (such as \"{businessDaysProperty}\": 2).";
        }

        // Worked out from the duration alone, 24 hours a day (as the text would have been read), in 128 bits.
        var days = (Int128)p.Weeks * 7 + p.Days;
        var nanoseconds = days * NodaConstants.NanosecondsPerDay
            + (Int128)p.Hours * NodaConstants.NanosecondsPerHour
            + (Int128)p.Minutes * NodaConstants.NanosecondsPerMinute
            + (Int128)p.Seconds * NodaConstants.NanosecondsPerSecond
            + (Int128)p.Milliseconds * NodaConstants.NanosecondsPerMillisecond
            + (Int128)p.Ticks * NodaConstants.NanosecondsPerTick
            + p.Nanoseconds;
        var fits = nanoseconds <= SupportedRange.MaxDuration.ToInt128Nanoseconds();
        var decimals = nanoseconds <= long.MaxValue ? 9 : 0; // past 2^63 ns whole hours suffice, and keep the arithmetic inside 128 bits
        var hoursText = Ratio(nanoseconds, NodaConstants.NanosecondsPerHour, decimals);
        var workingDays = Ratio(nanoseconds, 8 * NodaConstants.NanosecondsPerHour, 2);
        var meant = p.Weeks != 0
            ? $"{Count(p.Weeks, "week")}{(p.Days != 0 ? " and " + Count(p.Days, "day") : string.Empty)}"
            : Count(p.Days, "business day");
        if (hasTime)
        {
            meant += $" and {Ratio(nanoseconds - (days * NodaConstants.NanosecondsPerDay), NodaConstants.NanosecondsPerHour, decimals)} business hours";
        }

        var asTime = fits
            ? $"\"{Format(Duration.FromNanoseconds((long)nanoseconds))}\" for {hoursText} business hours or "
            : "at most \"PT876600H\" of business time (100 years, the longest the library supports) or ";
        var businessDays = p.Weeks != 0 && p.Days == 0 && !hasTime
            ? $"\"{businessDaysProperty}\": {(days / 7 * 5).ToString(CultureInfo.InvariantCulture)} for the {(days / 7 * 5).ToString(CultureInfo.InvariantCulture)} business days of {Count(p.Weeks, "Monday-to-Friday week")}"
            : hasTime
                ? $"\"{businessDaysProperty}\" for whole business days (an objective counts either business time or business days)"
                : $"\"{businessDaysProperty}\": {days.ToString(CultureInfo.InvariantCulture)} for {Count(days, "business day")}";
        return $"\"{text}\" has a date part; as business time it would mean {hoursText} hours of working time ({workingDays} working days of 8 hours), not {meant}. "
            + $"Write {asTime}{businessDays}.";

        static string Count(Int128 n, string unit) =>
            n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";

        // numerator / denominator (both non-negative) with at most the given decimals, rounded half up, in 128 bits.
        static string Ratio(Int128 numerator, long denominator, int decimals)
        {
            var scale = Int128.One;
            for (var i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            var scaled = ((numerator * scale) + (denominator / 2)) / denominator;
            var whole = (scaled / scale).ToString(CultureInfo.InvariantCulture);
            var fraction = (scaled % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
            return fraction.Length == 0 ? whole : whole + "." + fraction;
        }
    }

    /// <summary>The longest duration a document may give (<see cref="SupportedRange.MaxDuration"/>), as said in the messages about a longer one.</summary>
    internal const string DurationRange = "at most 876600 hours (36525 days, 100 years; PT876600H), the longest the library supports";

    /// <summary>
    /// Parses a duration (no years or months); false (never an exception) when the text is not one or when it is
    /// longer than <see cref="SupportedRange.MaxDuration"/> either way (<c>P36526D</c>), worked out in 128 bits so that
    /// a text past the 2^63 - 1 nanoseconds <see cref="Period.ToDuration"/> can count (<c>P106752D</c>) is refused too.
    /// </summary>
    internal static bool TryParseDuration(string text, out Duration duration)
    {
        duration = default;
        var result = IsoPeriod.Parse(text);
        if (!result.Success || result.Value.Years != 0 || result.Value.Months != 0)
        {
            return false;
        }

        // Each field is at most a long, so each product and their sum fit in 128 bits.
        var p = result.Value;
        var nanoseconds =
            ((Int128)p.Weeks * 7 + p.Days) * NodaConstants.NanosecondsPerDay
            + (Int128)p.Hours * NodaConstants.NanosecondsPerHour
            + (Int128)p.Minutes * NodaConstants.NanosecondsPerMinute
            + (Int128)p.Seconds * NodaConstants.NanosecondsPerSecond
            + (Int128)p.Milliseconds * NodaConstants.NanosecondsPerMillisecond
            + (Int128)p.Ticks * NodaConstants.NanosecondsPerTick
            + p.Nanoseconds;
        var longest = SupportedRange.MaxDuration.ToInt128Nanoseconds();
        if (nanoseconds > longest || nanoseconds < -longest)
        {
            return false;
        }

        duration = Duration.FromNanoseconds((long)nanoseconds);
        return true;
    }

    internal static string Format(Interval interval) =>
        (interval.HasStart ? Format(interval.Start) : string.Empty) + "/" + (interval.HasEnd ? Format(interval.End) : string.Empty);

    internal static bool TryParseInterval(string text, out Interval interval)
    {
        interval = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        Instant? start = null;
        Instant? end = null;
        if (slash > 0)
        {
            if (!TryParseInstant(text[..slash], out var s))
            {
                return false;
            }

            start = s;
        }

        if (slash < text.Length - 1)
        {
            if (!TryParseInstant(text[(slash + 1)..], out var e))
            {
                return false;
            }

            end = e;
        }

        if (start is { } a && end is { } b && b < a)
        {
            return false;
        }

        interval = new Interval(start, end);
        return true;
    }
}
