using System.Runtime.CompilerServices;
using NodaTime;

namespace InternalCustomer.Calendars;

/// <summary>
/// The precomputed tables behind <see cref="BusinessCalendar"/>: a cumulative business-time function
/// <c>C(t)</c> (nanoseconds of working time from a fixed origin to the instant <c>t</c>) that is evaluated and inverted
/// in time independent of the span, the holidays, the special days and the transitions involved, and the working-day count
/// behind <see cref="BusinessCalendar.AddBusinessDays"/>.
/// </summary>
/// <remarks>
/// <para><b>Local part.</b> <c>F(x)</c> is the working time of the wall-clock line from 1970-01-01T00:00 (local) to the
/// local date-time <c>x</c>. Holidays and special days are one kind of table entry here, an <i>exception day</i>: a date whose
/// windows replace the template's (none for a holiday). Each has a delta, its own day total minus the template's total for its
/// weekday (negative for a closure, positive for a make-up workday), and the deltas have prefix sums. On an ordinary date
/// <c>F(x)</c> is whole weeks times the weekly total, plus a prefix within the week (a few windows at most), plus the prefix sum of
/// the deltas of the exceptions before <c>x</c>'s date (found through a direct index of 32-day buckets); on an exception day it is
/// <c>F</c> at the start of that day plus the prefix of the day's own windows. The same scheme with "has a window" instead of
/// working time counts working days.</para>
/// <para><b>Zone part.</b> Between two transitions the offset <c>o</c> is fixed and <c>C(t) = F(t + o) + K</c>. At a
/// transition <c>T</c> from <c>o1</c> to <c>o2</c> continuity of <c>C</c> gives <c>K2 = K1 + F(T + o1) - F(T + o2)</c>:
/// a spring-forward subtracts the working time of the skipped wall-clock hour, a fall-back adds that of the repeated hour
/// (counted twice). <c>K</c> and <c>C(T)</c> are stored per transition; the transition in force is found through the
/// direct index of <see cref="ZoneTransitionTable"/>.</para>
/// <para>Then <c>BusinessTime(a, b) = C(b) - C(a)</c>, and <c>AddBusinessTime(s, d)</c> is the first instant where
/// <c>C</c> reaches <c>C(s) + d</c>: a <see cref="SortedValueIndex"/> over the stored <c>C(T)</c> finds the transition
/// interval, another over the exceptions' <c>F</c> values finds the exception day or the ordinary stretch, and one division by the weekly
/// total plus a scan of the week's windows finds the wall-clock time.</para>
/// <para>Absolute values use <see cref="Int128"/> nanoseconds, so every instant NodaTime can represent is exact.</para>
/// </remarks>
internal sealed class BusinessTimeline
{
    internal const long NanosecondsPerSecond = 1_000_000_000L;
    internal const long SecondsPerDay = 86_400L;
    internal const long NanosecondsPerDay = SecondsPerDay * NanosecondsPerSecond;

    private const int ExceptionBucketShift = 5;

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

    // Working days of the template week: their day-of-week indexes, and how many come before each day of the week.
    private readonly int[] _workingDow;
    private readonly int[] _workingDowsBefore; // 8 entries

    // Exception days (holidays and special days that change their date's windows), sorted by local day number
    // (days since 1970-01-01). Their own windows are nanoseconds of the day.
    private readonly long[] _exceptionDay;
    private readonly IReadOnlyList<WorkingWindow>[] _exceptionWindows; // as given (sorted)
    private readonly IReadOnlyList<WorkingWindow>[] _templateWindows; // Monday first
    private readonly int[] _exceptionFirstWindow; // length m + 1
    private readonly long[] _exceptionWindowStart;
    private readonly long[] _exceptionWindowEnd;
    private readonly long[] _exceptionCumulativeBefore; // within the day
    private readonly long[] _exceptionCumulativeAfter;
    private readonly long[] _exceptionTotal;
    private readonly Int128[] _exceptionShift; // sum over exceptions [0, j) of (own total - template total); length m + 1
    private readonly Int128[] _exceptionStartValue; // F at the local start of exception j
    private readonly long[] _exceptionWorkShift; // sum over exceptions [0, j) of (own working day - template working day); length m + 1
    private readonly long _exceptionOrigin; // first exception's day
    private readonly int[] _exceptionBucket; // exceptions before _exceptionOrigin + 32 b
    private readonly bool _exceptionsWork; // some exception day has a window

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
    private readonly SortedValueIndex _exceptionIndex;
    private readonly SortedValueIndex _exceptionWorkIndex;

