using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using InternalCustomer.Interchange.Ics;
using InternalCustomer.Interchange.Records;
using NodaTime;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads public holidays from an iCalendar file (<c>.ics</c>, RFC 5545): the dates of its all-day events, recurring
/// events expanded within a range of dates the caller gives (format and rules: <c>docs/interchange.md</c>, "iCalendar holidays").
/// </summary>
/// <remarks>
/// <para>Each <c>VEVENT</c> of the file's <c>VCALENDAR</c> is an all-day event (<c>DTSTART;VALUE=DATE:20261225</c>) lasting
/// one day, or up to (not including) its <c>DTEND</c> date, or for its <c>DURATION</c> in days or weeks; every date it covers is a holiday.
/// <c>RRULE</c>, <c>RDATE</c> and <c>EXDATE</c> repeat it (expanded by Ical.Net), and an event with a <c>RECURRENCE-ID</c> replaces
/// that one occurrence of the event with its <c>UID</c>. Only the dates inside the range are returned, because a rule such as
/// <c>FREQ=YEARLY</c> has no end. Events with <c>STATUS:CANCELLED</c> are skipped (a cancelled <c>RECURRENCE-ID</c> removes its
/// occurrence). Other components (<c>VTIMEZONE</c>, <c>VTODO</c>, ...) and other properties are ignored.</para>
/// <para>Problems are located by line (from 1; the first physical line of a folded content line) and the property's name, for
/// example <c>line 12 (DTSTART)</c>. A timed event (a <c>DTSTART</c> with a time) is a problem, not silently dropped; so are a
/// malformed content line, unbalanced <c>BEGIN</c>/<c>END</c>, a date that is not a calendar date and a rule Ical.Net cannot
/// read or evaluate. A text that does not start with <c>BEGIN:VCALENDAR</c> gets one problem at its first line. Reading never
/// throws on bad input, and reports at most <see cref="ReadOptions.MaxProblems"/> problems (100 by default) and a summary.</para>
/// </remarks>
public static class IcsHolidays
{
    /// <summary>
    /// How many rule steps in a row may find no date before a rule with COUNT is reported as matching nothing (a rule
    /// without COUNT is cut at the range's end, so it never searches past it). The longest gap of a sensible rule is
    /// 8 years of a daily rule for 29 February, 2,922 steps.
    /// </summary>
    private const int MaxUnmatchedSteps = 10_000;

    private static readonly LocalDate FirstDate = new(1, 1, 1);

    private static readonly LocalDate LastDate = new(9999, 12, 31);

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly string[] RuleParts =
        ["FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"];

    private static readonly string[] Frequencies = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"];

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, DateInterval, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImmutableSortedSet<LocalDate>> Read(ReadOnlySpan<byte> utf8Ics, DateInterval range) =>
        Read(utf8Ics, range, ReadOptions.Default);

    /// <summary>Reads holidays from UTF-8 iCalendar bytes.</summary>
    /// <param name="utf8Ics">The file's bytes (a leading byte-order mark is allowed).</param>
    /// <param name="range">The dates wanted: every holiday date inside it (both ends included) is returned; a range in another calendar system is taken as the same days in the ISO calendar.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The holiday dates (ISO) inside <paramref name="range"/>, sorted and distinct, or every problem found with its line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> reaches outside the supported dates, 1900-01-01 to
    /// 2200-12-31 (<see cref="SupportedRange"/>).</exception>
    public static Result<ImmutableSortedSet<LocalDate>> Read(ReadOnlySpan<byte> utf8Ics, DateInterval range, ReadOptions? options)
    {
        range = IsoRange(range);
        if (utf8Ics.StartsWith("\uFEFF"u8))
        {
            utf8Ics = utf8Ics[3..];
        }

        int? badLine = null;
        if (!System.Text.Unicode.Utf8.IsValid(utf8Ics))
        {
            var buffer = new char[utf8Ics.Length];
            System.Text.Unicode.Utf8.ToUtf16(utf8Ics, buffer, out var valid, out _, replaceInvalidSequences: false);
            badLine = utf8Ics[..valid].Count((byte)'\n') + 1;
        }

        return ReadText(Encoding.UTF8.GetString(utf8Ics), badLine, range, options);
    }

