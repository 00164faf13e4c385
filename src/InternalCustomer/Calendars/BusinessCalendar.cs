using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;

namespace InternalCustomer.Calendars;

/// <summary>
/// A business calendar: a tzdb time zone, working windows for each ISO day of the week, and holidays. It answers how much
/// working time lies between two instants, when an amount of working time has passed, and whether an instant is working time.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> An instant is working time if and only if its local date-time in <see cref="Zone"/> falls inside a
/// working window <c>[Start, End)</c> of that local date's day of the week (an end of midnight meaning 24:00), and that local
/// date is not one of the <see cref="Holidays"/>. Every other behaviour follows from it (DESIGN §3):</para>
/// <list type="bullet">
/// <item>Windows are half-open: 17:00 is not working time in a 09:00–17:00 window, 09:00 is.</item>
/// <item>Across a daylight-saving change a window is shorter or longer in real time. A window whose start lies in a
/// spring-forward gap begins at the first instant after the gap (not at the lenient resolver's shifted time); a window
/// wholly inside the gap contributes nothing. During a fall-back overlap both passes through the repeated hour count.</item>
/// <item>The offset used for an instant is always the zone's offset at that instant; no offset is carried over to another date.</item>
/// <item>A holiday removes that local date's windows; holidays on days without windows change nothing.</item>
/// </list>
/// <para><b>Windows.</b> The windows of a day are kept sorted by start, whatever order they were given in; windows that overlap
/// (share any time) are rejected with a message naming both; windows that merely touch (one ends when the next starts) are
/// accepted and kept as given.</para>
/// <para><b>Cost.</b> <see cref="BusinessTime"/>, <see cref="AddBusinessTime"/>, <see cref="IsWorkingAt"/> and
/// <see cref="NextWorkingInstant"/> take time independent of the span: they grow with neither the days, nor the holidays,
/// nor the daylight-saving transitions in it: a few direct-index lookups and integer operations (plus a short binary search for
/// instants before 1850, which the index does not cover), and allocate nothing. Building a calendar precomputes per-transition and
/// per-holiday tables (docs/calendars-and-slas.md explains the algorithm).</para>
/// <para><b>Equality</b> is component-wise: zone id, the windows of each day, and the set of holidays. Instances are
/// immutable and safe to share between threads.</para>
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private readonly ImmutableArray<WorkingWindow>[] _windows;
    private readonly BusinessTimeline _timeline;
    private readonly int _hash;

    private BusinessCalendar(DateTimeZone zone, ImmutableArray<WorkingWindow>[] windows, ImmutableSortedSet<LocalDate> holidays)
    {
        Zone = zone;
        _windows = windows;
        Holidays = holidays;
        _timeline = new BusinessTimeline(zone, [.. windows.Select(w => (IReadOnlyList<WorkingWindow>)w)], holidays);
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

        _hash = hash.ToHashCode();
    }

    /// <summary>Gets the calendar's time zone (from the tzdb provider).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the tzdb id of <see cref="Zone"/>, for example <c>Europe/London</c>.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>Gets the holidays: whole local dates on which no window is working, sorted.</summary>
    public ImmutableSortedSet<LocalDate> Holidays { get; }

    /// <summary>Gets the working time of one ordinary week in wall-clock terms (the sum of all windows' lengths).</summary>
    public Duration WeeklyWorkingTime => Duration.FromNanoseconds(_timeline.WeekTotal);

    /// <summary>Gets a value indicating whether the calendar has any working window at all.</summary>
    public bool HasWorkingTime => _timeline.WeekTotal > 0;

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

        return new BusinessCalendar(zone, byDay, CheckHolidays(holidays));
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

        return new BusinessCalendar(zone, byDay, []);
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

        return new BusinessCalendar(zone, byDay, []);
    }

    /// <summary>Returns a calendar with the same zone and windows and the given holidays instead of this one's.</summary>
    /// <param name="holidays">The new holidays (ISO calendar); duplicates are ignored.</param>
    /// <returns>The new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A holiday is not in the ISO calendar.</exception>
    public BusinessCalendar WithHolidays(IEnumerable<LocalDate> holidays) => new(Zone, _windows, CheckHolidays(holidays));

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
    public Duration BusinessTime(Instant start, Instant end)
    {
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative, or would end after
    /// <see cref="Instant.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="businessTime"/> is positive and the calendar has no
    /// working windows (<see cref="HasWorkingTime"/> is <see langword="false"/>).</exception>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        if (businessTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, $"Expected a business time >= 0; got {businessTime}.");
        }

        return businessTime == Duration.Zero ? start : _timeline.Add(start, businessTime.ToInt128Nanoseconds(), nameof(businessTime));
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
    /// <exception cref="ArgumentOutOfRangeException">No working time remains before <see cref="Instant.MaxValue"/>.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        if (_timeline.IsWorkingAt(instant))
        {
            return instant;
        }

        // Working stretches start and end on whole nanoseconds, so the first nanosecond of working time after the
        // instant ends exactly one nanosecond after the next stretch starts.
        return _timeline.Add(instant, 1, nameof(instant)).PlusNanoseconds(-1);
    }

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

        return Holidays.SetEquals(other.Holidays);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Formats the calendar, for example <c>Europe/London; Mon 09:00-17:00; Tue 09:00-17:00; 2 holidays</c>.</summary>
    /// <returns>The zone id, each working day's windows, and the number of holidays.</returns>
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

        return text.Append(CultureInfo.InvariantCulture, $"; {Holidays.Count} holidays").ToString();
    }

    /// <summary>Equality: component-wise (zone id, windows, holidays).</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(BusinessCalendar? left, BusinessCalendar? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality: component-wise (zone id, windows, holidays).</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(BusinessCalendar? left, BusinessCalendar? right) => !(left == right);

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
        }

        return [.. list];
    }
}
