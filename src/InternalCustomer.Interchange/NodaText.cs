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

    internal static string Format(Instant instant) => InstantPattern.Format(instant.WithOffset(Offset.Zero));

    internal static bool TryParseInstant(string text, out Instant instant)
    {
        var result = InstantPattern.Parse(text);
        instant = result.Success ? result.Value.ToInstant() : default;
        return result.Success;
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

    internal static bool TryParseDuration(string text, out Duration duration)
    {
        var result = IsoPeriod.Parse(text);
        if (result.Success && result.Value.Years == 0 && result.Value.Months == 0)
        {
            duration = result.Value.ToDuration();
            return true;
        }

        duration = default;
        return false;
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
