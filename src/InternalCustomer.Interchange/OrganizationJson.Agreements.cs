using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Organizations;
using NodaTime;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>Calendars and agreements in the organisation document.</summary>
public static partial class OrganizationJson
{
    private static readonly (string Name, IsoDayOfWeek Day)[] Days =
    [
        ("monday", IsoDayOfWeek.Monday), ("tuesday", IsoDayOfWeek.Tuesday), ("wednesday", IsoDayOfWeek.Wednesday),
        ("thursday", IsoDayOfWeek.Thursday), ("friday", IsoDayOfWeek.Friday), ("saturday", IsoDayOfWeek.Saturday),
        ("sunday", IsoDayOfWeek.Sunday),
    ];

    private static readonly string[] DayNames = [.. Days.Select(d => d.Name)];

    private static CalendarEntry ToEntry(CalendarId id, BusinessCalendar calendar) => new(
        id.Value,
        calendar.ZoneId,
        Days.Where(d => !calendar.WindowsOn(d.Day).IsEmpty)
            .ToDictionary(d => d.Name, d => calendar.WindowsOn(d.Day).Select(FormatWindow).ToList(), StringComparer.Ordinal),
        calendar.Holidays.IsEmpty ? null : [.. calendar.Holidays.Select(NodaText.Format)],
        calendar.SpecialDays.IsEmpty ? null : [.. calendar.SpecialDays.Select(d => new SpecialDayEntry(NodaText.Format(d.Date), [.. d.Windows.Select(FormatWindow)]))]);

    private static AgreementEntry ToEntry(ServiceAgreement a) => new(
        a.Id.Value,
        a.Provider.Value,
        a.Consumer.Value,
        [.. a.Services.Select(s => s.Value)],
        a.Calendar.Value,
        NodaText.Format(a.EffectiveFrom),
        a.EffectiveUntil is { } until ? NodaText.Format(until) : null,
        NodaText.Format(a.ReviewCadence),
        ToEntry(a.FirstResponse),
        ToEntry(a.Resolution),
        a.Satisfaction is { } s ? new SatisfactionEntry(s.Target) : null);

    private static ObjectiveEntry? ToEntry(TimeObjective? o) =>
        o is null ? null : new ObjectiveEntry(NodaText.Format(o.Within), o.Target, IsDefault(o.WarningThresholds) ? null : [.. o.WarningThresholds]);

    private static bool IsDefault(IReadOnlyList<double> thresholds) => thresholds is [0.5, 0.75];

    private static string FormatWindow(WorkingWindow w) =>
        NodaText.Format(w.Start) + "-" + (w.EndsAtMidnight ? "24:00" : NodaText.Format(w.End));

