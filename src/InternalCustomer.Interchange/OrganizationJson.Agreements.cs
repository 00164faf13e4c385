using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Organizations;
using System.Text.Json;
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

    private static AgreementEntry ToEntry(ServiceAgreement a)
    {
        // One set for every request (the single-objective constructor's) is written as plain objectives, as the builder keeps it.
        var plain = a.ObjectiveSets.IsEmpty || a.ObjectiveSets is [{ Selector.IsAny: true, Name: ObjectiveSet.DefaultName }];
        return new(
            a.Id.Value,
            a.Provider.Value,
            a.Consumer.Value,
            [.. a.Services.Select(s => s.Value)],
            a.Calendar.Value,
            NodaText.Format(a.EffectiveFrom),
            a.EffectiveUntil is { } until ? NodaText.Format(until) : null,
            NodaText.Format(a.ReviewCadence),
            plain ? ToEntry(a.FirstResponse) : null,
            plain ? ToEntry(a.Resolution) : null,
            plain ? null : [.. a.ObjectiveSets.Select(ToEntry)],
            a.Satisfaction is { } s ? new SatisfactionEntry(s.Target) : null,
            a.Exclusions.IsEmpty ? null : [.. a.Exclusions.Select(ToEntry)]);
    }

    // The selector's values are kept sorted, so they are written sorted.
    private static ObjectiveSetEntry ToEntry(ObjectiveSet set) => new(
        set.Name,
        set.Selector.Priorities.IsEmpty ? null : [.. set.Selector.Priorities.Select(p => p.Value)],
        set.Selector.Services.IsEmpty ? null : [.. set.Selector.Services.Select(v => v.Value)],
        set.Selector.Categories.IsEmpty ? null : [.. set.Selector.Categories],
        ToEntry(set.FirstResponse),
        ToEntry(set.Resolution));

    // Exclusions are kept sorted by start (then end), so they are written in that order.
    private static ExclusionEntry ToEntry(ExclusionWindow e) => new(
        NodaText.Format(e.Window.Start), NodaText.Format(e.Window.End), e.Reason, e.Effect == ExclusionEffect.ExcludeRequests ? "excludeRequests" : "excludeTime");

    private static ObjectiveEntry? ToEntry(TimeObjective? o) =>
        o is null
            ? null
            : new ObjectiveEntry(
                o.BusinessDays is null ? NodaText.Format(o.Within) : null,
                o.BusinessDays,
                o.Target,
                IsDefault(o.WarningThresholds) ? null : [.. o.WarningThresholds],
                o.Clock is { } clock
                    ? new ClockEntry(clock.Statuses.ToDictionary(p => p.Key, p => ActionText(p.Value), StringComparer.Ordinal), clock.RetroactiveStart ? true : null)
                    : null);

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
            if (item.ValueKind == JsonValueKind.String && NodaText.TryParseDate(item.GetString()!, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                problems.Add(ProblemKind.InvalidValue, path, $"Expected a holiday as an ISO-8601 date such as \"2026-12-25\" ({NodaText.DateRange}); got {JsonFields.Describe(item)}.");
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
                    f.Problem("date", ProblemKind.InvalidValue, $"Expected a special day's date as an ISO-8601 date such as \"2026-12-24\" ({NodaText.DateRange}); got \"{Snippet.Of(text)}\".");
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
            if (item.ValueKind == JsonValueKind.String)
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
            EffectiveFrom = a.Date("effectiveFrom", required: true),
            EffectiveUntil = a.Date("effectiveUntil", required: false),
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
            ObjectiveSets = a.Has("objectiveSets") ? ObjectiveSets(a, problems) : null,
            SatisfactionTarget = satisfaction,
            Exclusions = a.Has("exclusions") ? Exclusions(a, problems) : null,
        };
    }

    /// <summary>Reads the objective sets, one draft per array item (null for an item that is not an object), for the builder to check.</summary>
    private static List<ObjectiveSetDraft?> ObjectiveSets(JsonFields a, ProblemCollector problems)
    {
        var sets = new List<ObjectiveSetDraft?>();
        foreach (var (item, path, _) in a.OptionalArray("objectiveSets"))
        {
            if (JsonFields.Of(item, path, problems, "name", "priorities", "services", "categories", "firstResponse", "resolution") is not { } f)
            {
                sets.Add(null);
                continue;
            }

            sets.Add(new ObjectiveSetDraft(f.RequiredString("name"))
            {
                Priorities = Texts(f, "priorities", "a priority id such as \"P1\"", problems),
                Services = Texts(f, "services", "a service id", problems),
                Categories = Texts(f, "categories", "a category", problems),
                FirstResponse = Objective(f, "firstResponse", problems),
                Resolution = Objective(f, "resolution", problems),
            });
        }

        return sets;
    }

    /// <summary>The texts of an optional array of strings; an item of another type is reported and passed on as null.</summary>
    private static List<string?>? Texts(JsonFields f, string name, string expected, ProblemCollector problems)
    {
        if (!f.Has(name))
        {
            return null;
        }

        var texts = new List<string?>();
        foreach (var (item, path, _) in f.OptionalArray(name))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                texts.Add(item.GetString());
            }
            else
            {
                problems.Add(ProblemKind.WrongType, path, $"Expected {expected}; got {JsonFields.Describe(item)}.");
                texts.Add(null);
            }
        }

        return texts;
    }

    private static readonly string[] EffectNames = ["excludeRequests", "excludeTime"];

    /// <summary>
    /// Reads the exclusion windows. An <see cref="ExclusionWindow"/> is a checked object, so its parts are checked here first
    /// (instants, an end after the start, a reason, a known effect) and a window with a problem is passed on as null.
    /// </summary>
    private static List<ExclusionWindow?> Exclusions(JsonFields a, ProblemCollector problems)
    {
        var windows = new List<ExclusionWindow?>();
        foreach (var (item, path, _) in a.OptionalArray("exclusions"))
        {
            if (JsonFields.Of(item, path, problems, "from", "until", "reason", "effect") is not { } e)
            {
                windows.Add(null);
                continue;
            }

            var before = problems.Count;
            var from = ReadInstant(e, "from");
            var until = ReadInstant(e, "until");
            if (from is { } start && until is { } end && end <= start)
            {
                e.Problem(
                    "until",
                    ProblemKind.InvalidValue,
                    $"Expected an exclusion window that ends after it starts ({NodaText.Format(start)}); got an until of {NodaText.Format(end)}.");
            }

            var reason = e.RequiredString("reason");
            if (reason is not null && string.IsNullOrWhiteSpace(reason))
            {
                e.Problem("reason", ProblemKind.InvalidValue, $"Expected a non-blank reason, such as \"ERP upgrade\"; got \"{Snippet.Of(reason)}\".");
            }

            ExclusionEffect? effect = e.RequiredString("effect") switch
            {
                null => null,
                "excludeRequests" => ExclusionEffect.ExcludeRequests,
                "excludeTime" => ExclusionEffect.ExcludeTime,
                var other => Unknown(other),
            };

            windows.Add(problems.Count > before ? null : new ExclusionWindow(new Interval(from!.Value, until!.Value), reason!, effect!.Value));

            ExclusionEffect? Unknown(string text)
            {
                e.Problem("effect", ProblemKind.InvalidValue, $"Expected an exclusion effect, {string.Join(" or ", EffectNames.Select(n => $"\"{n}\""))}; got \"{Snippet.Of(text)}\".");
                return null;
            }
        }

        return windows;
    }

    private static Instant? ReadInstant(JsonFields f, string name)
    {
        if (f.RequiredString(name) is not { } text)
        {
            return null;
        }

        if (NodaText.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        f.Problem(name, ProblemKind.InvalidValue, $"Expected {NodaText.InstantExpected}; got \"{Snippet.Of(text)}\".");
        return null;
    }


    private static readonly (string Name, ClockAction Action)[] Actions =
    [
        ("start", ClockAction.Start), ("run", ClockAction.Run), ("pause", ClockAction.Pause),
        ("stop", ClockAction.Stop), ("reset", ClockAction.Reset), ("cancel", ClockAction.Cancel),
    ];

    private static string ActionText(ClockAction action) => Array.Find(Actions, a => a.Action == action).Name;

    private static ObjectiveDraft? Objective(JsonFields a, string name, ProblemCollector problems)
    {
        if (a.Element(name) is not { } element
            || JsonFields.Of(element, a.At(name), problems, "within", "withinBusinessDays", "target", "warningThresholds", "clock") is not { } o)
        {
            return null;
        }

        Duration? within = null;
        if (o.OptionalString("within") is { } text)
        {
            if (NodaText.CheckBusinessTime(text, "withinBusinessDays") is { } datePart)
            {
                o.Problem("within", ProblemKind.InvalidValue, datePart);
            }
            else if (NodaText.TryParseDuration(text, out var d))
            {
                within = d;
            }
            else
            {
                o.Problem("within", ProblemKind.InvalidValue, $"Expected an ISO-8601 duration of business time such as \"PT4H\", {NodaText.DurationRange}; got \"{Snippet.Of(text)}\".");
            }
        }

        var businessDays = BusinessDays(o);
        if (within is null && o.Has("within") && o.Has("withinBusinessDays"))
        {
            // The builder reports both allowances only when it gets both; a within the reader could not read is not passed on.
            o.Problem(
                "withinBusinessDays",
                ProblemKind.InvalidValue,
                "An objective allows either business time (within) or business days (withinBusinessDays), not both; got both.");
        }
        if (!o.Has("within") && !o.Has("withinBusinessDays"))
        {
            o.Problem(
                "within",
                ProblemKind.MissingValue,
                "Required property \"within\" (business time, such as \"PT4H\") or \"withinBusinessDays\" (business days, such as 5) is missing.");
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
            if (item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var t) && double.IsFinite(t))
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

        return new ObjectiveDraft(within, target, thresholds)
        {
            BusinessDays = businessDays,
            Clock = o.Element("clock") is { } clock ? Clock(clock, o.At("clock"), problems) : null,
        };
    }

    /// <summary>Reads <c>withinBusinessDays</c> as a whole number in <see cref="int"/>'s range; the builder checks that it is at least 1.</summary>
    private static int? BusinessDays(JsonFields o)
    {
        if (o.Element("withinBusinessDays") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            o.Problem("withinBusinessDays", ProblemKind.WrongType, $"Expected a whole number of business days, such as 5; got {JsonFields.Describe(value)}.");
            return null;
        }

        if (!value.TryGetInt32(out var days))
        {
            o.Problem(
                "withinBusinessDays",
                ProblemKind.InvalidValue,
                $"Expected a whole number of business days from 1 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, such as 5; got {Snippet.Of(value.GetRawText())}.");
            return null;
        }

        return days;
    }

    /// <summary>
    /// Reads clock conditions. <see cref="ClockConditions"/> is a checked object, so every rule its constructor checks is
    /// checked here first (known actions, each status once, non-blank statuses, a start and a stop status), each problem
    /// at its status; conditions with a problem are not made.
    /// </summary>
    private static ClockConditions? Clock(JsonElement element, ProblemLocation at, ProblemCollector problems)
    {
        if (JsonFields.Of(element, at, problems, "statuses", "retroactiveStart") is not { } c)
        {
            return null;
        }

        var before = problems.Count;
        var retroactive = c.OptionalBoolean("retroactiveStart");
        var statusesAt = c.At("statuses");
        var statuses = new Dictionary<string, ClockAction>(StringComparer.Ordinal);
        if (c.Element("statuses") is not { } s)
        {
            c.Problem("statuses", ProblemKind.MissingValue, "Required property \"statuses\" is missing: each status of the status logs with what entering it does to the clock.");
        }
        else if (s.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ProblemKind.WrongType, statusesAt, $"Expected an object of statuses and clock actions, such as {{\"New\": \"start\", \"Resolved\": \"stop\"}}; got {JsonFields.Describe(s)}.");
        }
        else
        {
            var statusesBefore = problems.Count;
            var expected = string.Join(", ", Actions.Select(a => $"\"{a.Name}\""));
            foreach (var property in s.EnumerateObject())
            {
                var statusAt = statusesAt.Property(property.Name);
                ClockAction? action = null;
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    problems.Add(ProblemKind.WrongType, statusAt, $"Expected a clock action ({expected}); got {JsonFields.Describe(property.Value)}.");
                }
                else if (Array.FindIndex(Actions, a => a.Name == property.Value.GetString()) is var index and >= 0)
                {
                    action = Actions[index].Action;
                }
                else
                {
                    problems.Add(ProblemKind.InvalidValue, statusAt, $"Expected a clock action ({expected}); got \"{Snippet.Of(property.Value.GetString()!)}\".");
                }

                if (string.IsNullOrWhiteSpace(property.Name))
                {
                    problems.Add(ProblemKind.InvalidValue, statusAt, $"A status must be non-blank text; got \"{Snippet.Of(property.Name)}\".");
                }
                else if (statuses.TryGetValue(property.Name, out var first))
                {
                    problems.Add(
                        ProblemKind.UnexpectedProperty,
                        statusAt,
                        $"Status \"{Snippet.Of(property.Name)}\" appears more than once in the same object (first as \"{ActionText(first)}\"); each status must have one clock action.");
                }
                else if (action is { } known)
                {
                    statuses.Add(property.Name, known);
                }
            }

            if (problems.Count == statusesBefore)
            {
                foreach (var needed in new[] { ClockAction.Start, ClockAction.Stop })
                {
                    if (!statuses.ContainsValue(needed))
                    {
                        var got = statuses.Count == 0 ? "none" : string.Join(", ", statuses.Select(p => $"\"{Snippet.Of(p.Key)}\": \"{ActionText(p.Value)}\""));
                        problems.Add(
                            ProblemKind.InvalidValue,
                            statusesAt,
                            $"Expected at least one status whose action is \"{ActionText(needed)}\" ({(needed == ClockAction.Start ? "the clock must start" : "the clock must stop")} somewhere); got {got}.");
                    }
                }
            }
        }

        // Every rule ClockConditions checks has been checked above, so it does not throw here.
        return problems.Count > before ? null : new ClockConditions(statuses, retroactive ?? false);
    }
}