    /// <summary>Builds the tables.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="windowsByDay">The template windows, Monday first, sorted and not overlapping.</param>
    /// <param name="exceptions">Dates whose windows replace the template's (a holiday: none), at most one entry per date.</param>
    internal BusinessTimeline(DateTimeZone zone, IReadOnlyList<WorkingWindow>[] windowsByDay, IEnumerable<KeyValuePair<LocalDate, IReadOnlyList<WorkingWindow>>> exceptions)
    {
        var starts = new List<long>();
        var ends = new List<long>();
        _dayFirstWindow = new int[8];
        _workingDowsBefore = new int[8];
        var workingDow = new List<int>();
        for (var d = 0; d < 7; d++)
        {
            _dayFirstWindow[d] = starts.Count;
            _workingDowsBefore[d] = workingDow.Count;
            if (windowsByDay[d].Count > 0)
            {
                workingDow.Add(d);
            }

            foreach (var w in windowsByDay[d])
            {
                starts.Add((d * NanosecondsPerDay) + w.StartNanosecondOfDay);
                ends.Add((d * NanosecondsPerDay) + w.EndNanosecondOfDay);
            }
        }

        _dayFirstWindow[7] = starts.Count;
        _workingDowsBefore[7] = workingDow.Count;
        _workingDow = [.. workingDow];
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

        // Exceptions that change nothing (a holiday on a day off, a special day with its weekday's own windows) are dropped.
        var effective = exceptions
            .Select(e => (Day: UnixDay(e.Key), Windows: e.Value))
            .Where(e => !e.Windows.SequenceEqual(windowsByDay[DayOfWeekIndex(e.Day)]))
            .OrderBy(e => e.Day)
            .ToArray();
        var m = effective.Length;
        _exceptionDay = new long[m];
        _exceptionWindows = [.. effective.Select(e => e.Windows)];
        _templateWindows = windowsByDay;
        _exceptionFirstWindow = new int[m + 1];
        _exceptionTotal = new long[m];
        _exceptionShift = new Int128[m + 1];
        _exceptionStartValue = new Int128[m];
        _exceptionWorkShift = new long[m + 1];
        var exceptionWorkEnd = new Int128[m];
        var exStarts = new List<long>();
        var exEnds = new List<long>();
        var exBefore = new List<long>();
        var exAfter = new List<long>();
        for (var j = 0; j < m; j++)
        {
            var (day, windows) = effective[j];
            var dow = DayOfWeekIndex(day);
            _exceptionDay[j] = day;
            _exceptionFirstWindow[j] = exStarts.Count;
            long dayTotal = 0;
            foreach (var w in windows)
            {
                exStarts.Add(w.StartNanosecondOfDay);
                exEnds.Add(w.EndNanosecondOfDay);
                exBefore.Add(dayTotal);
                dayTotal += w.EndNanosecondOfDay - w.StartNanosecondOfDay;
                exAfter.Add(dayTotal);
            }

            _exceptionTotal[j] = dayTotal;
            _exceptionsWork |= windows.Count > 0;
            _exceptionShift[j + 1] = _exceptionShift[j] + dayTotal - DayTotal(dow);
            _exceptionStartValue[j] = Template(day, 0) + _exceptionShift[j];
            var working = windows.Count > 0 ? 1 : 0;
            var templateWorking = _dayFirstWindow[dow + 1] > _dayFirstWindow[dow] ? 1 : 0;
            _exceptionWorkShift[j + 1] = _exceptionWorkShift[j] + working - templateWorking;
            exceptionWorkEnd[j] = TemplateWorkingDaysBefore(day) + _exceptionWorkShift[j] + working;
        }

        _exceptionFirstWindow[m] = exStarts.Count;
        _exceptionWindowStart = [.. exStarts];
        _exceptionWindowEnd = [.. exEnds];
        _exceptionCumulativeBefore = [.. exBefore];
        _exceptionCumulativeAfter = [.. exAfter];

        // Direct index over 32-day buckets, so finding a date's place among the exceptions costs a lookup and a short scan.
        _exceptionOrigin = m == 0 ? 0 : _exceptionDay[0];
        _exceptionBucket = new int[m == 0 ? 0 : ((_exceptionDay[^1] - _exceptionOrigin) >> ExceptionBucketShift) + 1];
        for (int b = 0, j = 0; b < _exceptionBucket.Length; b++)
        {
            while (j < m && _exceptionDay[j] < _exceptionOrigin + ((long)b << ExceptionBucketShift))
            {
                j++;
            }

            _exceptionBucket[b] = j;
        }

        // The zone repeats every 400 years from its recurring rules on; exceptions must all lie before the periodic part.
        var periodYear = Math.Max(2100, m == 0 ? 0 : Instant.FromUnixTimeSeconds(_exceptionDay[^1] * SecondsPerDay).InUtc().Year + 1);
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

        // Direct indexes over C at the transitions and F at the exceptions, buckets four weeks of working time wide, and
        // over the working-day count at the end of each exception, buckets four weeks of working days wide.
        _cIndex = new SortedValueIndex(_c, (Int128)_weekTotal * 4);
        _exceptionIndex = new SortedValueIndex(_exceptionStartValue, (Int128)_weekTotal * 4);
        _exceptionWorkIndex = new SortedValueIndex(exceptionWorkEnd, _workingDow.Length * 4);
    }

