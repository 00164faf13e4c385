using System.Runtime.CompilerServices;
using NodaTime;

namespace InternalCustomer.Calendars;

/// <summary>
/// The precomputed tables behind <see cref="BusinessCalendar"/>: a cumulative business-time function
/// <c>C(t)</c> (nanoseconds of working time from a fixed origin to the instant <c>t</c>) that is evaluated and inverted
/// in time independent of the span, the holidays and the transitions involved.
/// </summary>
/// <remarks>
/// <para><b>Local part.</b> <c>F(x)</c> is the working time of the wall-clock line from 1970-01-01T00:00 (local) to the
/// local date-time <c>x</c>: whole weeks times the weekly total, plus a prefix within the week (a few windows at most),
/// minus the prefix sum of the holidays before <c>x</c>'s date (direct index of 32-day buckets), minus the part of <c>x</c>'s own date if it
/// is a holiday.</para>
/// <para><b>Zone part.</b> Between two transitions the offset <c>o</c> is fixed and <c>C(t) = F(t + o) + K</c>. At a
/// transition <c>T</c> from <c>o1</c> to <c>o2</c> continuity of <c>C</c> gives <c>K2 = K1 + F(T + o1) - F(T + o2)</c>:
/// a spring-forward subtracts the working time of the skipped wall-clock hour, a fall-back adds that of the repeated hour
/// (counted twice). <c>K</c> and <c>C(T)</c> are stored per transition; the transition in force is found through the
/// direct index of <see cref="ZoneTransitionTable"/>.</para>
/// <para>Then <c>BusinessTime(a, b) = C(b) - C(a)</c>, and <c>AddBusinessTime(s, d)</c> is the first instant where
/// <c>C</c> reaches <c>C(s) + d</c>: a <see cref="SortedValueIndex"/> over the stored <c>C(T)</c> finds the transition
/// interval, another over the holidays' <c>F</c> values finds the holiday-free stretch, and one division by the weekly
/// total plus a scan of the week's windows finds the wall-clock time.</para>
/// <para>Absolute values use <see cref="Int128"/> nanoseconds, so every instant NodaTime can represent is exact.</para>
/// </remarks>
internal sealed class BusinessTimeline
{
    internal const long NanosecondsPerSecond = 1_000_000_000L;
    internal const long SecondsPerDay = 86_400L;
    internal const long NanosecondsPerDay = SecondsPerDay * NanosecondsPerSecond;

    private const int HolidayBucketShift = 5;

    private static readonly long MaxUnixSeconds = Instant.MaxValue.ToUnixTimeSeconds();
    private static readonly long MinUnixSeconds = Instant.MinValue.ToUnixTimeSeconds();

    // Weekly template: windows flattened over the week (Monday 00:00 = 0), sorted.
    private readonly long[] _windowStart;
    private readonly long[] _windowEnd;
    private readonly long[] _cumulativeBefore;
    private readonly long[] _cumulativeAfter;
    private readonly int[] _dayFirstWindow; // 8 entries: windows of day d are [_dayFirstWindow[d], _dayFirstWindow[d + 1])
    private readonly long _weekTotal;
    private readonly double _inverseWeekTotal;

    // Holidays on days that have working windows, sorted by local day number (days since 1970-01-01).
    private readonly long[] _holidayDay;
    private readonly Int128[] _holidayCumulative; // template working time of holidays [0, j); length m + 1
    private readonly Int128[] _holidayStartValue; // F at the local start of holiday j
    private readonly long _holidayOrigin; // first holiday's day
    private readonly int[] _holidayBucket; // holidays before _holidayOrigin + 32 b

    // Zone part.
    private readonly ZoneTransitionTable _zone;
    private readonly long[] _k;
    private readonly Int128[] _c;
    private readonly bool _periodic;
    private readonly long _periodK;
    private readonly Int128 _periodC;
    private readonly Int128 _cAtPeriodStart;
    private readonly Int128 _cAtEndOfTime;
    private readonly SortedValueIndex _cIndex;
    private readonly SortedValueIndex _holidayIndex;

