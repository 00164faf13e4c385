using System.Diagnostics.CodeAnalysis;
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

    /// <summary>What the messages about a bad instant say was expected.</summary>
    internal const string InstantExpected = "an instant such as " + InstantExample + " (in UTC " + InstantRange + ")";

    internal static string Format(Instant instant) => InstantPattern.Format(instant.WithOffset(Offset.Zero));

    /// <summary>The instants NodaTime can hold, as said in the messages about an instant outside them.</summary>
    internal const string InstantRange = "from -9998-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";

    private static readonly LocalDateTime FirstUtc = Instant.MinValue.InUtc().LocalDateTime;
    private static readonly LocalDateTime LastUtc = Instant.MaxValue.InUtc().LocalDateTime;

    /// <summary>
    /// Parses an instant; false (never an exception) when the text is not one or when its offset moves it out of
    /// the range NodaTime holds (<c>9999-12-31T23:00:00-02:00</c> is 10000-01-01 in UTC).
    /// </summary>
    internal static bool TryParseInstant(string text, out Instant instant)
    {
        instant = default;
        var result = InstantPattern.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        // local - offset must lie in [FirstUtc, LastUtc], that is local in [FirstUtc + offset, LastUtc + offset];
        // only one bound can be crossed, and moving the bound towards the middle never leaves the range.
        var value = result.Value;
        var seconds = value.Offset.Seconds;
        if ((seconds > 0 && value.LocalDateTime < FirstUtc.PlusSeconds(seconds))
            || (seconds < 0 && value.LocalDateTime > LastUtc.PlusSeconds(seconds)))
        {
            return false;
        }

        instant = value.ToInstant();
        return true;
    }

    internal static string Format(LocalDate date) => DatePattern.Format(date);

    internal static bool TryParseDate(string text, out LocalDate date)
    {
        var result = DatePattern.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
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

    internal static string Format(Duration duration) => IsoPeriod.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds()).Normalize());

    /// <summary>The longest duration a document may give, as said in the messages about a longer one.</summary>
    internal const string DurationRange = "at most 106751 days (about 292 years; PT2562047H)";

    /// <summary>
    /// Parses a duration (no years or months); false (never an exception) when the text is not one or when it is
    /// longer than the 2^63 - 1 nanoseconds <see cref="Period.ToDuration"/> can count (<c>P106752D</c>).
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
        if (nanoseconds > long.MaxValue || nanoseconds < long.MinValue)
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
