using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>A calendar and a span <c>[Start, End)</c> of at most 60 days, both ends on whole minutes.</summary>
public sealed record CalendarSpan(BusinessCalendar Calendar, Instant Start, Instant End)
{
    public override string ToString() => $"{Calendar} | holidays {string.Join(",", Calendar.Holidays)} | [{Start}, {End})";
}

/// <summary>A calendar with working time and three nanosecond-precise instants a &lt;= b &lt;= c, up to two years apart.</summary>
public sealed record CalendarTriple(BusinessCalendar Calendar, Instant A, Instant B, Instant C)
{
    public override string ToString() => $"{Calendar} | holidays {string.Join(",", Calendar.Holidays)} | {A} {B} {C}";
}

/// <summary>FsCheck generators for business calendars: random zones (mostly with DST), windows, holidays and spans.</summary>
public static class CalendarGenerators
{
    /// <summary>Zones whose transitions and offsets fall on whole minutes, so the minute-stepping reference is exact.</summary>
    public static readonly string[] Zones =
    [
        "America/New_York", "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Shanghai",
        "Europe/Berlin", "Australia/Sydney", "America/Santiago", "Pacific/Chatham", "Asia/Kolkata", "America/Havana", "UTC",
    ];

    public static Gen<string> Zone => Gen.Elements(Zones);

    /// <summary>0 to 3 non-overlapping windows on whole minutes (sometimes from 00:00, sometimes to midnight).</summary>
    public static Gen<WorkingWindow[]> DayWindows =>
        from count in Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from cuts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1440)), (1, Gen.Elements(60, 90, 120, 150, 180, 240)), (6, Gen.Choose(0, 1440))), 2 * count)
        select Windows(cuts);

    public static Gen<BusinessCalendar> Calendar(int firstYear, int lastYear) =>
        from zone in Zone
        from days in Gen.ArrayOf(DayWindows, 7)
        from holidayCount in Gen.Choose(0, 6)
        from holidays in Gen.ArrayOf(Date(firstYear, lastYear), holidayCount)
        select Build(zone, days, holidays);

    /// <summary>A day near a DST transition of the zone half the time, otherwise any day in the range.</summary>
    public static Gen<Instant> MinuteNear(string zoneId, int firstYear, int lastYear) =>
        from useTransition in Gen.Elements(true, false)
        from year in Gen.Choose(firstYear, lastYear)
        from dayOfYear in Gen.Choose(0, 364)
        from minute in Gen.Choose(-3 * 1440, 3 * 1440)
        select Near(zoneId, year, dayOfYear, useTransition) + Duration.FromMinutes(minute);

    public static Gen<CalendarSpan> SpanGen(int firstYear, int lastYear) =>
        from calendar in Calendar(firstYear, lastYear)
        from start in MinuteNear(calendar.ZoneId, firstYear, lastYear)
        from minutes in Gen.Frequency((3, Gen.Choose(0, 3 * 1440)), (1, Gen.Choose(0, 60 * 1440)))
        from holidays in Gen.ArrayOf(Gen.Choose(-2, 62), 3)
        from special in SpecialDays(-2, 62)
        select new CalendarSpan(
            WithSpecialDays(calendar.WithHolidays(calendar.Holidays.Concat(holidays.Select(h => start.InUtc().Date.PlusDays(h)))), start, special),
            start,
            start + Duration.FromMinutes(minutes));

    /// <summary>0 to 4 special days as (offset in days from a start date, windows): closures, part days, make-up days.</summary>
    public static Gen<(int Offset, WorkingWindow[] Windows)[]> SpecialDays(int first, int last) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 4)))
        from days in Gen.ArrayOf(
            from offset in Gen.Choose(first, last)
            from windows in Gen.Frequency((1, Gen.Constant(Array.Empty<WorkingWindow>())), (4, DayWindows))
            select (offset, windows),
            count)
        select days;

    /// <summary>Adds special days at offsets from the start's UTC date, skipping holidays and repeated dates.</summary>
    public static BusinessCalendar WithSpecialDays(BusinessCalendar calendar, Instant start, (int Offset, WorkingWindow[] Windows)[] special) =>
        calendar.WithSpecialDays(special
            .Select(d => (Date: start.InUtc().Date.PlusDays(d.Offset), d.Windows))
            .Where(d => !calendar.Holidays.Contains(d.Date))
            .DistinctBy(d => d.Date)
            .Select(d => new SpecialDay(d.Date, d.Windows)));

    /// <summary>Spans within 2015-2030 (includes Sao Paulo's last DST years).</summary>
    public static Arbitrary<CalendarSpan> Spans() => SpanGen(2015, 2030).ToArbitrary();

    public static Arbitrary<CalendarTriple> Triples() =>
        (from plain in Calendar(2010, 2035)
         where plain.HasWorkingTime
         from a in MinuteNear(plain.ZoneId, 2015, 2030)
         from special in SpecialDays(-3, 30)
         let calendar = WithSpecialDays(plain, a, special)
         from nanosA in Gen.Choose(0, int.MaxValue)
         from gap1 in Gen.Frequency((3, Gen.Choose(0, 7 * 1440)), (1, Gen.Choose(0, 730 * 1440)))
         from gap2 in Gen.Frequency((3, Gen.Choose(0, 7 * 1440)), (1, Gen.Choose(0, 730 * 1440)))
         from nanosB in Gen.Choose(0, int.MaxValue)
         from nanosC in Gen.Choose(0, int.MaxValue)
         let aa = a.PlusNanoseconds(nanosA % 60_000_000_000L)
         let bb = aa + Duration.FromMinutes(gap1) + Duration.FromNanoseconds(nanosB)
         let cc = bb + Duration.FromMinutes(gap2) + Duration.FromNanoseconds(nanosC)
         select new CalendarTriple(calendar, aa, bb, cc)).ToArbitrary();

    private static Gen<LocalDate> Date(int firstYear, int lastYear) =>
        from year in Gen.Choose(firstYear, lastYear)
        from day in Gen.Choose(0, 364)
        select new LocalDate(year, 1, 1).PlusDays(day);

    private static WorkingWindow[] Windows(int[] cuts)
    {
        var sorted = cuts.Distinct().Order().ToArray();
        var windows = new List<WorkingWindow>();
        for (var i = 0; i + 1 < sorted.Length; i += 2)
        {
            windows.Add(new WorkingWindow(TimeOfMinute(sorted[i]), TimeOfMinute(sorted[i + 1])));
        }

        return [.. windows];
    }

    private static LocalTime TimeOfMinute(int minute) => minute == 1440 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(minute);

    private static BusinessCalendar Build(string zone, WorkingWindow[][] days, LocalDate[] holidays)
    {
        var map = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>();
        for (var d = 0; d < 7; d++)
        {
            // Shuffle-free but unsorted input on purpose: the calendar sorts.
            map[(IsoDayOfWeek)(d + 1)] = [.. days[d].Reverse()];
        }

        return BusinessCalendar.Create(zone, map, holidays);
    }

    private static Instant Near(string zoneId, int year, int dayOfYear, bool useTransition)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var day = Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromDays(dayOfYear);
        if (useTransition)
        {
            var interval = zone.GetZoneInterval(day);
            if (interval.HasEnd && interval.End < Instant.FromUtc(year + 2, 1, 1, 0, 0))
            {
                return interval.End;
            }
        }

        return day;
    }
}
