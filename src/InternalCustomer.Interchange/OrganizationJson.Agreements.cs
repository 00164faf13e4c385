using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Organizations;
using NodaTime;

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
        calendar.Holidays.IsEmpty ? null : [.. calendar.Holidays.Select(NodaText.Format)]);

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

    private static void ReadCalendar(JsonFields c, OrganizationBuilder builder, ProblemCollector problems)
    {
        var id = c.RequiredString("id");
        var zone = c.RequiredString("zone");
        var windows = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>();
        var before = problems.Count;
        if (c.Element("windows") is { } w && JsonFields.Of(w, c.At("windows"), problems, DayNames) is { } days)
        {
            foreach (var (name, day) in Days)
            {
                var list = new List<WorkingWindow>();
                foreach (var (item, path, _) in days.OptionalArray(name))
                {
                    if (item.ValueKind != System.Text.Json.JsonValueKind.String)
                    {
                        problems.Add(path, $"Expected a working window such as \"09:00-17:00\"; got {JsonFields.Describe(item)}.");
                    }
                    else if (ParseWindow(item.GetString()!, out var window, out var error))
                    {
                        list.Add(window);
                    }
                    else
                    {
                        problems.Add(path, error);
                    }
                }

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
                problems.Add(path, $"Expected a holiday as an ISO-8601 date such as \"2026-12-25\"; got {JsonFields.Describe(item)}.");
            }
        }

        if (problems.Count > before || zone is null)
        {
            return;
        }

        try
        {
            builder.AddCalendar(id, BusinessCalendar.Create(zone, windows, holidays));
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName switch
            {
                "zoneId" => "zone",
                "holidays" => "holidays",
                _ => "windows",
            };
            c.Problem(field, ServiceRequestMapping.ModelMessage(e));
        }
    }

    private static bool ParseWindow(string text, out WorkingWindow window, out string error)
    {
        window = default;
        error = $"Expected a working window \"HH:mm-HH:mm\" (an end of 24:00 for midnight), such as \"09:00-17:00\"; got \"{JsonFields.Shorten(text)}\".";
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !NodaText.TryParseTime(text[..dash], out var start))
        {
            return false;
        }

        var endText = text[(dash + 1)..];
        LocalTime end;
        if (endText is "24:00" or "24:00:00")
        {
            end = LocalTime.Midnight;
        }
        else if (!NodaText.TryParseTime(endText, out end))
        {
            return false;
        }

        try
        {
            window = new WorkingWindow(start, end);
            return true;
        }
        catch (ArgumentException e)
        {
            error = ServiceRequestMapping.ModelMessage(e);
            return false;
        }
    }

    private static void ReadAgreement(JsonFields a, OrganizationBuilder builder, ProblemCollector problems)
    {
        var id = a.RequiredString("id");
        var provider = a.RequiredString("provider");
        var consumer = a.RequiredString("consumer");
        var services = new List<string?>();
        foreach (var (item, path, _) in a.OptionalArray("services"))
        {
            if (item.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                services.Add(item.GetString());
            }
            else
            {
                problems.Add(path, $"Expected a service id; got {JsonFields.Describe(item)}.");
                services.Add(null);
            }
        }

        var calendar = a.RequiredString("calendar");
        var from = Date(a, "effectiveFrom", required: true);
        var until = Date(a, "effectiveUntil", required: false);
        Period? cadence = null;
        if (a.RequiredString("reviewCadence") is { } cadenceText)
        {
            if (NodaText.TryParsePeriod(cadenceText, out var p))
            {
                cadence = p;
            }
            else
            {
                a.Problem("reviewCadence", $"Expected an ISO-8601 period such as \"P3M\" (quarterly); got \"{JsonFields.Shorten(cadenceText)}\".");
            }
        }

        var firstResponse = Objective(a, "firstResponse", problems);
        var resolution = Objective(a, "resolution", problems);
        double? satisfaction = null;
        if (a.Element("satisfaction") is { } s && JsonFields.Of(s, a.At("satisfaction"), problems, "target") is { } sf)
        {
            satisfaction = sf.OptionalNumber("target", double.MinValue, double.MaxValue);
            if (satisfaction is null && !sf.Has("target"))
            {
                sf.Problem("target", "Required property \"target\" is missing.");
            }
        }

        var custom = (firstResponse.Thresholds ?? resolution.Thresholds) is not null;
        if (custom && id is not null && provider is not null && consumer is not null && calendar is not null && from is not null && cadence is not null
            && AgreementId.TryParse(id, out var aid) && DepartmentId.TryParse(provider, out var pid) && DepartmentId.TryParse(consumer, out var cid)
            && CalendarId.TryParse(calendar, out var calId) && services.All(x => ServiceId.TryParse(x, out _)))
        {
            try
            {
                builder.AddAgreement(new ServiceAgreement(
                    aid, pid, cid, services.Select(x => ServiceId.Parse(x!)), calId, from.Value, until, cadence,
                    firstResponse.ToObjective(ObjectiveKind.FirstResponse),
                    resolution.ToObjective(ObjectiveKind.Resolution),
                    satisfaction is { } st ? new SatisfactionObjective(st) : null));
                return;
            }
            catch (ArgumentException)
            {
                // Fall through: the builder's raw path reports the problem at its location.
            }
        }

        builder.AddAgreement(
            id, provider, consumer, services, calendar, from ?? LocalDate.MinIsoValue, until, cadence,
            firstResponse.Within, firstResponse.Target, resolution.Within, resolution.Target, satisfaction);
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

        f.Problem(name, $"Expected an ISO-8601 date such as \"2026-01-01\"; got \"{JsonFields.Shorten(text)}\".");
        return null;
    }

    private static ObjectiveText Objective(JsonFields a, string name, ProblemCollector problems)
    {
        if (a.Element(name) is not { } element || JsonFields.Of(element, a.At(name), problems, "within", "target", "warningThresholds") is not { } o)
        {
            return default;
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
                o.Problem("within", $"Expected an ISO-8601 duration of business time such as \"PT4H\"; got \"{JsonFields.Shorten(text)}\".");
            }
        }

        var target = o.OptionalNumber("target", double.MinValue, double.MaxValue);
        if (target is null && !o.Has("target"))
        {
            o.Problem("target", "Required property \"target\" is missing.");
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
                problems.Add(path, string.Create(CultureInfo.InvariantCulture, $"Expected a warning threshold, a fraction of the allowed time such as 0.75; got {JsonFields.Describe(item)}."));
            }
        }

        return new ObjectiveText(within, target, thresholds);
    }

    private readonly record struct ObjectiveText(Duration? Within, double? Target, List<double>? Thresholds)
    {
        internal TimeObjective? ToObjective(ObjectiveKind kind) =>
            Within is { } w && Target is { } t ? new TimeObjective(kind, w, t, Thresholds) : null;
    }
}