    internal BusinessTimeline(DateTimeZone zone, IReadOnlyList<WorkingWindow>[] windowsByDay, IReadOnlyCollection<LocalDate> holidays)
    {
        var starts = new List<long>();
        var ends = new List<long>();
        _dayFirstWindow = new int[8];
        for (var d = 0; d < 7; d++)
        {
            _dayFirstWindow[d] = starts.Count;
            foreach (var w in windowsByDay[d])
            {
                starts.Add((d * NanosecondsPerDay) + w.StartNanosecondOfDay);
                ends.Add((d * NanosecondsPerDay) + w.EndNanosecondOfDay);
            }
        }

        _dayFirstWindow[7] = starts.Count;
        _windowStart = [.. starts];
        _windowEnd = [.. ends];
        _cumulativeBefore = new long[_windowStart.Length];
        _cumulativeAfter = new long[_windowStart.Length];
        long total = 0;
        for (var i = 0; i < _windowStart.Length; i++)
        {
            _cumulativeBefore[i] = total;
            total += _windowEnd[i] - _windowStart[i];
            _cumulativeAfter[i] = total;
        }

        _weekTotal = total;
        _inverseWeekTotal = total == 0 ? 0 : 1.0 / total;

        var effective = holidays
            .Select(UnixDay)
            .Where(day => DayTotal(DayOfWeekIndex(day)) > 0)
            .Order()
            .ToArray();
        _holidayDay = effective;
        _holidayCumulative = new Int128[effective.Length + 1];
        _holidayStartValue = new Int128[effective.Length];
        for (var j = 0; j < effective.Length; j++)
        {
            _holidayCumulative[j + 1] = _holidayCumulative[j] + DayTotal(DayOfWeekIndex(effective[j]));
        }

        for (var j = 0; j < effective.Length; j++)
        {
            _holidayStartValue[j] = Template(effective[j], 0) - _holidayCumulative[j];
        }

        // Direct index over 32-day buckets, so finding a date's place among the holidays costs a lookup and a short scan.
        _holidayOrigin = effective.Length == 0 ? 0 : effective[0];
        _holidayBucket = new int[effective.Length == 0 ? 0 : ((effective[^1] - _holidayOrigin) >> HolidayBucketShift) + 1];
        for (int b = 0, j = 0; b < _holidayBucket.Length; b++)
        {
            while (j < effective.Length && effective[j] < _holidayOrigin + ((long)b << HolidayBucketShift))
            {
                j++;
            }

            _holidayBucket[b] = j;
        }

        // The zone repeats every 400 years from its recurring rules on; holidays must all lie before the periodic part.
        var periodYear = Math.Max(2100, effective.Length == 0 ? 0 : Instant.FromUnixTimeSeconds(effective[^1] * SecondsPerDay).InUtc().Year + 1);
        var periodStart = periodYear <= 9000 ? Instant.FromUtc(periodYear, 1, 15, 0, 0).ToUnixTimeSeconds() : long.MaxValue;
        _zone = ZoneTransitionTable.For(zone, periodStart);

        var n = _zone.Count;
        _k = new long[n];
        _c = new Int128[n];
        _c[0] = Int128.MinValue;
        for (var i = 1; i < n; i++)
        {
            var t = _zone.Seconds[i];
            var before = LocalValue(t + _zone.OffsetSeconds[i - 1]);
            var after = LocalValue(t + _zone.OffsetSeconds[i]);
            _k[i] = _k[i - 1] + (long)(before - after);
            _c[i] = after + _k[i];
        }

        _periodic = _zone.PeriodStart != long.MaxValue;
        if (_periodic)
        {
            var p = _zone.PeriodStartIndex;
            _periodK = _k[n - 1] - _k[p - 1];
            _cAtPeriodStart = _c[p];
            var end = _zone.PeriodStart + ZoneTransitionTable.PeriodSeconds;
            _periodC = LocalValue(end + _zone.OffsetSeconds[n - 1]) + _k[n - 1] - _cAtPeriodStart;
        }

        _cAtEndOfTime = Cumulative(Instant.MaxValue);

        // Direct indexes over C at the transitions and F at the holidays, buckets four weeks of working time wide.
        _cIndex = new SortedValueIndex(_c, (Int128)_weekTotal * 4);
        _holidayIndex = new SortedValueIndex(_holidayStartValue, (Int128)_weekTotal * 4);
    }

    /// <summary>Gets the wall-clock working time of a week.</summary>
    internal long WeekTotal => _weekTotal;

    /// <summary>Returns the working time between two instants (<paramref name="start"/> &lt;= <paramref name="end"/>).</summary>
    internal Duration BusinessTime(Instant start, Instant end)
    {
        var diff = Cumulative(end) - Cumulative(start);
        return diff <= long.MaxValue ? Duration.FromNanoseconds((long)diff) : Duration.FromNanoseconds(diff);
    }