    /// <inheritdoc cref="Read(string, DateInterval, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImmutableSortedSet<LocalDate>> Read(string ics, DateInterval range) =>
        Read(ics, range, ReadOptions.Default);

    /// <summary>Reads holidays from iCalendar text.</summary>
    /// <param name="ics">The file's text (a leading byte-order mark is allowed).</param>
    /// <param name="range">The dates wanted: every holiday date inside it (both ends included) is returned; a range in another calendar system is taken as the same days in the ISO calendar.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The holiday dates (ISO) inside <paramref name="range"/>, sorted and distinct, or every problem found with its line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ics"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> reaches outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public static Result<ImmutableSortedSet<LocalDate>> Read(string ics, DateInterval range, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(ics);
        return ReadText(ics, null, IsoRange(range), options);
    }

    /// <inheritdoc cref="Read(Stream, DateInterval, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImmutableSortedSet<LocalDate>> Read(Stream utf8Ics, DateInterval range) =>
        Read(utf8Ics, range, ReadOptions.Default);

    /// <summary>Reads holidays from a stream of UTF-8 iCalendar, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end is read as an empty file, which is not iCalendar: one problem at line 1.</remarks>
    /// <param name="utf8Ics">A readable stream; it is not closed.</param>
    /// <param name="range">The dates wanted: every holiday date inside it (both ends included) is returned; a range in another calendar system is taken as the same days in the ISO calendar.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The holiday dates (ISO) inside <paramref name="range"/>, sorted and distinct, or every problem found with its line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Ics"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> reaches outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public static Result<ImmutableSortedSet<LocalDate>> Read(Stream utf8Ics, DateInterval range, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Ics);
        IsoRange(range);
        return Read(StreamBytes.ReadAll(utf8Ics).Span, range, options);
    }

    /// <summary>Reads holidays from a stream of UTF-8 iCalendar, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, DateInterval, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Ics">A readable stream; it is not closed.</param>
    /// <param name="range">The dates wanted: every holiday date inside it (both ends included) is returned; a range in another calendar system is taken as the same days in the ISO calendar.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The holiday dates (ISO) inside <paramref name="range"/>, sorted and distinct, or every problem found with its line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Ics"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> reaches outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public static async Task<Result<ImmutableSortedSet<LocalDate>>> ReadAsync(Stream utf8Ics, DateInterval range, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Ics);
        IsoRange(range);
        var bytes = await StreamBytes.ReadAllAsync(utf8Ics, cancellationToken).ConfigureAwait(false);
        return Read(bytes.Span, range, options);
    }

    /// <inheritdoc cref="Read(TextReader, DateInterval, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImmutableSortedSet<LocalDate>> Read(TextReader ics, DateInterval range) =>
        Read(ics, range, ReadOptions.Default);

    /// <summary>Reads holidays from a reader of iCalendar text, to its end.</summary>
    /// <param name="ics">The reader; it is not closed.</param>
    /// <param name="range">The dates wanted: every holiday date inside it (both ends included) is returned; a range in another calendar system is taken as the same days in the ISO calendar.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The holiday dates (ISO) inside <paramref name="range"/>, sorted and distinct, or every problem found with its line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ics"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="IOException">Reading failed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> reaches outside the supported dates (<see cref="SupportedRange"/>).</exception>
    public static Result<ImmutableSortedSet<LocalDate>> Read(TextReader ics, DateInterval range, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(ics);
        var iso = IsoRange(range);
        return ReadText(ics.ReadToEnd(), null, iso, options);
    }

    /// <summary>The range in the ISO calendar: a range in another calendar system names the same days. It must lie inside the
    /// supported dates (<see cref="SupportedRange"/>), so that every holiday read can go into a business calendar.</summary>
    private static DateInterval IsoRange(DateInterval range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var iso = range.Start.Calendar == CalendarSystem.Iso
            ? range
            : new DateInterval(range.Start.WithCalendar(CalendarSystem.Iso), range.End.WithCalendar(CalendarSystem.Iso));
        return SupportedRange.Contains(iso.Start) && SupportedRange.Contains(iso.End)
            ? iso
            : throw new ArgumentOutOfRangeException(
                nameof(range),
                $"Expected a range of dates {NodaText.DateRange}; got {NodaText.Format(iso.Start)} to {NodaText.Format(iso.End)}.");
    }

    private static Result<ImmutableSortedSet<LocalDate>> ReadText(string text, int? badUtf8Line, DateInterval range, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        var root = IcsDocument.Parse(text, badUtf8Line, problems);
        if (root is null)
        {
            return problems.ToResult<ImmutableSortedSet<LocalDate>>(null);
        }

        CheckCalendar(root, problems);
        var events = new List<Holiday>();
        var replaced = new Dictionary<string, HashSet<LocalDate>>(StringComparer.Ordinal);
        foreach (var component in root.Components.Where(c => c.Name == "VEVENT"))
        {
            if (ReadEvent(component, problems) is not { } holiday)
            {
                continue;
            }

            if (holiday.Uid is { } uid && holiday.RecurrenceId is { } id)
            {
                if (!replaced.TryGetValue(uid, out var dates))
                {
                    replaced[uid] = dates = [];
                }

                dates.Add(id);
            }

            if (!holiday.Cancelled)
            {
                events.Add(holiday);
            }
        }

        var spans = new List<(LocalDate Start, LocalDate End)>();
        foreach (var holiday in events)
        {
            var skip = holiday.RecurrenceId is null && holiday.Uid is { } uid && replaced.TryGetValue(uid, out var dates) ? dates : null;
            Expand(holiday, range, skip, spans, problems);
        }

        if (problems.Count > 0)
        {
            return problems.ToResult<ImmutableSortedSet<LocalDate>>(null);
        }

        var result = ImmutableSortedSet.CreateBuilder<LocalDate>();
        LocalDate? next = null;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            var from = next is { } n && n > start ? n : start;
            for (var date = from; date <= end; date = date.PlusDays(1))
            {
                result.Add(date);
                if (date == end)
                {
                    break;
                }
            }

            if (next is null || end >= next)
            {
                next = end == LastDate ? end : end.PlusDays(1);
            }
        }

        return problems.ToResult(result.ToImmutable());
    }

    private static void CheckCalendar(IcsComponent root, ProblemCollector problems)
    {
        var version = root.Properties.Where(p => p.Name == "VERSION").ToList();
        if (version.Count == 0)
        {
            problems.Add(ProblemKind.MissingValue, root.Location.Property("VERSION"), "Expected the VCALENDAR to have VERSION:2.0 (RFC 5545); got no VERSION.");
        }
        else if (version[0].Value.Trim() != "2.0")
        {
            problems.Add(ProblemKind.InvalidValue, version[0].Location, $"Expected VERSION:2.0 (RFC 5545); got \"{Snippet.Of(version[0].Value)}\".");
        }

        foreach (var scale in root.Properties.Where(p => p.Name == "CALSCALE"))
        {
            if (!scale.Value.Trim().Equals("GREGORIAN", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(ProblemKind.InvalidValue, scale.Location, $"Expected CALSCALE:GREGORIAN, the only calendar scale iCalendar defines; got \"{Snippet.Of(scale.Value)}\".");
            }
        }
    }

    private static Holiday? ReadEvent(IcsComponent component, ProblemCollector problems)
    {
        var before = problems.Count;
        var uid = Single(component, "UID", problems)?.Value.Trim();
        var status = Single(component, "STATUS", problems);
        var cancelled = status is not null && status.Value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase);
        var recurrenceIdLine = Single(component, "RECURRENCE-ID", problems);
        if (cancelled)
        {
            // A cancelled event is data, not an error: only what it cancels matters (a RECURRENCE-ID date of a UID).
            var cancelledId = recurrenceIdLine is not null && uid is not null && IsDate(recurrenceIdLine.Value.Trim(), out var cancelledDate) ? cancelledDate : (LocalDate?)null;
            return new Holiday(component, default, 1, null, null, [], [], uid, cancelledId, Cancelled: true);
        }

        LocalDate? recurrenceId = null;
        if (recurrenceIdLine is not null)
        {
            recurrenceId = Date(recurrenceIdLine, problems);
            if (uid is null)
            {
                problems.Add(ProblemKind.MissingValue, component.Location.Property("UID"), string.Create(CultureInfo.InvariantCulture, $"The event has a RECURRENCE-ID (line {recurrenceIdLine.Line}) but no UID, so it replaces no occurrence; expected the UID of the event it replaces."));
            }
        }

        var startLine = Single(component, "DTSTART", problems);
        if (startLine is null)
        {
            problems.Add(ProblemKind.MissingValue, component.Location.Property("DTSTART"), "Expected the event to have a DTSTART, such as DTSTART;VALUE=DATE:20261225; got none.");
            return null;
        }

        var start = Date(startLine, problems);
        var days = 1;
        var endLine = Single(component, "DTEND", problems);
        var durationLine = Single(component, "DURATION", problems);
        if (endLine is not null && durationLine is not null)
        {
            problems.Add(ProblemKind.UnexpectedProperty, durationLine.Location, string.Create(CultureInfo.InvariantCulture, $"The event has both DTEND (line {endLine.Line}) and DURATION; expected at most one of them (RFC 5545 §3.6.1)."));
        }
        else if (endLine is not null && Date(endLine, problems) is { } end && start is { } s)
        {
            if (end <= s)
            {
                problems.Add(ProblemKind.InvalidValue, endLine.Location, $"Expected DTEND after DTSTART ({Text(s)}): DTEND is the first day after the event, so a one-day event ends on the next day; got {Text(end)}.");
            }
            else
            {
                days = NodaTime.Period.DaysBetween(s, end);
            }
        }
        else if (durationLine is not null && Days(durationLine, problems) is { } d)
        {
            days = d;
        }

        var (rule, ruleLine) = Rule(component, problems);
        var rdates = Dates(component, "RDATE", problems);
        var exdates = Dates(component, "EXDATE", problems);
        if (problems.Count > before || start is null)
        {
            return null;
        }

        return new Holiday(component, start.Value, days, rule, ruleLine, rdates, exdates, uid, recurrenceId, Cancelled: false);
    }

    private static IcsContentLine? Single(IcsComponent component, string name, ProblemCollector problems)
    {
        IcsContentLine? first = null;
        foreach (var property in component.Properties.Where(p => p.Name == name))
        {
            if (first is null)
            {
                first = property;
            }
            else
            {
                problems.Add(ProblemKind.UnexpectedProperty, property.Location, string.Create(CultureInfo.InvariantCulture, $"The event has {name} twice (lines {first.Line} and {property.Line}); expected it once."));
            }
        }

        return first;
    }

    /// <summary>A date value (<c>VALUE=DATE</c>, or eight digits with no VALUE), or a problem: a timed value, a value that is no calendar date.</summary>
    private static LocalDate? Date(IcsContentLine property, ProblemCollector problems) =>
        DateValue(property, property.Value.Trim(), property.Parameter("VALUE")?.ToUpperInvariant(), problems);

    private static LocalDate? DateValue(IcsContentLine property, string value, string? type, ProblemCollector problems)
    {
        if (type is not (null or "DATE" or "DATE-TIME"))
        {
            problems.Add(ProblemKind.InvalidValue, property.Location, $"Expected {property.Name};VALUE=DATE for an all-day event; got VALUE={Snippet.Of(type)}.");
            return null;
        }

        if (IsDateTime(value))
        {
            var date = value[..8];
            var message = property.Name == "DTSTART"
                ? $"The event is timed (DTSTART {Snippet.Of(value)}); only all-day events are holidays: expected DTSTART;VALUE=DATE:{date}."
                : $"Expected {property.Name} as a date, as for an all-day event ({property.Name};VALUE=DATE:{date}); got the date-time {Snippet.Of(value)}.";
            problems.Add(ProblemKind.InvalidValue, property.Location, message);
            return null;
        }

        if (type == "DATE-TIME")
        {
            problems.Add(ProblemKind.InvalidValue, property.Location, $"Expected a date-time after VALUE=DATE-TIME, or VALUE=DATE for an all-day event; got \"{Snippet.Of(value)}\".");
            return null;
        }

        if (IsDate(value, out var result))
        {
            return result;
        }

        var why = value.Length == 8 && !value.AsSpan().ContainsAnyExcept(Digits) ? ", which is not a calendar date" : string.Empty;
        problems.Add(ProblemKind.InvalidValue, property.Location, $"Expected a date YYYYMMDD such as 20261225; got \"{Snippet.Of(value)}\"{why}.");
        return null;
    }

    private static bool IsDate(string value, out LocalDate date)
    {
        date = default;
        if (value.Length != 8 || value.AsSpan().ContainsAnyExcept(Digits))
        {
            return false;
        }

        var year = int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(value.AsSpan(6, 2), CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool IsDateTime(string value) =>
        value.Length is 15 or 16
        && value[8] == 'T'
        && !value.AsSpan(0, 8).ContainsAnyExcept(Digits)
        && !value.AsSpan(9, 6).ContainsAnyExcept(Digits)
        && (value.Length == 15 || value[15] is 'Z' or 'z');

    /// <summary>A duration of whole days or weeks (<c>P3D</c>, <c>P1W</c>), as days.</summary>
    private static int? Days(IcsContentLine property, ProblemCollector problems)
    {
        var value = property.Value.Trim();
        var body = value.StartsWith('+') ? value[1..] : value;
        if (body.Length >= 3
            && body[0] == 'P'
            && body[^1] is 'D' or 'W'
            && !body.AsSpan(1, body.Length - 2).ContainsAnyExcept(Digits)
            && body.Length <= 8
            && int.Parse(body.AsSpan(1, body.Length - 2), CultureInfo.InvariantCulture) is > 0 and var n)
        {
            return body[^1] == 'W' ? n * 7 : n;
        }

        problems.Add(ProblemKind.InvalidValue, property.Location, $"Expected a positive whole number of days or weeks for an all-day event, such as P1D or P2W; got \"{Snippet.Of(value)}\".");
        return null;
    }

    private static List<LocalDate> Dates(IcsComponent component, string name, ProblemCollector problems)
    {
        var dates = new List<LocalDate>();
        foreach (var property in component.Properties.Where(p => p.Name == name))
        {
            var type = property.Parameter("VALUE")?.ToUpperInvariant();
            if (type == "PERIOD")
            {
                problems.Add(ProblemKind.InvalidValue, property.Location, $"Expected {name};VALUE=DATE with dates for an all-day event; got VALUE=PERIOD.");
                continue;
            }

            foreach (var value in property.Value.Split(','))
            {
                if (DateValue(property, value.Trim(), type, problems) is { } date)
                {
                    dates.Add(date);
                }
            }
        }

        return dates;
    }

    /// <summary>The event's one RRULE, checked for what an all-day event allows and then parsed by Ical.Net.</summary>
    private static (RecurrencePattern? Rule, IcsContentLine? Line) Rule(IcsComponent component, ProblemCollector problems)
    {
        var line = Single(component, "RRULE", problems);
        if (line is null)
        {
            return (null, null);
        }

        var before = problems.Count;
        var value = line.Value.Trim();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? part[..equals].ToUpperInvariant() : string.Empty;
            var text = equals > 0 ? part[(equals + 1)..] : string.Empty;
            if (key.Length == 0 || text.Length == 0)
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected rule parts NAME=value separated by ';', such as FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1; got \"{Snippet.Of(part)}\".");
            }
            else if (!RuleParts.Contains(key))
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected a rule part of RFC 5545 §3.3.10 ({string.Join(", ", RuleParts)}); got \"{Snippet.Of(key)}\".");
            }
            else if (!seen.Add(key))
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"The rule has {key} twice; expected it at most once.");
            }
            else if (key is "BYHOUR" or "BYMINUTE" or "BYSECOND")
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected no {key} in the rule of an all-day event (RFC 5545 §3.3.10: not with a DATE DTSTART); got {key}={Snippet.Of(text)}.");
            }
            else if (key == "FREQ" && !Frequencies.Contains(text.ToUpperInvariant()))
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected FREQ to be one of {string.Join(", ", Frequencies)} for an all-day event; got FREQ={Snippet.Of(text)}.");
            }
            else if (key == "UNTIL" && !IsDate(text, out _))
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected UNTIL to be a date YYYYMMDD, as DTSTART is a date (RFC 5545 §3.3.10); got UNTIL={Snippet.Of(text)}.");
            }
            else if (key is "COUNT" or "INTERVAL" && (text.Length > 9 || text.AsSpan().ContainsAnyExcept(Digits) || int.Parse(text, CultureInfo.InvariantCulture) == 0))
            {
                problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected {key} to be a positive whole number; got {key}={Snippet.Of(text)}.");
            }
        }

        if (!seen.Contains("FREQ"))
        {
            problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected the rule to have FREQ (RFC 5545 §3.3.10), such as FREQ=YEARLY; got \"{Snippet.Of(value)}\".");
        }

        if (seen.Contains("COUNT") && seen.Contains("UNTIL"))
        {
            problems.Add(ProblemKind.InvalidValue, line.Location, "Expected at most one of COUNT and UNTIL in the rule (RFC 5545 §3.3.10); got both.");
        }

        if (problems.Count > before)
        {
            return (null, line);
        }

        try
        {
            return (new RecurrencePattern(value), line);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            problems.Add(ProblemKind.InvalidValue, line.Location, $"Expected a recurrence rule of RFC 5545 §3.3.10; Ical.Net cannot read \"{Snippet.Of(value)}\" ({e.Message}).");
            return (null, line);
        }
    }

    /// <summary>Adds the spans of days of the event's occurrences that meet <paramref name="range"/>, each cut to it.</summary>
    private static void Expand(Holiday holiday, DateInterval range, HashSet<LocalDate>? skip, List<(LocalDate Start, LocalDate End)> spans, ProblemCollector problems)
    {
        // An occurrence starting up to days - 1 before the range still covers its first day.
        var from = NodaTime.Period.DaysBetween(FirstDate, range.Start) >= holiday.Days - 1 ? range.Start.PlusDays(-(holiday.Days - 1)) : FirstDate;
        var calendarEvent = new CalendarEvent { DtStart = Cal(holiday.Start) };
        if (holiday.Rule is { } rule)
        {
            // Dates after the range are never wanted: ending the rule there bounds the search by the range, also
            // for a rule that matches nothing (30 February). A rule with COUNT must count from DTSTART, so it keeps
            // its own end and the step limit bounds it.
            if (rule.Count is null && (rule.Until is null || LocalDate.FromDateOnly(rule.Until.Date) > range.End))
            {
                rule.Until = Cal(range.End);
            }

            calendarEvent.RecurrenceRule = rule;
        }

        calendarEvent.RecurrenceDates.AddRange(holiday.RecurrenceDates.Select(Cal));
        calendarEvent.ExceptionDates.AddRange(holiday.ExceptionDates.Select(Cal));
        try
        {
            foreach (var occurrence in calendarEvent.GetOccurrences(Cal(from), new EvaluationOptions { MaxUnmatchedIncrementsLimit = MaxUnmatchedSteps }))
            {
                var start = LocalDate.FromDateOnly(occurrence.Period.StartTime.Date);
                if (start > range.End)
                {
                    break;
                }

                if (skip is not null && skip.Contains(start))
                {
                    continue;
                }

                var last = NodaTime.Period.DaysBetween(start, range.End) >= holiday.Days - 1 ? start.PlusDays(holiday.Days - 1) : range.End;
                if (last >= range.Start)
                {
                    spans.Add((start < range.Start ? range.Start : start, last));
                }
            }
        }
        catch (Exception e) when (e is EvaluationException or ArgumentException or OverflowException or InvalidOperationException)
        {
            var location = holiday.RuleLine?.Location ?? holiday.Source.Location;
            var why = e is EvaluationLimitExceededException
                ? string.Create(CultureInfo.InvariantCulture, $"the rule found no date in {MaxUnmatchedSteps} steps in a row, so it matches nothing")
                : "Ical.Net ran past 9999-12-31, the last date it can represent, while looking for the rule's dates (as a rule that matches no date does)";
            problems.Add(ProblemKind.InvalidValue, location, string.Create(CultureInfo.InvariantCulture, $"Expected the event (line {holiday.Source.Line}) to repeat on dates from {Text(range.Start)} to {Text(range.End)}; {why}."));
        }
    }

    private static CalDateTime Cal(LocalDate date) => new(date.ToDateOnly());

    private static string Text(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Holiday(
        IcsComponent Source,
        LocalDate Start,
        int Days,
        RecurrencePattern? Rule,
        IcsContentLine? RuleLine,
        List<LocalDate> RecurrenceDates,
        List<LocalDate> ExceptionDates,
        string? Uid,
        LocalDate? RecurrenceId,
        bool Cancelled);
}
