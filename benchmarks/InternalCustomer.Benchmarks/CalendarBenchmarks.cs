using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// <see cref="BusinessCalendar.BusinessTime"/> and <see cref="BusinessCalendar.AddBusinessTime"/> for spans of 1 day,
/// 1 month and 10 years against the naive day-by-day walk (<see cref="NaiveBusinessCalendar"/>) as baseline.
/// Calendar: America/New_York, Monday to Friday 09:00-12:00 and 13:00-17:00, 10 holidays a year 2026-2037.
/// Each call is averaged over 16 start instants spread through 2026 (so spans cross DST changes and holidays).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class CalendarBenchmarks
{
    private const int Starts = 16;

    private readonly Instant[] _start = new Instant[Starts];
    private readonly Instant[] _end = new Instant[Starts];
    private readonly Duration[] _amount = new Duration[Starts];
    private BusinessCalendar _calendar = null!;
    private NaiveBusinessCalendar _naive = null!;

    /// <summary>Gets or sets the span: 1 day, 1 month (31 days) or 10 years (3,653 days).</summary>
    [Params(1, 31, 3653)]
    public int SpanDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var holidays = new List<LocalDate>();
        for (var year = 2026; year <= 2037; year++)
        {
            foreach (var (month, day) in new[] { (1, 1), (1, 19), (2, 16), (5, 25), (6, 19), (7, 3), (9, 7), (11, 26), (11, 27), (12, 25) })
            {
                holidays.Add(new LocalDate(year, month, day));
            }
        }

        var split = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>();
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Friday; d++)
        {
            split[d] = [new(new LocalTime(9, 0), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(17, 0))];
        }

        _calendar = BusinessCalendar.Create("America/New_York", split, holidays);
        _naive = new NaiveBusinessCalendar(_calendar);
        for (var i = 0; i < Starts; i++)
        {
            _start[i] = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i * 32_887L); // every ~22.8 days, varied times
            _end[i] = _start[i] + Duration.FromDays(SpanDays);
            _amount[i] = _calendar.BusinessTime(_start[i], _end[i]);
            if (_naive.BusinessTime(_start[i], _end[i]) != _amount[i]
                || (_amount[i] > Duration.Zero && _naive.AddBusinessTime(_start[i], _amount[i]) != _calendar.AddBusinessTime(_start[i], _amount[i])))
            {
                throw new InvalidOperationException($"Naive and fast calendars disagree from {_start[i]} over {SpanDays} days.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    [BenchmarkCategory("BusinessTime")]
    public Duration BusinessTimeNaive()
    {
        var sum = Duration.Zero;
        for (var i = 0; i < Starts; i++)
        {
            sum += _naive.BusinessTime(_start[i], _end[i]);
        }

        return sum;
    }

    /// <summary>The floor under <see cref="BusinessTime"/> (issue 16, item 3): the two conversions of the span's ends to
    /// local time that any zone-aware business-time function makes.</summary>
    [Benchmark(OperationsPerInvoke = Starts, Description = "floor: two InZone conversions")]
    [BenchmarkCategory("BusinessTime")]
    public long TwoInZoneConversions()
    {
        var zone = _calendar.Zone;
        long sum = 0;
        for (var i = 0; i < Starts; i++)
        {
            sum += _start[i].InZone(zone).TickOfDay + _end[i].InZone(zone).TickOfDay;
        }

        return sum;
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    [BenchmarkCategory("AddBusinessTime")]
    public Instant AddBusinessTimeNaive()
    {
        var last = Instant.MinValue;
        for (var i = 0; i < Starts; i++)
        {
            last = Instant.Max(last, _naive.AddBusinessTime(_start[i], _amount[i]));
        }

        return last;
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
}