    /// <summary>Returns the first instant at which the working time since <paramref name="start"/> reaches <paramref name="nanoseconds"/> (&gt; 0).</summary>
    internal Instant Add(Instant start, Int128 nanoseconds, string parameterName)
    {
        if (_weekTotal == 0)
        {
            throw new InvalidOperationException("The calendar has no working windows, so no amount of business time can ever pass.");
        }

        var target = Cumulative(start) + nanoseconds;
        if (target > _cAtEndOfTime)
        {
            throw EndOfTime(start, parameterName);
        }

        long periods = 0;
        if (_periodic && target > _cAtPeriodStart)
        {
            periods = (long)FloorDivide(target - _cAtPeriodStart - 1, _periodC);
        }

        var reduced = target - (periods * _periodC);
        var i = _cIndex.CountBelow(reduced) - 1;
        var k = _k[i] + (periods * _periodK);
        var offset = _zone.OffsetSeconds[i];
        var (day, nanosecondOfDay) = InverseLocal(target - k);
        var localSeconds = (day * SecondsPerDay) + (nanosecondOfDay / NanosecondsPerSecond);
        var seconds = localSeconds - offset;
        if (seconds > MaxUnixSeconds || seconds < MinUnixSeconds)
        {
            throw EndOfTime(start, parameterName);
        }

        return Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanosecondOfDay % NanosecondsPerSecond);
    }

    private static ArgumentOutOfRangeException EndOfTime(Instant start, string parameterName) =>
        new(parameterName, $"Expected an amount of business time that ends within NodaTime's range (up to {Instant.MaxValue}); the amount from {start} would end after it.");

    /// <summary>Returns whether an instant is working time.</summary>
    internal bool IsWorkingAt(Instant instant)
    {
        var (s, ns) = instant.ToUnixTimeSecondsAndNanoseconds();
        var i = _zone.Find(s, out _);
        var local = s + _zone.OffsetSeconds[i];
        var day = FloorDivide(local, SecondsPerDay);
        var dow = DayOfWeekIndex(day);
        var p = (dow * NanosecondsPerDay) + ((local - (day * SecondsPerDay)) * NanosecondsPerSecond) + ns;
        var inWindow = false;
        for (var w = _dayFirstWindow[dow]; w < _dayFirstWindow[dow + 1]; w++)
        {
            if (p >= _windowStart[w] && p < _windowEnd[w])
            {
                inWindow = true;
                break;
            }
        }

        if (!inWindow || _holidayDay.Length == 0)
        {
            return inWindow;
        }

        var j = HolidaysBefore(day);
        return j >= _holidayDay.Length || _holidayDay[j] != day;
    }

    /// <summary>C(t): working nanoseconds from the origin to <paramref name="instant"/> (negative before it).</summary>

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Int128 Cumulative(Instant instant)
    {
        var (s, ns) = instant.ToUnixTimeSecondsAndNanoseconds();
        var i = _zone.Find(s, out var periods);
        var local = s + _zone.OffsetSeconds[i];
        var day = FloorDivide(local, SecondsPerDay);
        var nanosecondOfDay = ((local - (day * SecondsPerDay)) * NanosecondsPerSecond) + ns;
        var value = Local(day, nanosecondOfDay) + _k[i];
        return periods == 0 ? value : value + ((Int128)periods * _periodK);
    }

    private Int128 LocalValue(long localSeconds)
    {
        var day = FloorDivide(localSeconds, SecondsPerDay);
        return Local(day, (localSeconds - (day * SecondsPerDay)) * NanosecondsPerSecond);
    }

    /// <summary>F: working time of the wall-clock line from 1970-01-01T00:00 to the given local day and time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Int128 Local(long day, long nanosecondOfDay)
    {
        var shifted = day + 3; // 1970-01-01 was a Thursday; weeks start on Monday.
        var week = FloorDivide(shifted, 7);
        var dow = (int)(shifted - (week * 7));
        var withinWeek = WithinWeek(dow, (dow * NanosecondsPerDay) + nanosecondOfDay);
        var value = ((Int128)week * _weekTotal) + withinWeek;
        var holidays = _holidayDay;
        if (holidays.Length != 0)
        {
            var j = HolidaysBefore(day);
            value -= _holidayCumulative[j];
            if (j < holidays.Length && holidays[j] == day)
            {
                value -= withinWeek - DayPrefix(dow);
            }
        }

        return value;
    }

    /// <summary>The number of (effective) holidays before a day: a bucket lookup and a scan of at most 32 days' holidays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HolidaysBefore(long day)
    {
        var holidays = _holidayDay;
        var offset = day - _holidayOrigin;
        if (offset <= 0)
        {
            return 0;
        }

        var b = offset >> HolidayBucketShift;
        if (b >= _holidayBucket.Length)
        {
            return holidays.Length;
        }

        var j = _holidayBucket[b];
        while (j < holidays.Length && holidays[j] < day)
        {
            j++;
        }

        return j;
    }

    private Int128 Template(long day, long nanosecondOfDay)
    {
        var shifted = day + 3;
        var week = FloorDivide(shifted, 7);
        var dow = (int)(shifted - (week * 7));
        return ((Int128)week * _weekTotal) + WithinWeek(dow, (dow * NanosecondsPerDay) + nanosecondOfDay);
    }

    /// <summary>Working time of the week template before position <paramref name="p"/> (nanoseconds since Monday 00:00) on day <paramref name="dow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long WithinWeek(int dow, long p)
    {
        var first = _dayFirstWindow[dow];
        var last = _dayFirstWindow[dow + 1];
        var sum = first < _cumulativeBefore.Length ? _cumulativeBefore[first] : _weekTotal;
        for (var w = first; w < last; w++)
        {
            if (p <= _windowStart[w])
            {
                break;
            }

            sum += Math.Min(p, _windowEnd[w]) - _windowStart[w];
        }

        return sum;
    }

    private long DayPrefix(int dow)
    {
        var first = _dayFirstWindow[dow];
        return first < _cumulativeBefore.Length ? _cumulativeBefore[first] : _weekTotal;
    }

    private long DayTotal(int dow)
    {
        var first = _dayFirstWindow[dow];
        var last = _dayFirstWindow[dow + 1];
        return first == last ? 0 : _cumulativeAfter[last - 1] - _cumulativeBefore[first];
    }

    /// <summary>The earliest local day and time at which F reaches <paramref name="value"/> (requires a nonzero weekly total).</summary>
    private (long Day, long NanosecondOfDay) InverseLocal(Int128 value)
    {
        // The holiday-free stretch: holidays whose start F is below the value lie wholly before the answer.
        var j = _holidayIndex.CountBelow(value);
        var templateValue = value + _holidayCumulative[j];

        // Week q and the amount r in (0, W] of that week's working time needed.
        // Floor division by the weekly total: a double estimate corrected to the exact quotient (an integer division of
        // a runtime divisor costs several times more; the estimate is off by at most one for any representable value).
        var shiftedValue = templateValue - 1;
        var week = (long)Math.Floor((double)shiftedValue * _inverseWeekTotal);
        var remainder = shiftedValue - ((Int128)week * _weekTotal);
        while (remainder < 0)
        {
            week--;
            remainder += _weekTotal;
        }

        while (remainder >= _weekTotal)
        {
            week++;
            remainder -= _weekTotal;
        }

        var needed = (long)remainder + 1;

        var w = 0;
        while (_cumulativeAfter[w] < needed)
        {
            w++;
        }

        var position = _windowStart[w] + (needed - _cumulativeBefore[w]);
        var dayInWeek = position / NanosecondsPerDay;
        return ((week * 7) - 3 + dayInWeek, position - (dayInWeek * NanosecondsPerDay));
    }

    /// <summary>Days since 1970-01-01 of an ISO date.</summary>
    internal static long UnixDay(LocalDate date) => (date.AtMidnight().InUtc().ToInstant() - NodaConstants.UnixEpoch).Days;

    private static int DayOfWeekIndex(long day)
    {
        var shifted = day + 3;
        return (int)(shifted - (FloorDivide(shifted, 7) * 7));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long FloorDivide(long value, long divisor)
    {
        var q = value / divisor;
        return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? q - 1 : q;
    }

    private static Int128 FloorDivide(Int128 value, Int128 divisor)
    {
        if (value >= long.MinValue && value <= long.MaxValue && divisor <= long.MaxValue)
        {
            return FloorDivide((long)value, (long)divisor);
        }

        var q = value / divisor;
        return (value % divisor != 0 && (value < 0)) ? q - 1 : q;
    }

    /// <summary>Binary search: the number of values below <paramref name="value"/> (the reference for <see cref="SortedValueIndex"/>).</summary>
    internal static int CountBelow(Int128[] sorted, Int128 value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
