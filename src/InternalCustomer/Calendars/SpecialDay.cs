using System.Collections.Immutable;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Calendars;

/// <summary>
/// One local date whose working windows replace those the weekly template gives its day of the week: fewer for a part-day
/// closure (24 December 09:00–12:00), some on a day normally off for a make-up workday (a Sunday that is worked), none for a
/// day closed all day.
/// </summary>
/// <remarks>
/// <para>The windows follow the same rules as a weekday's in <see cref="BusinessCalendar.Create{TWindows}"/>: kept sorted by
/// start whatever order they came in, overlapping windows rejected, touching windows accepted. They apply to the local date
/// <see cref="Date"/> in the calendar's zone, so on a daylight-saving change day they are shorter or longer in real time exactly
/// as a weekday's windows are.</para>
/// <para>Equality is component-wise: the date and the windows.</para>
/// </remarks>
public sealed class SpecialDay : IEquatable<SpecialDay>
{
    /// <summary>Initializes a special day.</summary>
    /// <param name="date">The local date (ISO calendar).</param>
    /// <param name="windows">The working windows of that date, in any order, not overlapping; empty means closed all day.
    /// The collection is read once and not kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> is <see langword="null"/> (or a <c>default</c> <c>ImmutableArray</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar (parameter <c>date</c>), or two
    /// windows overlap (parameter <c>windows</c>; the message names both and the date).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside the supported dates, 1900-01-01 to
    /// 2200-12-31 (<see cref="SupportedRange"/>).</exception>
    public SpecialDay(LocalDate date, IEnumerable<WorkingWindow> windows)
    {
        CheckIso(date, nameof(date));
        RangeGuard.Date(date, nameof(date), "a special day");
        if (windows is null or ImmutableArray<WorkingWindow> { IsDefault: true })
        {
            throw new ArgumentNullException(
                nameof(windows),
                $"Expected the working windows of {Format(date)} (empty for closed all day); got {(windows is null ? "null" : "a default ImmutableArray")}.");
        }

        var sorted = windows.Order().ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Overlaps(sorted[i]))
            {
                throw new ArgumentException(
                    $"Expected working windows on {Format(date)} that do not overlap; got {sorted[i - 1]} and {sorted[i]}.",
                    nameof(windows));
            }
        }

        Date = date;
        Windows = sorted;
    }

    /// <summary>Gets the local date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the working windows of the date, sorted by start and not overlapping; empty when closed all day.</summary>
    public ImmutableArray<WorkingWindow> Windows { get; }

    /// <summary>Gets a value indicating whether the date is closed all day (it has no working window).</summary>
    public bool IsClosed => Windows.IsEmpty;

    /// <summary>Creates a special day closed all day.</summary>
    /// <param name="date">The local date (ISO calendar).</param>
    /// <returns>The special day, without windows.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public static SpecialDay Closed(LocalDate date) => new(date, []);

    /// <inheritdoc />
    public bool Equals(SpecialDay? other) =>
        ReferenceEquals(this, other) || (other is not null && Date == other.Date && Windows.SequenceEqual(other.Windows));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SpecialDay);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Date);
        foreach (var w in Windows)
        {
            hash.Add(w);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats the special day, for example <c>2026-12-24 09:00-12:00</c> or <c>2026-12-25 closed</c>.</summary>
    /// <returns>The ISO date and its windows, or <c>closed</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Format(Date)).Append(' ');
        return (IsClosed ? text.Append("closed") : text.AppendJoin(", ", Windows)).ToString();
    }

    /// <summary>Equality: the date and the windows.</summary>
    /// <param name="left">The first special day.</param>
    /// <param name="right">The second special day.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(SpecialDay? left, SpecialDay? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality: the date or the windows.</summary>
    /// <param name="left">The first special day.</param>
    /// <param name="right">The second special day.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(SpecialDay? left, SpecialDay? right) => !(left == right);

    internal static void CheckIso(LocalDate date, string parameterName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"Expected a date in the ISO calendar; got {date} in the {date.Calendar.Id} calendar.", parameterName);
        }
    }

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
