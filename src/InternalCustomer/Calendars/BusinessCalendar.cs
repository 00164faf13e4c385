using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;

namespace InternalCustomer.Calendars;

/// <summary>
/// A business calendar: a tzdb time zone, working windows for each ISO day of the week, holidays, and special days whose
/// windows replace their weekday's. It answers how much working time lies between two instants, when an amount of working
/// time or a number of business days has passed, and whether an instant is working time.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> An instant is working time if and only if its local date-time in <see cref="Zone"/> falls inside a
/// working window <c>[Start, End)</c> of that local date (an end of midnight meaning 24:00). The windows of a local date
/// (<see cref="WindowsOn(LocalDate)"/>) are those of its <see cref="SpecialDay"/> if it has one, none if it is one of the
/// <see cref="Holidays"/>, and otherwise those of its day of the week. Every other behaviour follows from it (DESIGN §3):</para>
/// <list type="bullet">
/// <item>Windows are half-open: 17:00 is not working time in a 09:00–17:00 window, 09:00 is.</item>
/// <item>Across a daylight-saving change a window is shorter or longer in real time. A window whose start lies in a
/// spring-forward gap begins at the first instant after the gap (not at the lenient resolver's shifted time); a window
/// wholly inside the gap contributes nothing. During a fall-back overlap both passes through the repeated hour count.</item>
/// <item>The offset used for an instant is always the zone's offset at that instant; no offset is carried over to another date.</item>
/// <item>A holiday removes that local date's windows; holidays on days without windows change nothing.</item>
/// <item>A special day replaces that local date's windows: fewer for a part-day closure (<see cref="PartDayClosure"/>), some on a
/// day normally off for a make-up workday, none for a closed day. A date cannot be both a holiday and a special day.</item>
/// </list>
/// <para><b>Windows.</b> The windows of a day are kept sorted by start, whatever order they were given in; windows that overlap
/// (share any time) are rejected with a message naming both; windows that merely touch (one ends when the next starts) are
/// accepted and kept as given.</para>
/// <para><b>Cost.</b> <see cref="BusinessTime"/>, <see cref="AddBusinessTime"/>, <see cref="IsWorkingAt"/> and
/// <see cref="NextWorkingInstant"/> and <see cref="AddBusinessDays"/> take time independent of the span: they grow with neither the
/// days, nor the holidays, nor the special days, nor the daylight-saving transitions in it: a few direct-index lookups and integer
/// operations (plus a short binary search for
/// instants before 1850, which the index does not cover), and allocate nothing. Building a calendar precomputes per-transition and
/// per-holiday and per-special-day tables (docs/calendars-and-slas.md explains the algorithm).</para>
/// <para><b>Equality</b> is component-wise: zone id, the windows of each day, the set of holidays and the special days. Instances are
/// immutable and safe to share between threads.</para>
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private readonly ImmutableArray<WorkingWindow>[] _windows;
    private readonly BusinessTimeline _timeline;
    private readonly int _hash;

    private BusinessCalendar(DateTimeZone zone, ImmutableArray<WorkingWindow>[] windows, ImmutableSortedSet<LocalDate> holidays, ImmutableArray<SpecialDay> specialDays)
    {
        Zone = zone;
        _windows = windows;
        Holidays = holidays;
        SpecialDays = specialDays;
        var exceptions = holidays
            .Select(h => KeyValuePair.Create(h, (IReadOnlyList<WorkingWindow>)[]))
            .Concat(specialDays.Select(d => KeyValuePair.Create(d.Date, (IReadOnlyList<WorkingWindow>)d.Windows)));
        _timeline = new BusinessTimeline(zone, [.. windows.Select(w => (IReadOnlyList<WorkingWindow>)w)], exceptions);
        var hash = new HashCode();
        hash.Add(zone.Id, StringComparer.Ordinal);
        foreach (var day in windows)
        {
            hash.Add(day.Length);
            foreach (var w in day)
            {
                hash.Add(w);
            }
        }

        foreach (var h in holidays)
        {
            hash.Add(h);
        }

        foreach (var d in specialDays)
        {
            hash.Add(d);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Gets the calendar's time zone (from the tzdb provider).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the tzdb id of <see cref="Zone"/>, for example <c>Europe/London</c>.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>Gets the holidays: whole local dates on which no window is working, sorted.</summary>
    public ImmutableSortedSet<LocalDate> Holidays { get; }

    /// <summary>Gets the special days: dates whose windows replace their weekday's (part-day closures, make-up workdays,
    /// closed days), sorted by date, at most one per date and none on a holiday.</summary>
    public ImmutableArray<SpecialDay> SpecialDays { get; }

    /// <summary>Gets the working time of one ordinary week in wall-clock terms (the sum of all windows' lengths).</summary>
    public Duration WeeklyWorkingTime => Duration.FromNanoseconds(_timeline.WeekTotal);

    /// <summary>Gets a value indicating whether the calendar has any working window at all (in the weekly template or on a special day).</summary>
    public bool HasWorkingTime => _timeline.HasWorkingTime;

    /// <summary>Creates a calendar from its zone id, the windows of each day of the week, and holidays.</summary>
    /// <typeparam name="TWindows">The collection holding one day's windows: any <see cref="IEnumerable{T}"/> of
    /// <see cref="WorkingWindow"/>, such as <c>List&lt;WorkingWindow&gt;</c>, an array, <c>IReadOnlyList&lt;WorkingWindow&gt;</c> or
    /// <c>ImmutableArray&lt;WorkingWindow&gt;</c>, so that a <c>Dictionary&lt;IsoDayOfWeek, List&lt;WorkingWindow&gt;&gt;</c> can be passed
    /// as it is; the compiler infers it.</typeparam>
    /// <param name="zoneId">A tzdb zone id, for example <c>America/New_York</c>.</param>
    /// <param name="windows">The working windows of each day of the week; a day that is absent has none. Each day's windows
    /// may come in any order but must not overlap. The collections are read once and not kept.</param>
    /// <param name="holidays">Dates (ISO calendar) on which the calendar does not work; duplicates are ignored.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException">An argument, or the window list of a day, is <see langword="null"/> (or a
    /// <c>default</c> <c>ImmutableArray</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a tzdb id; a key of <paramref name="windows"/> is
    /// not Monday to Sunday; two windows of a day overlap (the message names both); a holiday is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A holiday lies outside the supported dates, 1900-01-01 to 2200-12-31
    /// (<see cref="SupportedRange"/>).</exception>
    public static BusinessCalendar Create<TWindows>(
        string zoneId,
        IReadOnlyDictionary<IsoDayOfWeek, TWindows> windows,
        IEnumerable<LocalDate> holidays)
        where TWindows : IEnumerable<WorkingWindow>
    {
        var zone = ResolveZone(zoneId);
        ArgumentNullException.ThrowIfNull(windows);
        var byDay = new ImmutableArray<WorkingWindow>[7];
        for (var d = 0; d < 7; d++)
        {
            byDay[d] = [];
        }

        foreach (var (day, list) in windows)
        {
            if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"Expected days of the week Monday to Sunday as keys; got {day}.", nameof(windows));
            }

            if (list is null or ImmutableArray<WorkingWindow> { IsDefault: true })
            {
                throw new ArgumentNullException(
                    nameof(windows),
                    $"Expected a list of working windows for {day}; got {(list is null ? "null" : "a default ImmutableArray")}.");
            }

            byDay[(int)day - 1] = SortAndCheck(day, list);
        }

        return new BusinessCalendar(zone, byDay, CheckHolidays(holidays), []);
    }

    /// <summary>Creates a calendar working the same window Monday to Friday, with no holidays.</summary>
    /// <param name="zoneId">A tzdb zone id.</param>
    /// <param name="start">The start of the working day.</param>
    /// <param name="end">The end of the working day (midnight means 24:00).</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a tzdb id, or <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public static BusinessCalendar Weekdays(string zoneId, LocalTime start, LocalTime end)
    {
        var zone = ResolveZone(zoneId);
        var window = new WorkingWindow(start, end);
        var byDay = new ImmutableArray<WorkingWindow>[7];
        for (var d = 0; d < 7; d++)
        {
            byDay[d] = d < 5 ? [window] : [];
        }

        return new BusinessCalendar(zone, byDay, [], []);
    }

    /// <summary>Creates a calendar working 09:00–17:00 Monday to Friday, with no holidays.</summary>
    /// <param name="zoneId">A tzdb zone id.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a tzdb id.</exception>
    public static BusinessCalendar WeekdaysNineToFive(string zoneId) => Weekdays(zoneId, new LocalTime(9, 0), new LocalTime(17, 0));

    /// <summary>Creates a 24×7 calendar: every instant is working time, so business time equals elapsed time.</summary>
    /// <param name="zoneId">A tzdb zone id (it matters only for holidays added later with <see cref="WithHolidays"/>).</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a tzdb id.</exception>
    public static BusinessCalendar AlwaysOpen(string zoneId)
    {
        var zone = ResolveZone(zoneId);
        var byDay = new ImmutableArray<WorkingWindow>[7];
        for (var d = 0; d < 7; d++)
        {
            byDay[d] = [WorkingWindow.WholeDay];
        }

        return new BusinessCalendar(zone, byDay, [], []);
    }

    /// <summary>Returns a calendar with the same zone, windows and special days and the given holidays instead of this one's.</summary>
    /// <param name="holidays">The new holidays (ISO calendar); duplicates are ignored.</param>
    /// <returns>The new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A holiday is not in the ISO calendar, or is the date of one of the <see cref="SpecialDays"/>
    /// (the message names the date).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A holiday lies outside the supported dates, 1900-01-01 to 2200-12-31
    /// (<see cref="SupportedRange"/>).</exception>
    public BusinessCalendar WithHolidays(IEnumerable<LocalDate> holidays)
    {
        var checkedHolidays = CheckHolidays(holidays);
        CheckDisjoint(checkedHolidays, SpecialDays, nameof(holidays));
        return new(Zone, _windows, checkedHolidays, SpecialDays);
    }

    /// <summary>Returns a calendar with the same zone, windows and holidays and the given special days instead of this one's.</summary>
    /// <param name="specialDays">The new special days, in any order; at most one per date, none on a holiday.</param>
    /// <returns>The new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="specialDays"/>, or one of its elements, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two special days share a date, or a special day falls on one of the <see cref="Holidays"/>
    /// (the message names the date).</exception>
    public BusinessCalendar WithSpecialDays(IEnumerable<SpecialDay> specialDays)
    {
        ArgumentNullException.ThrowIfNull(specialDays);
        var list = specialDays.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(specialDays), $"Expected special days; got null at index {i}.");
            }
        }

        var sorted = list.OrderBy(d => d.Date).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Date == sorted[i].Date)
            {
                throw new ArgumentException(
                    $"Expected at most one special day per date; got two on {SpecialDay.Format(sorted[i].Date)}: {sorted[i - 1]} and {sorted[i]}.",
                    nameof(specialDays));
            }
        }

        CheckDisjoint(Holidays, sorted, nameof(specialDays));
        return new(Zone, _windows, Holidays, sorted);
    }

    /// <summary>Returns a part-day closure: a special day whose windows are this calendar's weekly windows for the date's day of
    /// the week, cut at <paramref name="closesAt"/> (windows from then on dropped, a window running past it shortened). It is
    /// not added to the calendar; pass it to <see cref="WithSpecialDays"/>.</summary>
    /// <param name="date">The date (ISO calendar), for example 24 December.</param>
    /// <param name="closesAt">The time of day from which the date is closed; midnight closes it all day.</param>
    /// <returns>The special day, for example <c>2026-12-24 09:00-12:00</c> for a 09:00-17:00 weekday closing at 12:00.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public SpecialDay PartDayClosure(LocalDate date, LocalTime closesAt)
    {
        SpecialDay.CheckIso(date, nameof(date));
        var cut = closesAt.NanosecondOfDay;
        var windows = new List<WorkingWindow>();
        foreach (var w in _windows[(int)date.DayOfWeek - 1])
        {
            if (w.StartNanosecondOfDay >= cut)
            {
                break;
            }

            windows.Add(w.EndNanosecondOfDay <= cut ? w : new WorkingWindow(w.Start, closesAt));
        }

        return new SpecialDay(date, windows);
    }

    /// <summary>Returns the working windows that apply on a local date: its special day's if it has one, none on a holiday,
    /// otherwise its day of the week's.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>The windows, sorted by start (empty when the date does not work).</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public ImmutableArray<WorkingWindow> WindowsOn(LocalDate date)
    {
        SpecialDay.CheckIso(date, nameof(date));
        var special = FindSpecialDay(date);
        return special is not null ? special.Windows
            : Holidays.Contains(date) ? []
            : _windows[(int)date.DayOfWeek - 1];
    }

    /// <summary>Returns whether a local date is a working day: it has at least one working window (see <see cref="WindowsOn(LocalDate)"/>).</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns><see langword="true"/> if the date has a working window.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        SpecialDay.CheckIso(date, nameof(date));
        return _timeline.IsWorkingDay(BusinessTimeline.UnixDay(date));
    }

    /// <summary>Returns the working windows of a day of the week, sorted by start.</summary>
    /// <param name="day">Monday to Sunday.</param>
    /// <returns>The windows (empty for a day off).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public ImmutableArray<WorkingWindow> WindowsOn(IsoDayOfWeek day)
    {
        if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Expected a day of the week Monday to Sunday; got {day}.");
        }

        return _windows[(int)day - 1];
    }

    /// <summary>Returns the working time in <c>[start, end)</c>: its real (elapsed) duration that lies in working windows.</summary>
    /// <param name="start">The start of the span (inclusive).</param>
    /// <param name="end">The end of the span (exclusive); not before <paramref name="start"/>.</param>
    /// <returns>The business time, between zero and <c>end - start</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> is after <paramref name="end"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="end"/> lies before
    /// <see cref="SupportedRange.MinInstant"/> or after <see cref="SupportedRange.ComputationLimit"/>.</exception>
    public Duration BusinessTime(Instant start, Instant end)
    {
        RangeGuard.CalendarInstant(start, nameof(start));
        RangeGuard.CalendarInstant(end, nameof(end));
        if (start > end)
        {
            throw new ArgumentException($"Expected start <= end; got start {start} after end {end}.", nameof(start));
        }

        return _timeline.BusinessTime(start, end);
    }

    /// <summary>Returns the earliest instant <c>t &gt;= start</c> with <c>BusinessTime(start, t) &gt;= businessTime</c>:
    /// the moment the given amount of working time, counted from <paramref name="start"/>, has passed.</summary>
    /// <param name="start">Where counting starts (it need not be working time: counting then starts at the next window).</param>
    /// <param name="businessTime">The working time to count; zero gives <paramref name="start"/>.</param>
    /// <returns>The instant. It ends a stretch of working time (for example 17:00, not the next morning's 09:00).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> lies before <see cref="SupportedRange.MinInstant"/> or
    /// after <see cref="SupportedRange.ComputationLimit"/>; <paramref name="businessTime"/> is negative or longer than
    /// <see cref="SupportedRange.MaxDuration"/> (100 years), or would end after <see cref="SupportedRange.ComputationLimit"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="businessTime"/> is positive and the calendar has no
    /// working windows (<see cref="HasWorkingTime"/> is <see langword="false"/>).</exception>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        RangeGuard.CalendarInstant(start, nameof(start));
        if (businessTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, $"Expected a business time >= 0; got {businessTime}.");
        }

        RangeGuard.Duration(businessTime, nameof(businessTime), "a business time");
        return businessTime == Duration.Zero ? start : WithinLimit(_timeline.Add(start, businessTime.ToInt128Nanoseconds(), nameof(businessTime)), start, nameof(businessTime));
    }

    /// <summary>Returns the deadline of "within <paramref name="days"/> business days" counted from <paramref name="start"/>.</summary>
    /// <remarks>
    /// <para>The one definition (docs/calendars-and-slas.md, "Business days"): let <c>s</c> be the first working instant at or after
    /// <paramref name="start"/> (<see cref="NextWorkingInstant"/>), <c>d</c> its local date and <c>t</c> its local time of day.
    /// The deadline lies on <c>D</c>, the <paramref name="days"/>-th working day (<see cref="IsWorkingDay"/>) after <c>d</c>; it is
    /// the first working instant on <c>D</c> whose local time of day is at least <c>t</c>, or, if <c>D</c> has none, the end of
    /// <c>D</c>'s last working window. In a fall-back overlap this picks the earlier of the two instants with that local time, in
    /// a spring-forward gap the first instant after the gap. For zero days the deadline is <c>s</c> itself.</para>
    /// <para>Example (Monday to Friday 08:00-17:00): opened Monday 08:00, within 2 business days: Wednesday 08:00; opened Friday
    /// 18:00, within 1 business day: <c>s</c> is Monday 08:00, so Tuesday 08:00.</para>
    /// </remarks>
    /// <param name="start">Where counting starts (it need not be working time).</param>
    /// <param name="days">The number of business days, at least zero.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> lies before <see cref="SupportedRange.MinInstant"/> or
    /// after <see cref="SupportedRange.ComputationLimit"/>; <paramref name="days"/> is negative or above
    /// <see cref="SupportedRange.MaxBusinessDays"/>, or the deadline would lie at or after <see cref="SupportedRange.ComputationLimit"/>
    /// (or no working time remains after <paramref name="start"/> before it).</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working windows, or works only on special days and
    /// fewer than <paramref name="days"/> of them follow <c>d</c>.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"Expected a number of business days >= 0; got {days}.");
        }

        RangeGuard.CalendarInstant(start, nameof(start));
        RangeGuard.BusinessDays(days, nameof(days));
        var s = _timeline.IsWorkingAt(start) ? start : WithinLimit(_timeline.Add(start, 1, nameof(start)), start, nameof(start)).PlusNanoseconds(-1);
        if (days == 0)
        {
            return s;
        }

        var local = s.InZone(Zone).LocalDateTime;
        var index = _timeline.WorkingDaysBefore(BusinessTimeline.UnixDay(local.Date)) + days;
        var found = _timeline.WorkingDayAt(index)
            ?? throw new InvalidOperationException(
                $"The calendar works only on special days, and fewer than {days} of them follow {SpecialDay.Format(local.Date)}.");
        if (found > LastDeadlineDay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(days),
                days,
                $"Expected a number of business days whose deadline lies before {SupportedRange.Format(SupportedRange.ComputationLimit)} (SupportedRange.ComputationLimit); {days} from {SupportedRange.Format(start)} would end after it.");
        }

        var date = BusinessTimeline.LocalDateOfDay(found);
        var windows = _timeline.WindowsOfDay(found);
        var t = local.TimeOfDay.NanosecondOfDay;
        foreach (var w in windows)
        {
            if (w.EndNanosecondOfDay <= t)
            {
                continue;
            }

            var from = date + (w.StartNanosecondOfDay >= t ? w.Start : local.TimeOfDay);
            var end = w.EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date + w.End;
            var mapping = Zone.MapLocal(from);
            if (mapping.Count > 0)
            {
                return mapping.First().ToInstant();
            }

            // In a spring-forward gap: the first instant after it, if that is still inside the window.
            var afterGap = mapping.LateInterval.Start;
            if (afterGap.InZone(Zone).LocalDateTime < end)
            {
                return afterGap;
            }
        }

        // No working instant on D at or after the start's time of day: the end of D's last working stretch, found as the first
        // instant at which the working time from D's start reaches that up to the end of D's last window (a last window that a
        // spring-forward gap swallows whole is skipped; if the gaps swallow all of D's windows, the end of the last one).
        var endOfLast = EndOfWindow(date, windows[^1]);
        var dayStart = Zone.AtStartOfDay(date).ToInstant();
        var onDate = _timeline.BusinessTime(dayStart, endOfLast);
        return onDate > Duration.Zero ? _timeline.Add(dayStart, onDate.ToInt128Nanoseconds(), nameof(days)) : endOfLast;
    }

    /// <summary>Returns whether an instant is working time (see the rule in the remarks).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> if the instant lies in a working window of a day that is not a holiday.</returns>
    public bool IsWorkingAt(Instant instant) => _timeline.IsWorkingAt(instant);

    /// <summary>Returns the earliest working instant at or after the given one: the instant itself when it is working time,
    /// otherwise the start of the next stretch of working time.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The next working instant.</returns>
    /// <exception cref="InvalidOperationException">The calendar has no working windows (<see cref="HasWorkingTime"/> is <see langword="false"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies before <see cref="SupportedRange.MinInstant"/> or
    /// after <see cref="SupportedRange.ComputationLimit"/>, or no working time remains before the limit.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        RangeGuard.CalendarInstant(instant, nameof(instant));
        if (_timeline.IsWorkingAt(instant))
        {
            return instant;
        }

        // Working stretches start and end on whole nanoseconds, so the first nanosecond of working time after the
        // instant ends exactly one nanosecond after the next stretch starts.
        return WithinLimit(_timeline.Add(instant, 1, nameof(instant)), instant, nameof(instant)).PlusNanoseconds(-1);
    }

    /// <summary>Gets the business time this calendar works after the supported range, from <see cref="ReachStart"/> to
    /// <see cref="ReachEnd"/>, capped at 2^63 - 1 ns (292 years, more than any objective needs): what an objective's allowed
    /// time must fit in (<c>ObjectiveGuard.CheckReach</c>).</summary>
    internal Duration Reach
    {
        get
        {
            // Worked out once; a long holds it, so a race between two threads computing it writes the same value whole.
            if (_reachNanoseconds < 0)
            {
                var full = _timeline.BusinessTime(ReachStart, ReachEnd).ToInt128Nanoseconds();
                _reachNanoseconds = full > long.MaxValue ? long.MaxValue : (long)full;
            }

            return Duration.FromNanoseconds(_reachNanoseconds);
        }
    }

    /// <summary>Where the reach of a calendar is measured from: the end of the supported instants.</summary>
    internal static Instant ReachStart => SupportedRange.MaxInstant;

    /// <summary>Where the reach of a calendar is measured to: 8999-12-30T00:00:00Z, so that the working days it counts lie on or
    /// before <see cref="LastDeadlineDay"/> in any zone.</summary>
    internal static readonly Instant ReachEnd = Instant.FromUtc(8999, 12, 30, 0, 0);

    private long _reachNanoseconds = -1;

    /// <summary>The end of an amount of business time, when it lies at or before <see cref="SupportedRange.ComputationLimit"/>.</summary>
    private static Instant WithinLimit(Instant end, Instant start, string parameterName) =>
        end <= SupportedRange.ComputationLimit ? end : throw BusinessTimeline.EndOfTime(start, parameterName);

    /// <inheritdoc />
    public bool Equals(BusinessCalendar? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _hash != other._hash || !string.Equals(Zone.Id, other.Zone.Id, StringComparison.Ordinal))
        {
            return false;
        }

        for (var d = 0; d < 7; d++)
        {
            if (!_windows[d].SequenceEqual(other._windows[d]))
            {
                return false;
            }
        }

        return Holidays.SetEquals(other.Holidays) && SpecialDays.SequenceEqual(other.SpecialDays);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Formats the calendar, for example <c>Europe/London; Mon 09:00-17:00; Tue 09:00-17:00; 2 holidays</c>, followed by
    /// the special days when there are any (<c>; special days 2026-12-24 09:00-12:00, 2026-12-27 09:00-17:00</c>).</summary>
    /// <returns>The zone id, each working day's windows, the number of holidays, and the special days.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Zone.Id);
        for (var d = 0; d < 7; d++)
        {
            if (_windows[d].Length > 0)
            {
                text.Append("; ").Append(DayNames[d].AsSpan(0, 3)).Append(' ').AppendJoin(", ", _windows[d]);
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"; {Holidays.Count} holidays");
        if (!SpecialDays.IsEmpty)
        {
            text.Append("; special days ").AppendJoin(", ", SpecialDays);
        }

        return text.ToString();
    }

    /// <summary>Equality: component-wise (zone id, windows, holidays, special days).</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(BusinessCalendar? left, BusinessCalendar? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality: component-wise (zone id, windows, holidays, special days).</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(BusinessCalendar? left, BusinessCalendar? right) => !(left == right);

    // A deadline on this day or before ends before SupportedRange.ComputationLimit (9000-01-01T00:00:00Z) in any zone: its
    // working windows end by 8999-12-31T00:00 local time, at most 18 hours after which it is in UTC.
    private static readonly long LastDeadlineDay = BusinessTimeline.UnixDay(new LocalDate(8999, 12, 30));

    private SpecialDay? FindSpecialDay(LocalDate date)
    {
        int lo = 0, hi = SpecialDays.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (SpecialDays[mid].Date < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < SpecialDays.Length && SpecialDays[lo].Date == date ? SpecialDays[lo] : null;
    }

    /// <summary>The instant a window's working stretch ends on a date: the later instant in a fall-back overlap (the repeated
    /// time is working twice), the first instant after a spring-forward gap.</summary>
    private Instant EndOfWindow(LocalDate date, WorkingWindow window)
    {
        var mapping = Zone.MapLocal(window.EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date + window.End);
        return mapping.Count > 0 ? mapping.Last().ToInstant() : mapping.LateInterval.Start;
    }

    private static void CheckDisjoint(ImmutableSortedSet<LocalDate> holidays, ImmutableArray<SpecialDay> specialDays, string parameterName)
    {
        foreach (var d in specialDays)
        {
            if (holidays.Contains(d.Date))
            {
                throw new ArgumentException(
                    $"Expected a date to be either a holiday or a special day; got {SpecialDay.Format(d.Date)} as both (holiday, and special day {d}).",
                    parameterName);
            }
        }
    }

    private static DateTimeZone ResolveZone(string zoneId)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException(
                $"Expected a tzdb time zone id such as \"Europe/London\"; got \"{zoneId}\", which tzdb {DateTimeZoneProviders.Tzdb.VersionId} does not know.",
                nameof(zoneId));
    }

    private static ImmutableArray<WorkingWindow> SortAndCheck(IsoDayOfWeek day, IEnumerable<WorkingWindow> windows)
    {
        var sorted = windows.Order().ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Overlaps(sorted[i]))
            {
                throw new ArgumentException(
                    $"Expected working windows on {day} that do not overlap; got {sorted[i - 1]} and {sorted[i]}.",
                    nameof(windows));
            }
        }

        return sorted;
    }

    private static ImmutableSortedSet<LocalDate> CheckHolidays(IEnumerable<LocalDate> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var list = holidays.ToList();
        foreach (var h in list)
        {
            // Checked before sorting: NodaTime refuses to compare dates of different calendar systems.
            if (h.Calendar != CalendarSystem.Iso)
            {
                throw new ArgumentException($"Expected holidays in the ISO calendar; got {h} in the {h.Calendar.Id} calendar.", nameof(holidays));
            }

            RangeGuard.Date(h, nameof(holidays), "a holiday");
        }

        return [.. list];
    }
}