    /// <summary>Reads a calendar's zone, windows, holidays and special days, or returns null (with problems) when they do not make one.</summary>
    private static BusinessCalendar? ReadCalendar(JsonFields c, ProblemCollector problems)
    {
        var before = problems.Count;
        var zone = c.RequiredString("zone");
        if (zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            c.Problem(
                "zone",
                ProblemKind.InvalidValue,
                $"Expected a tzdb time zone id such as \"Europe/London\"; got \"{Snippet.Of(zone)}\", which tzdb {DateTimeZoneProviders.Tzdb.VersionId} does not know.");
        }

        var windows = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>();
        if (c.Element("windows") is { } w && JsonFields.Of(w, c.At("windows"), problems, DayNames) is { } days)
        {
            foreach (var (name, day) in Days)
            {
                var list = ReadWindows(days, name, day.ToString(), problems);
                if (list.Count > 0)
                {
                    windows[day] = list;
                }
            }
        }

        var holidays = new List<LocalDate>();
        foreach (var (item, path, _) in c.OptionalArray("holidays"))
        {
            if (item.ValueKind == System.Text.Json.JsonValueKind.String && NodaText.TryParseDate(item.GetString()!, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                problems.Add(ProblemKind.InvalidValue, path, $"Expected a holiday as an ISO-8601 date such as \"2026-12-25\"; got {JsonFields.Describe(item)}.");
            }
        }

        var specialDays = ReadSpecialDays(c, holidays, problems);

        // Every rule BusinessCalendar.Create and WithSpecialDays check has been checked above, so they do not throw here.
        return problems.Count > before || zone is null ? null : BusinessCalendar.Create(zone, windows, holidays).WithSpecialDays(specialDays);
    }

    /// <summary>Reads a calendar's special days (<c>{"date": "2026-12-24", "hours": ["09:00-12:00"]}</c>), reporting each bad
    /// entry at its place: a date that is not ISO, missing hours, a malformed or overlapping window, a date that is also a
    /// holiday or appears twice.</summary>
    private static List<SpecialDay> ReadSpecialDays(JsonFields c, List<LocalDate> holidays, ProblemCollector problems)
    {
        var specialDays = new List<SpecialDay>();
        var seen = new Dictionary<LocalDate, int>();
        foreach (var (item, path, index) in c.OptionalArray("specialDays"))
        {
            var f = JsonFields.Of(item, path, problems, "date", "hours");
            if (f is null)
            {
                continue;
            }

            var before = problems.Count;
            var text = f.RequiredString("date");
            LocalDate? date = null;
            if (text is not null)
            {
                if (NodaText.TryParseDate(text, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    f.Problem("date", ProblemKind.InvalidValue, $"Expected a special day's date as an ISO-8601 date such as \"2026-12-24\"; got \"{Snippet.Of(text)}\".");
                }
            }

            if (!f.Has("hours"))
            {
                f.Problem(
                    "hours",
                    ProblemKind.MissingValue,
                    "Required property \"hours\" is missing: expected the special day's working hours, such as [\"09:00-12:00\"], or [] for closed all day.");
            }

            var list = ReadWindows(f, "hours", date is { } d0 ? NodaText.Format(d0) : "the special day", problems);
            if (date is { } d)
            {
                if (holidays.Contains(d))
                {
                    f.Problem("date", ProblemKind.InvalidValue, $"Expected a date to be either a holiday or a special day; got {NodaText.Format(d)} as both.");
                }
                else if (seen.TryGetValue(d, out var first))
                {
                    f.Problem(
                        "date",
                        ProblemKind.InvalidValue,
                        $"Expected at most one special day per date; got {NodaText.Format(d)} again (first at {c.At("specialDays").Element(first)}).");
                }
                else
                {
                    seen[d] = index;
                }
            }

            if (problems.Count == before && date is { } ok)
            {
                specialDays.Add(new SpecialDay(ok, list));
            }
        }

        return specialDays;
    }

    /// <summary>Reads an array of working windows ("09:00-17:00"), reporting malformed and overlapping ones at their place.</summary>
    private static List<WorkingWindow> ReadWindows(JsonFields fields, string name, string dayLabel, ProblemCollector problems)
    {
        var list = new List<WorkingWindow>();
        foreach (var (item, path, _) in fields.OptionalArray(name))
        {
            if (item.ValueKind != System.Text.Json.JsonValueKind.String)
            {
                problems.Add(ProblemKind.WrongType, path, $"Expected a working window such as \"09:00-17:00\"; got {JsonFields.Describe(item)}.");
            }
            else if (ParseWindow(item.GetString()!) is { } window)
            {
                var clash = list.FindIndex(window.Overlaps);
                if (clash >= 0)
                {
                    problems.Add(
                        ProblemKind.InvalidValue,
                        path,
                        $"Expected working windows on {dayLabel} that do not overlap; got {list[clash]} and {window}.");
                }
                else
                {
                    list.Add(window);
                }
            }
            else
            {
                problems.Add(
                    ProblemKind.InvalidValue,
                    path,
                    $"Expected a working window \"HH:mm-HH:mm\" that ends after it starts (an end of 24:00 for midnight), such as \"09:00-17:00\"; got \"{Snippet.Of(item.GetString()!)}\".");
            }
        }

        return list;
    }

    /// <summary>A window "HH:mm-HH:mm" that ends after it starts (24:00 for midnight), or null.</summary>
    private static WorkingWindow? ParseWindow(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !NodaText.TryParseTime(text[..dash], out var start))
        {
            return null;
        }

        var endText = text[(dash + 1)..];
        LocalTime end;
        if (endText is "24:00" or "24:00:00")
        {
            end = LocalTime.Midnight;
        }
        else if (!NodaText.TryParseTime(endText, out end) || end <= start)
        {
            return null;
        }

        return new WorkingWindow(start, end);
    }

    private static AgreementDraft ReadAgreement(JsonFields a, ProblemCollector problems)
    {
        var services = new List<string?>();
        foreach (var (item, path, _) in a.OptionalArray("services"))
        {
            if (item.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                services.Add(item.GetString());
            }
            else
            {
                problems.Add(ProblemKind.WrongType, path, $"Expected a service id; got {JsonFields.Describe(item)}.");
                services.Add(null);
            }
        }

        var draft = new AgreementDraft(a.RequiredString("id"))
        {
            Provider = a.RequiredString("provider"),
            Consumer = a.RequiredString("consumer"),
            Services = services,
            Calendar = a.RequiredString("calendar"),
            EffectiveFrom = Date(a, "effectiveFrom", required: true),
            EffectiveUntil = Date(a, "effectiveUntil", required: false),
        };

        if (a.RequiredString("reviewCadence") is { } cadenceText)
        {
            if (NodaText.TryParsePeriod(cadenceText, out var p))
            {
                draft = draft with { ReviewCadence = p };
            }
            else
            {
                a.Problem("reviewCadence", ProblemKind.InvalidValue, $"Expected an ISO-8601 period such as \"P3M\" (quarterly); got \"{Snippet.Of(cadenceText)}\".");
            }
        }

        double? satisfaction = null;
        if (a.Element("satisfaction") is { } s && JsonFields.Of(s, a.At("satisfaction"), problems, "target") is { } sf)
        {
            satisfaction = sf.OptionalNumber("target", double.MinValue, double.MaxValue);
            if (satisfaction is null && !sf.Has("target"))
            {
                sf.Problem("target", ProblemKind.MissingValue, "Required property \"target\" is missing.");
            }
        }

        return draft with
        {
            FirstResponse = Objective(a, "firstResponse", problems),
            Resolution = Objective(a, "resolution", problems),
            SatisfactionTarget = satisfaction,
        };
    }

    private static LocalDate? Date(JsonFields f, string name, bool required)
    {
        var text = required ? f.RequiredString(name) : f.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        if (NodaText.TryParseDate(text, out var date))
        {
            return date;
        }

        f.Problem(name, ProblemKind.InvalidValue, $"Expected an ISO-8601 date such as \"2026-01-01\"; got \"{Snippet.Of(text)}\".");
        return null;
    }

    private static ObjectiveDraft? Objective(JsonFields a, string name, ProblemCollector problems)
    {
        if (a.Element(name) is not { } element || JsonFields.Of(element, a.At(name), problems, "within", "target", "warningThresholds") is not { } o)
        {
            return null;
        }

        Duration? within = null;
        if (o.RequiredString("within") is { } text)
        {
            if (NodaText.TryParseDuration(text, out var d))
            {
                within = d;
            }
            else
            {
                o.Problem("within", ProblemKind.InvalidValue, $"Expected an ISO-8601 duration of business time such as \"PT4H\", {NodaText.DurationRange}; got \"{Snippet.Of(text)}\".");
            }
        }

        var target = o.OptionalNumber("target", double.MinValue, double.MaxValue);
        if (target is null && !o.Has("target"))
        {
            o.Problem("target", ProblemKind.MissingValue, "Required property \"target\" is missing.");
        }

        List<double>? thresholds = null;
        foreach (var (item, path, _) in o.OptionalArray("warningThresholds"))
        {
            thresholds ??= [];
            if (item.ValueKind == System.Text.Json.JsonValueKind.Number && item.TryGetDouble(out var t) && double.IsFinite(t))
            {
                thresholds.Add(t);
            }
            else
            {
                problems.Add(
                    ProblemKind.InvalidValue,
                    path,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a warning threshold, a fraction of the allowed time such as 0.75; got {JsonFields.Describe(item)}."));
            }
        }

        return new ObjectiveDraft(within, target, thresholds);
    }
}