    /// <summary>The day table, built on first use (<see cref="BuildDayTable"/>); null until then.</summary>
    private DayTable? _dayTable;

    /// <summary>Gets the wall-clock working time of a week.</summary>
    internal long WeekTotal => _weekTotal;

    /// <summary>Returns the working time between two instants (<paramref name="start"/> &lt;= <paramref name="end"/>).</summary>
    internal Duration BusinessTime(Instant start, Instant end)
    {
        var table = _dayTable ?? BuildDayTable();
        if (table.TryRelative(this, start, out var a) && table.TryRelative(this, end, out var b))
        {
            return Duration.FromNanoseconds(b - a);
        }

        var diff = Cumulative(end) - Cumulative(start);
        return diff <= long.MaxValue ? Duration.FromNanoseconds((long)diff) : Duration.FromNanoseconds(diff);
    }

    /// <summary>Returns the first instant at which the working time since <paramref name="start"/> reaches <paramref name="nanoseconds"/> (&gt; 0).</summary>
    internal Instant Add(Instant start, Int128 nanoseconds, string parameterName)
    {
        if (!HasWorkingTime)
        {
            throw new InvalidOperationException("The calendar has no working windows, so no amount of business time can ever pass.");
        }

        var table = _dayTable ?? BuildDayTable();
        var target = (table.TryRelative(this, start, out var relative) ? table.Base + relative : Cumulative(start)) + nanoseconds;
        if (target > _cAtEndOfTime)
        {
            if (_weekTotal == 0)
            {
                var last = _exceptionDay[Array.FindLastIndex(_exceptionTotal, t => t > 0)];
                throw new InvalidOperationException(
                    $"The calendar works only on special days, the last of them {LocalDateOfDay(last):uuuu-MM-dd}; the amount of business time from {start} would end after it.");
            }

            throw EndOfTime(start, parameterName);
        }

        long periods = 0;
        if (_periodic && _periodC > 0 && target > _cAtPeriodStart)
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

    internal static ArgumentOutOfRangeException EndOfTime(Instant start, string parameterName) =>
        new(parameterName, $"Expected an amount of business time that ends by {SupportedRange.Format(SupportedRange.ComputationLimit)} (SupportedRange.ComputationLimit); the amount from {SupportedRange.Format(start)} would end after it.");

    /// <summary>Gets a value indicating whether any window works: one of the template or one of a special day.</summary>
    internal bool HasWorkingTime => _weekTotal > 0 || _exceptionsWork;

    /// <summary>Returns whether an instant is working time.</summary>
    internal bool IsWorkingAt(Instant instant)
    {
        var (s, ns) = instant.ToUnixTimeSecondsAndNanoseconds();
        var i = _zone.Find(s, out _);
        var local = s + _zone.OffsetSeconds[i];
        var day = FloorDivide(local, SecondsPerDay);
        var nanosecondOfDay = ((local - (day * SecondsPerDay)) * NanosecondsPerSecond) + ns;
        if (_exceptionDay.Length != 0)
        {
            var j = ExceptionsBefore(day);
            if (j < _exceptionDay.Length && _exceptionDay[j] == day)
            {
                for (var w = _exceptionFirstWindow[j]; w < _exceptionFirstWindow[j + 1]; w++)
                {
                    if (nanosecondOfDay >= _exceptionWindowStart[w] && nanosecondOfDay < _exceptionWindowEnd[w])
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        var dow = DayOfWeekIndex(day);
        var p = (dow * NanosecondsPerDay) + nanosecondOfDay;
        for (var w = _dayFirstWindow[dow]; w < _dayFirstWindow[dow + 1]; w++)
        {
            if (p >= _windowStart[w] && p < _windowEnd[w])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a local day (days since 1970-01-01) has at least one working window.</summary>
    internal bool IsWorkingDay(long day)
    {
        if (_exceptionDay.Length != 0)
        {
            var j = ExceptionsBefore(day);
            if (j < _exceptionDay.Length && _exceptionDay[j] == day)
            {
                return _exceptionFirstWindow[j + 1] > _exceptionFirstWindow[j];
            }
        }

        var dow = DayOfWeekIndex(day);
        return _dayFirstWindow[dow + 1] > _dayFirstWindow[dow];
    }

    /// <summary>The windows of a local day after holidays and special days, sorted (constant time: the bucket index).</summary>
    internal IReadOnlyList<WorkingWindow> WindowsOfDay(long day)
    {
        if (_exceptionDay.Length != 0)
        {
            var j = ExceptionsBefore(day);
            if (j < _exceptionDay.Length && _exceptionDay[j] == day)
            {
                return _exceptionWindows[j];
            }
        }

        return _templateWindows[DayOfWeekIndex(day)];
    }

    /// <summary>The number of working days before a local day, counted from 1970-01-01 (negative before it).</summary>
    internal long WorkingDaysBefore(long day)
    {
        var value = TemplateWorkingDaysBefore(day);
        return _exceptionDay.Length == 0 ? value : value + _exceptionWorkShift[ExceptionsBefore(day)];
    }

    /// <summary>The working day with exactly <paramref name="index"/> working days before it (the inverse of
    /// <see cref="WorkingDaysBefore"/> on working days), or null when there is none.</summary>
    internal long? WorkingDayAt(long index)
    {
        // Exceptions wholly before the answer: those whose working-day count at their end is at most the index.
        var j = _exceptionWorkIndex.CountBelow((Int128)index + 1);
        if (j < _exceptionDay.Length && _exceptionFirstWindow[j + 1] > _exceptionFirstWindow[j]
            && WorkingDaysBefore(_exceptionDay[j]) == index)
        {
            return _exceptionDay[j];
        }

        // Otherwise the answer is an ordinary day between exception j - 1 and exception j.
        var perWeek = _workingDow.Length;
        if (perWeek == 0)
        {
            return null;
        }

        var templateIndex = index - _exceptionWorkShift[j];
        var week = FloorDivide(templateIndex, perWeek);
        var dow = _workingDow[(int)(templateIndex - (week * perWeek))];
        return (week * 7) - 3 + dow;
    }

    /// <summary>The template's working days before a local day.</summary>
    private long TemplateWorkingDaysBefore(long day)
    {
        var shifted = day + 3;
        var week = FloorDivide(shifted, 7);
        var dow = (int)(shifted - (week * 7));
        return (week * _workingDow.Length) + _workingDowsBefore[dow];
    }

    internal static LocalDate LocalDateOfDay(long day) => new LocalDate(1970, 1, 1).PlusDays((int)day);

    /// <summary>Builds (once; a race builds equal tables and keeps one) the day table.</summary>
    private DayTable BuildDayTable()
    {
        var table = new DayTable(this);
        return Interlocked.CompareExchange(ref _dayTable, table, null) ?? table;
    }

    /// <summary>
    /// A direct table of the local days 1990-01-01 to 2069-12-31, where hosts' instants almost always fall: for each day
    /// <c>F</c> at its start (relative to <see cref="Base"/>, in a <see cref="long"/>) and which windows it has (its weekday's or
    /// its exception's). <c>C(t)</c> of an instant in that range is then one zone lookup, one table read and a scan of the
    /// day's few windows, in 64-bit arithmetic: no week division, no exception lookup, no <see cref="Int128"/>. The values
    /// equal <see cref="Cumulative"/>'s exactly (the table is built from <see cref="Local"/>); instants outside the range, or
    /// in the zone's periodic part, take the general path.
    /// </summary>
    private sealed class DayTable
    {
        private static readonly long FirstDay = UnixDay(new LocalDate(1990, 1, 1));
        private static readonly int Days = (int)(UnixDay(new LocalDate(2070, 1, 1)) - FirstDay);

        private readonly long[] _dayValue;
        private readonly int[] _dayKind;
        private readonly int[] _kindFirst; // windows of kind k are [_kindFirst[k], _kindFirst[k + 1]); kinds 0-6 weekdays, 7 + j exception j
        private readonly long[] _start;
        private readonly long[] _end;

        internal DayTable(BusinessTimeline t)
        {
            var m = t._exceptionDay.Length;
            _kindFirst = new int[7 + m + 1];
            var starts = new List<long>();
            var ends = new List<long>();
            for (var d = 0; d < 7; d++)
            {
                _kindFirst[d] = starts.Count;
                for (var w = t._dayFirstWindow[d]; w < t._dayFirstWindow[d + 1]; w++)
                {
                    starts.Add(t._windowStart[w] - (d * NanosecondsPerDay));
                    ends.Add(t._windowEnd[w] - (d * NanosecondsPerDay));
                }
            }

            for (var j = 0; j < m; j++)
            {
                _kindFirst[7 + j] = starts.Count;
                for (var w = t._exceptionFirstWindow[j]; w < t._exceptionFirstWindow[j + 1]; w++)
                {
                    starts.Add(t._exceptionWindowStart[w]);
                    ends.Add(t._exceptionWindowEnd[w]);
                }
            }

            _kindFirst[7 + m] = starts.Count;
            _start = [.. starts];
            _end = [.. ends];

            Base = t.Local(FirstDay, 0);
            _dayValue = new long[Days];
            _dayKind = new int[Days];
            var e = t.ExceptionsBefore(FirstDay);
            for (var i = 0; i < Days; i++)
            {
                var day = FirstDay + i;
                while (e < m && t._exceptionDay[e] < day)
                {
                    e++;
                }

                _dayKind[i] = e < m && t._exceptionDay[e] == day ? 7 + e : DayOfWeekIndex(day);
                _dayValue[i] = (long)(t.Local(day, 0) - Base);
            }

            // The table must not be used in the zone's periodic part, where C adds whole periods.
            LastSecond = Math.Min(t._zone.PeriodStart, ((FirstDay + Days) * SecondsPerDay) - (15 * 3600)) - 1;
            FirstSecond = (FirstDay * SecondsPerDay) + (15 * 3600);
        }

        /// <summary>Gets F at the start of the first day: the table's values are relative to it.</summary>
        internal Int128 Base { get; }

        private long FirstSecond { get; }

        private long LastSecond { get; }

        /// <summary>C(instant) - <see cref="Base"/>, when the instant's local day is in the table.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal bool TryRelative(BusinessTimeline t, Instant instant, out long value)
        {
            var (s, ns) = instant.ToUnixTimeSecondsAndNanoseconds();
            if (s < FirstSecond || s > LastSecond)
            {
                value = 0;
                return false;
            }

            var i = t._zone.Find(s, out _);
            var local = s + t._zone.OffsetSeconds[i] - (FirstDay * SecondsPerDay); // >= 0: offsets are under 15 hours
            var index = local / SecondsPerDay;
            var nanosecondOfDay = ((local - (index * SecondsPerDay)) * NanosecondsPerSecond) + ns;
            var kind = _dayKind[index];
            var sum = _dayValue[index] + t._k[i];
            for (var w = _kindFirst[kind]; w < _kindFirst[kind + 1]; w++)
            {
                if (nanosecondOfDay <= _start[w])
                {
                    break;
                }

                sum += Math.Min(nanosecondOfDay, _end[w]) - _start[w];
            }

            value = sum;
            return true;
        }
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
        if (_exceptionDay.Length == 0)
        {
            return Template(day, nanosecondOfDay);
        }

        var j = ExceptionsBefore(day);
        if (j < _exceptionDay.Length && _exceptionDay[j] == day)
        {
            var sum = _exceptionStartValue[j];
            for (var w = _exceptionFirstWindow[j]; w < _exceptionFirstWindow[j + 1]; w++)
            {
                if (nanosecondOfDay <= _exceptionWindowStart[w])
                {
                    break;
                }

                sum += Math.Min(nanosecondOfDay, _exceptionWindowEnd[w]) - _exceptionWindowStart[w];
            }

            return sum;
        }

        return Template(day, nanosecondOfDay) + _exceptionShift[j];
    }

    /// <summary>The number of exception days before a day: a bucket lookup and a scan of at most 32 days' exceptions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ExceptionsBefore(long day)
    {
        var exceptions = _exceptionDay;
        var offset = day - _exceptionOrigin;
        if (offset <= 0)
        {
            return 0;
        }

        var b = offset >> ExceptionBucketShift;
        if (b >= _exceptionBucket.Length)
        {
            return exceptions.Length;
        }

        var j = _exceptionBucket[b];
        while (j < exceptions.Length && exceptions[j] < day)
        {
            j++;
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    private long DayTotal(int dow)
    {
        var first = _dayFirstWindow[dow];
        var last = _dayFirstWindow[dow + 1];
        return first == last ? 0 : _cumulativeAfter[last - 1] - _cumulativeBefore[first];
    }

    /// <summary>The earliest local day and time at which F reaches <paramref name="value"/> (requires a nonzero weekly total).</summary>
    private (long Day, long NanosecondOfDay) InverseLocal(Int128 value)
    {
        // Exceptions whose start F is below the value start before the answer; if the last of them reaches the value
        // the answer is on that day, otherwise on an ordinary day after it (and before the next exception).
        var j = _exceptionIndex.CountBelow(value);
        if (j > 0)
        {
            var within = value - _exceptionStartValue[j - 1];
            if (within <= _exceptionTotal[j - 1])
            {
                var needed = (long)within;
                var x = _exceptionFirstWindow[j - 1];
                while (_exceptionCumulativeAfter[x] < needed)
                {
                    x++;
                }

                return (_exceptionDay[j - 1], _exceptionWindowStart[x] + (needed - _exceptionCumulativeBefore[x]));
            }
        }

        var templateValue = value - _exceptionShift[j];

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

        var neededInWeek = (long)remainder + 1;

        var w = 0;
        while (_cumulativeAfter[w] < neededInWeek)
        {
            w++;
        }

        var position = _windowStart[w] + (neededInWeek - _cumulativeBefore[w]);
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
