using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

// Every DST transition of a year in nine zones, with calendars whose working windows cover the repeated hour of a fall-back
// (00:00-04:00, 22:30-24:00, 24h days) or cut through it (01:00-03:00, 23:15-23:45), plus special days on the transition date
// and next to it: BusinessTime, AddBusinessTime and AddBusinessDays against the minute-by-minute brute force
// (MinuteSteppingCalendar's rule, tabulated once per case: each minute mapped to local time via the zone, its date's windows
// looked up in the calendar's inputs).
public sealed partial class BusinessCalendarTests
{
    public static TheoryData<string, int> DstZones() => new()
    {
        { "Europe/Berlin", 2026 },
        { "Europe/London", 2026 },
        { "America/New_York", 2026 },
        { "America/Sao_Paulo", 2018 }, // midnight transitions: 17 Feb falls back 24:00 to 23:00, 4 Nov skips 00:00-01:00
        { "Australia/Lord_Howe", 2026 }, // 30-minute shift
        { "Australia/Sydney", 2026 },
        { "America/Santiago", 2026 }, // midnight transitions
        { "Pacific/Chatham", 2026 }, // 02:45/03:45 transitions
        { "Asia/Tehran", 2021 }, // midnight transitions, the last year with DST in Iran but one
    };

    [Theory]
    [MemberData(nameof(DstZones))]
    public void Dst_days_agree_with_the_minute_brute_force(string zoneId, int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var transitions = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Skip(1)
            .Select(i => i.Start)
            .ToList();
        Assert.InRange(transitions.Count, 2, 3);
        foreach (var transition in transitions)
        {
            var date = transition.InZone(zone).Date;
            foreach (var calendar in DstCalendars(zoneId, date))
            {
                CheckAgainstBruteForce(calendar, transition);
            }
        }
    }

    private static IEnumerable<BusinessCalendar> DstCalendars(string zoneId, LocalDate date)
    {
        WorkingWindow W(int h1, int m1, int h2, int m2) => new(new LocalTime(h1, m1), h2 == 24 ? LocalTime.Midnight : new LocalTime(h2, m2));
        BusinessCalendar Every(params WorkingWindow[] windows) =>
            BusinessCalendar.Create(zoneId, Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, _ => windows), []);

        var covering = Every(W(0, 0, 4, 0), W(9, 0, 17, 0), W(22, 30, 24, 0));
        var cutting = Every(W(1, 0, 3, 0), W(23, 15, 23, 45));
        var always = BusinessCalendar.AlwaysOpen(zoneId);
        yield return covering;
        yield return cutting;
        yield return always;

        // Weekdays only, with the transition date (and the day before it) worked at night: a make-up day when it is a
        // weekend, a changed day otherwise; the day after closed.
        yield return BusinessCalendar.Weekdays(zoneId, new LocalTime(9, 0), new LocalTime(17, 0)).WithSpecialDays(
        [
            new SpecialDay(date.PlusDays(-1), [W(21, 0, 24, 0)]),
            new SpecialDay(date, [W(0, 30, 2, 15), W(2, 45, 3, 50), W(23, 10, 24, 0)]),
            SpecialDay.Closed(date.PlusDays(1)),
        ]);

        // The covering calendar with a part-day closure on the transition date and a holiday the day after.
        var withHoliday = covering.WithHolidays([date.PlusDays(1)]);
        yield return withHoliday.WithSpecialDays([withHoliday.PartDayClosure(date, new LocalTime(2, 30))]);

        // 24h days, with the day before the transition closed and the transition date a half night.
        yield return always.WithSpecialDays([SpecialDay.Closed(date.PlusDays(-1)), new SpecialDay(date, [W(0, 0, 3, 0)])]);
    }

    private static void CheckAgainstBruteForce(BusinessCalendar calendar, Instant transition)
    {
        var minute = Duration.FromMinutes(1);
        var from = Instant.FromUnixTimeSeconds(transition.ToUnixTimeSeconds() / 86_400 * 86_400) - Duration.FromDays(3);
        const int Minutes = 12 * 1440;
        var working = new bool[Minutes];
        var local = new LocalDateTime[Minutes];
        var before = new int[Minutes + 1]; // working minutes in [from, from + i minutes)
        for (var i = 0; i < Minutes; i++)
        {
            var m = from + (minute * i);
            local[i] = m.InZone(calendar.Zone).LocalDateTime;
            working[i] = MinuteSteppingCalendar.IsWorkingMinute(calendar, m);
            before[i + 1] = before[i] + (working[i] ? 1 : 0);
        }

        Instant At(int i) => from + (minute * i);

        // Starts every 20 minutes over the two days around the transition.
        for (var a = 2 * 1440; a < 4 * 1440 + 60; a += 20)
        {
            var start = At(a);
            foreach (var span in (int[])[0, 61, 7 * 60, 25 * 60, 49 * 60])
            {
                Assert.Equal(Duration.FromMinutes(before[a + span] - before[a]), calendar.BusinessTime(start, At(a + span)));
            }

            foreach (var amount in (int[])[1, 30, 150, 10 * 60])
            {
                var count = 0;
                var i = a;
                while (count < amount)
                {
                    count += working[i++] ? 1 : 0;
                }

                Assert.Equal(At(i), calendar.AddBusinessTime(start, Duration.FromMinutes(amount)));
            }

            if (a % 60 == 0 || (start >= transition - Duration.FromHours(2) && start <= transition + Duration.FromHours(2)))
            {
                for (var days = 0; days <= 2; days++)
                {
                    Assert.True(
                        Expected(a, days) == calendar.AddBusinessDays(start, days),
                        $"{calendar}: {days} business days from {start} ({local[a]}): brute force {Expected(a, days)}, calendar {calendar.AddBusinessDays(start, days)}");
                }
            }
        }

        // "Within N business days" by walking the table: s is the first working minute at or after the start; D the N-th date
        // after s's date that has a window (read from the calendar's inputs); the answer the first working minute with local date
        // D and local time of day at least s's, else the end of D's last working minute.
        Instant Expected(int a, int days)
        {
            var s = a;
            while (!working[s])
            {
                s++;
            }

            if (days == 0)
            {
                return At(s);
            }

            var date = local[s].Date;
            for (var passed = 0; passed < days;)
            {
                date = date.PlusDays(1);
                passed += MinuteSteppingCalendar.IsWorkingDay(calendar, date) ? 1 : 0;
            }

            int? lastEnd = null;
            for (var i = s; i < Minutes; i++)
            {
                if (!working[i] || local[i].Date != date)
                {
                    continue;
                }

                if (local[i].TimeOfDay >= local[s].TimeOfDay)
                {
                    return At(i);
                }

                lastEnd = i + 1;
            }

            Assert.True(lastEnd.HasValue, $"{date} has windows but no working minute in the table");
            return At(lastEnd!.Value);
        }
    }
}
