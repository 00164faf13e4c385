using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// The day-by-day baseline: for every local date in the span, every window of that date is mapped to instants through the
/// zone intervals around it (correct across DST changes), then clipped to the span. Cost grows with the days in the span.
/// </summary>
internal sealed class NaiveBusinessCalendar(BusinessCalendar calendar)
{
    private static readonly Duration Margin = Duration.FromHours(20);

    public Duration BusinessTime(Instant start, Instant end)
    {
        var total = Duration.Zero;
        var last = end.InZone(calendar.Zone).Date.PlusDays(1);
        for (var date = start.InZone(calendar.Zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
        {
            if (calendar.Holidays.Contains(date))
            {
                continue;
            }

            foreach (var window in calendar.WindowsOn(date.DayOfWeek))
            {
                foreach (var (s, e) in Pieces(date, window))
                {
                    var a = Instant.Max(s, start);
                    var b = Instant.Min(e, end);
                    if (a < b)
                    {
                        total += b - a;
                    }
                }
            }
        }

        return total;
    }

    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return start;
        }

        var remaining = amount;
        var pieces = new List<(Instant Start, Instant End)>();
        for (var date = start.InZone(calendar.Zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            if (calendar.Holidays.Contains(date))
            {
                continue;
            }

            pieces.Clear();
            foreach (var window in calendar.WindowsOn(date.DayOfWeek))
            {
                pieces.AddRange(Pieces(date, window));
            }

            pieces.Sort();
            foreach (var (s, e) in pieces)
            {
                var a = Instant.Max(s, start);
                if (a >= e)
                {
                    continue;
                }

                if (e - a >= remaining)
                {
                    return a + remaining;
                }

                remaining -= e - a;
            }
        }
    }

    /// <summary>The instant ranges whose local date-time lies in the window on the date (two on a fall-back overlap).</summary>
    private IEnumerable<(Instant Start, Instant End)> Pieces(LocalDate date, WorkingWindow window)
    {
        var localStart = date.At(window.Start).InUtc().ToInstant();
        var localEnd = window.EndsAtMidnight ? date.PlusDays(1).AtMidnight().InUtc().ToInstant() : date.At(window.End).InUtc().ToInstant();
        var zone = calendar.Zone;
        var interval = zone.GetZoneInterval(localStart - Margin);
        while (true)
        {
            var offset = interval.WallOffset.ToTimeSpan();
            var s = localStart - Duration.FromTimeSpan(offset);
            var e = localEnd - Duration.FromTimeSpan(offset);
            if (interval.HasStart && interval.Start > s)
            {
                s = interval.Start;
            }

            if (interval.HasEnd && interval.End < e)
            {
                e = interval.End;
            }

            if (s < e)
            {
                yield return (s, e);
            }

            if (!interval.HasEnd || interval.End >= localEnd + Margin)
            {
                yield break;
            }

            interval = zone.GetZoneInterval(interval.End);
        }
    }
}
