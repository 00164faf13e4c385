using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Calendars;

/// <summary>
/// A half-open span of wall-clock time within one day, <c>[Start, End)</c>, during which a
/// <see cref="BusinessCalendar"/> is working. An <see cref="End"/> of <see cref="LocalTime.Midnight"/>
/// means the end of the day (24:00).
/// </summary>
/// <remarks>
/// <para>A window is local (wall-clock) time: it does not know its zone or date. Which instants it covers on a
/// given date, including on daylight-saving change days, is decided by <see cref="BusinessCalendar"/>.</para>
/// <para><c>default(WorkingWindow)</c> is the whole day, 00:00 to 24:00 (both times are midnight), the same as
/// <see cref="WholeDay"/>.</para>
/// <para>Windows are ordered by start, then by end (an end of midnight sorting last, as 24:00).</para>
/// </remarks>
public readonly struct WorkingWindow : IEquatable<WorkingWindow>, IComparable<WorkingWindow>
{
    private const long NanosecondsPerDay = 86_400_000_000_000L;

    /// <summary>Initializes a new window <c>[start, end)</c>.</summary>
    /// <param name="start">The first working time of the window.</param>
    /// <param name="end">The first time after the window; <see cref="LocalTime.Midnight"/> means the end of the day.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/> (and is not midnight).</exception>
    public WorkingWindow(LocalTime start, LocalTime end)
    {
        if (end != LocalTime.Midnight && end <= start)
        {
            throw new ArgumentException(
                $"A working window must end after it starts (or end at midnight, meaning 24:00); got start {Format(start)} and end {Format(end)}.",
                nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the whole day, 00:00 to 24:00.</summary>
    public static WorkingWindow WholeDay => default;

    /// <summary>Gets the first working time of the window (inclusive).</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the first time after the window (exclusive); <see cref="LocalTime.Midnight"/> means the end of the day.</summary>
    public LocalTime End { get; }

    /// <summary>Gets a value indicating whether the window runs to the end of the day (its <see cref="End"/> is midnight).</summary>
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    /// <summary>Gets the length of the window in wall-clock time (on a day without a daylight-saving change, also its real length).</summary>
    public Duration Length => Duration.FromNanoseconds(EndNanosecondOfDay - StartNanosecondOfDay);

    /// <summary>Gets the start as nanoseconds since midnight.</summary>
    internal long StartNanosecondOfDay => Start.NanosecondOfDay;

    /// <summary>Gets the end as nanoseconds since midnight, 24 hours for a window ending at midnight.</summary>
    internal long EndNanosecondOfDay => End == LocalTime.Midnight ? NanosecondsPerDay : End.NanosecondOfDay;

    /// <summary>Returns whether a wall-clock time lies in the window (start inclusive, end exclusive).</summary>
    /// <param name="time">The time of day.</param>
    /// <returns><see langword="true"/> if <c>Start &lt;= time &lt; End</c>, with an end of midnight meaning 24:00.</returns>
    public bool Contains(LocalTime time)
    {
        var t = time.NanosecondOfDay;
        return t >= StartNanosecondOfDay && t < EndNanosecondOfDay;
    }

    /// <summary>Returns whether this window shares some time with another (touching ends do not overlap).</summary>
    /// <param name="other">The other window.</param>
    /// <returns><see langword="true"/> if the two half-open windows intersect.</returns>
    public bool Overlaps(WorkingWindow other) =>
        StartNanosecondOfDay < other.EndNanosecondOfDay && other.StartNanosecondOfDay < EndNanosecondOfDay;

    /// <summary>Formats the window as <c>HH:mm-HH:mm</c> (seconds and fractions shown only when present), 24:00 for an end of midnight.</summary>
    /// <returns>The formatted window, for example <c>09:00-17:00</c>.</returns>
    public override string ToString() => $"{Format(Start)}-{(EndsAtMidnight ? "24:00" : Format(End))}";

    /// <inheritdoc />
    public bool Equals(WorkingWindow other) => Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkingWindow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>Orders by start, then by end (midnight as 24:00).</summary>
    /// <param name="other">The window to compare with.</param>
    /// <returns>Negative, zero or positive as this window sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(WorkingWindow other)
    {
        var c = StartNanosecondOfDay.CompareTo(other.StartNanosecondOfDay);
        return c != 0 ? c : EndNanosecondOfDay.CompareTo(other.EndNanosecondOfDay);
    }

    /// <summary>Equality of start and end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(WorkingWindow left, WorkingWindow right) => left.Equals(right);

    /// <summary>Inequality of start or end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(WorkingWindow left, WorkingWindow right) => !left.Equals(right);

    /// <summary>Ordering by start, then end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(WorkingWindow left, WorkingWindow right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by start, then end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</returns>
    public static bool operator <=(WorkingWindow left, WorkingWindow right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by start, then end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(WorkingWindow left, WorkingWindow right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by start, then end.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</returns>
    public static bool operator >=(WorkingWindow left, WorkingWindow right) => left.CompareTo(right) >= 0;

    private static string Format(LocalTime time) =>
        LocalTimePattern.CreateWithInvariantCulture(time.NanosecondOfSecond != 0 ? "HH:mm:ss.FFFFFFFFF" : time.Second != 0 ? "HH:mm:ss" : "HH:mm")
            .Format(time);
}
