using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// <see cref="BusinessCalendar.BusinessTime"/>, <see cref="BusinessCalendar.AddBusinessTime"/> and
/// <see cref="BusinessCalendar.AddBusinessDays"/> with 10 versus 10,000 special days in one run: the calls must cost the same
/// (constant time in the number of special days). Calendar: Europe/Berlin, Monday to Friday 09:00-17:00, 10 holidays a
/// year 2000-2060, and special days from 2000-01-03 on, one every second day while they last (10 reach 2000-01-21,
/// 10,000 reach 2054-10): cycling through a half day (09:00-12:00), a worked weekend day or evening (10:00-14:00), and a
/// closed day. Each row is the mean per call over 16 start instants spread through 2026 (inside the 10,000 special days'
/// range, after the 10 special days' range), with spans of 31 days and 5 business days.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CalendarExceptionBenchmarks
{
    private const int Starts = 16;

    private readonly Instant[] _start = new Instant[Starts];
    private readonly Instant[] _end = new Instant[Starts];
    private readonly Duration[] _amount = new Duration[Starts];
    private BusinessCalendar _calendar = null!;

    /// <summary>Gets or sets the number of special days.</summary>
    [Params(10, 10_000)]
    public int SpecialDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var holidays = new HashSet<LocalDate>();
        for (var year = 2000; year <= 2060; year++)
        {
            foreach (var (month, day) in new[] { (1, 1), (4, 3), (4, 6), (5, 1), (5, 14), (5, 25), (10, 3), (12, 25), (12, 26), (12, 31) })
            {
                holidays.Add(new LocalDate(year, month, day));
            }
        }

        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin").WithHolidays(holidays);
        var special = new List<SpecialDay>();
        for (var date = new LocalDate(2000, 1, 3); special.Count < SpecialDays; date = date.PlusDays(2))
        {
            if (holidays.Contains(date))
            {
                continue;
            }

            special.Add((special.Count % 3) switch
            {
                0 => calendar.PartDayClosure(date, new LocalTime(12, 0)),
                1 => new SpecialDay(date, [new(new LocalTime(10, 0), new LocalTime(14, 0))]),
                _ => SpecialDay.Closed(date),
            });
        }

        _calendar = calendar.WithSpecialDays(special);
        for (var i = 0; i < Starts; i++)
        {
            _start[i] = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i * 32_887L); // every ~22.8 days, varied times
            _end[i] = _start[i] + Duration.FromDays(31);
            _amount[i] = _calendar.BusinessTime(_start[i], _end[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Starts)]
    [BenchmarkCategory("BusinessTime")]
    public Duration BusinessTime()
    {
        var sum = Duration.Zero;
        for (var i = 0; i < Starts; i++)
        {
            sum += _calendar.BusinessTime(_start[i], _end[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Starts)]
    [BenchmarkCategory("AddBusinessTime")]
    public Instant AddBusinessTime()
    {
        var last = Instant.MinValue;
        for (var i = 0; i < Starts; i++)
        {
            last = Instant.Max(last, _calendar.AddBusinessTime(_start[i], _amount[i]));
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Starts)]
    [BenchmarkCategory("AddBusinessDays")]
    public Instant AddBusinessDays()
    {
        var last = Instant.MinValue;
        for (var i = 0; i < Starts; i++)
        {
            last = Instant.Max(last, _calendar.AddBusinessDays(_start[i], 5));
        }

        return last;
    }
}
