using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange.Json;
using NodaTime;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>The one mapping between <see cref="ServiceRequest"/> and its records, shared by the JSON and CSV formats:
/// one record per request (JSON, the CSV request layout) or one per status change (the CSV status-change layout).</summary>
internal static class ServiceRequestMapping
{
    /// <summary>The fields of the shorthand form.</summary>
    internal static readonly string[] ShorthandFields = ["opened", "firstResponse", "resolved", "pauses", "reopen"];

    /// <summary>The columns of the CSV request layout, in the order written.</summary>
    internal static readonly string[] Columns = ["id", "agreement", "opened", "firstResponse", "resolved", "pauses", "reopen", "priority", "service", "category"];

    internal static readonly string[] Required = ["id", "agreement", "opened"];

    /// <summary>The properties of a request in JSON.</summary>
    internal static readonly string[] JsonProperties = ["id", "agreement", "priority", "service", "category", "opened", "firstResponse", "resolved", "pauses", "reopen", "statusLog"];

    /// <summary>The properties of one status-log entry in JSON.</summary>
    internal static readonly string[] EntryProperties = ["at", "status", "priority"];

    /// <summary>The columns of the CSV status-change layout, in the order written.</summary>
    internal static readonly string[] ChangeColumns = ["id", "agreement", "at", "status", "priority", "service", "category"];

    internal static readonly string[] ChangeRequired = ["id", "agreement", "at", "status"];

    internal const string IntervalExample = "start/end, for example 2026-03-02T09:30:00Z/2026-03-02T11:00:00Z (an empty end for one still open)";

    private static readonly string[] ModelFields = ["id", "agreement", "opened", "firstResponse", "resolved", "pauses", "reopen"];

    /// <summary>Reads one request per record (JSON when <paramref name="json"/>, else the CSV request layout).</summary>
    internal static LocatedRecords<ServiceRequest> ReadAll(IEnumerable<RecordSource> records, bool json, ProblemCollector problems)
    {
        var requests = ImmutableArray.CreateBuilder<ServiceRequest>();
        var origins = ImmutableArray.CreateBuilder<RecordOrigin>();
        var seen = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (ReadOne(record, json, seen) is ({ } request, { } origin))
            {
                requests.Add(request);
                origins.Add(origin);
            }
        }

        return new(requests.ToImmutable(), origins.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Reads one request per record, as <see cref="ReadAll"/> does for each (the streaming readers' step):
    /// the request and its origin, or nothing when the record has a problem of its own; <paramref name="seen"/> holds the
    /// ids read before and where, for the duplicate check.</summary>
    internal static (ServiceRequest? Request, RecordOrigin? Origin) ReadOne(RecordSource record, bool json, Dictionary<string, ProblemLocation> seen)
    {
        if (Read(record, json, seen) is { } request && record.WellFormed)
        {
            var origin = RecordOrigin.Of(record);

            // A status log's priority at creation is its first entry's; without a priority of its own the record
            // has it there.
            return (request, request.IsStatusLog && !record.Has("priority") ? origin.WithAlias("priority", FirstEntryPriority) : origin);
        }

        return (null, null);
    }

    private static readonly ProblemLocation FirstEntryPriority = ProblemLocation.Root.Property("statusLog").Element(0).Property("priority");

    private static ServiceRequest? Read(RecordSource r, bool json, Dictionary<string, ProblemLocation> seen)
    {
        var before = r.Problems.Count;
        var id = r.Required("id");
        var agreement = ReadAgreement(r, out _);
        var priority = ReadPriority(r);
        var service = ReadService(r);
        var category = ReadCategory(r);
        var log = json ? r.Records("statusLog", EntryProperties) : null;
        if (id is not null)
        {
            if (seen.TryGetValue(id, out var first))
            {
                r.Problem("id", ProblemKind.DuplicateId, $"Request id \"{Snippet.Of(id)}\" is already used at {first}.");
            }
            else
            {
                seen.Add(id, r.Location);
            }
        }

        if (log is not null)
        {
            if (ShorthandFields.FirstOrDefault(r.Has) is { } shorthand)
            {
                r.Problem(
                    "statusLog",
                    ProblemKind.InvalidValue,
                    $"Request \"{Snippet.Of(id ?? string.Empty)}\" gives both a statusLog and the shorthand's \"{shorthand}\"; expected one form: either a statusLog, or opened with firstResponse, resolved, pauses and reopen.");
            }

            var entries = ReadEntries(log, id, e => $"entry {e.Location.Segments[^1].Index}");
            if (r.Problems.Count > before || id is null)
            {
                return null;
            }

            return FromLog(r, id, agreement, entries, priority, service, category, r.At("statusLog"));
        }

        if (json && !r.Has("opened"))
        {
            r.Problem(
                "opened",
                ProblemKind.MissingValue,
                $"Request \"{Snippet.Of(id ?? string.Empty)}\" gives neither \"opened\" nor \"statusLog\"; expected one form: either opened (with firstResponse, resolved, pauses and reopen as they apply), or a statusLog.");
            return null;
        }

        var opened = r.Parse<Instant>("opened", true, NodaText.TryParseInstant, NodaText.InstantExpected);
        var firstResponse = r.Parse<Instant>("firstResponse", false, NodaText.TryParseInstant, NodaText.InstantExpected);
        var resolved = r.Parse<Instant>("resolved", false, NodaText.TryParseInstant, NodaText.InstantExpected);
        var pauses = new List<Interval>();
        foreach (var text in r.List("pauses"))
        {
            if (NodaText.TryParseInterval(text, out var pause))
            {
                pauses.Add(pause);
            }
            else
            {
                r.Problem("pauses", ProblemKind.InvalidValue, $"Expected each pause as {IntervalExample}; got \"{Snippet.Of(text)}\".");
            }
        }

        var reopen = r.Parse<Interval>("reopen", false, NodaText.TryParseInterval, "the reopen gap as " + IntervalExample);
        if (r.Problems.Count > before || id is null || opened is null)
        {
            return null;
        }

        var made = ServiceRequest.TryCreate(id, agreement, opened.Value, firstResponse, resolved, pauses, reopen);
        foreach (var problem in made.Problems)
        {
            r.Problem(problem, ModelFields, "id");
        }

        return made.Value?.WithClass(priority, service, category);
    }

    /// <summary>Reads requests from the rows of the CSV status-change layout: rows grouped by id (in the order each id
    /// first appears), each group one status-log request whose class comes from its first row.</summary>
    internal static LocatedRecords<ServiceRequest> ReadChanges(IEnumerable<RecordSource> rows, ProblemCollector problems)
    {
        var groups = new Dictionary<string, List<ChangeRow>>(StringComparer.Ordinal);
        var order = new List<List<ChangeRow>>();
        foreach (var r in rows)
        {
            var before = problems.Count;
            var id = r.Required("id");
            var agreement = ReadAgreement(r, out var agreementText);
            var entry = ReadEntry(r);
            var service = ReadService(r);
            var category = ReadCategory(r);
            if (id is null)
            {
                continue;
            }

            if (!groups.TryGetValue(id, out var group))
            {
                group = [];
                groups.Add(id, group);
                order.Add(group);
            }

            group.Add(new ChangeRow(r, id, agreementText is null || agreement.IsDefault ? null : agreement, entry, service, category, problems.Count == before && r.WellFormed));
        }

        var requests = ImmutableArray.CreateBuilder<ServiceRequest>();
        var origins = ImmutableArray.CreateBuilder<RecordOrigin>();
        foreach (var group in order)
        {
            if (ReadGroup(group, out var agreementRow) is { } request)
            {
                // The request is its first row, but for its agreement (the first row that names one) and its status log
                // (one entry per row, in the rows' order); its priority at creation is its first entry's.
                requests.Add(request);
                origins.Add(RecordOrigin.Of(group[0].Source)
                    .WithField("agreement", RecordOrigin.Of(agreementRow!.Source))
                    .WithEntries("statusLog", group.Select(row => RecordOrigin.Of(row.Source)))
                    .WithAlias("priority", FirstEntryPriority));
            }
        }

        return new(requests.ToImmutable(), origins.ToImmutable(), problems.ToImmutable());
    }

    private static ServiceRequest? ReadGroup(List<ChangeRow> rows, out ChangeRow? agreementRow)
    {
        var first = rows[0];
        var ok = rows.TrueForAll(r => r.Valid);
        var id = first.Id;
        AgreementId? agreement = null;
        agreementRow = null;
        foreach (var row in rows)
        {
            if (row.Agreement is not { } a)
            {
                continue;
            }

            if (agreementRow is null)
            {
                agreement = a;
                agreementRow = row;
            }
            else if (a != agreement)
            {
                ok = false;
                row.Source.Problem(
                    "agreement",
                    ProblemKind.InvalidValue,
                    $"Request \"{Snippet.Of(id)}\" is under agreement \"{agreement}\" at {agreementRow.Source.Location}; {row.Source.Location} says \"{a}\". Expected every row of a request to name the same agreement.");
            }
        }

        foreach (var row in first.Valid ? rows.Skip(1) : [])
        {
            if (row.Service is { } s && s != first.Service)
            {
                ok = false;
                row.Source.Problem("service", ProblemKind.InvalidValue, ClassMessage(id, "service", first, first.Service?.Value, row, s.Value));
            }

            if (row.Category is { } c && !string.Equals(c, first.Category, StringComparison.Ordinal))
            {
                ok = false;
                row.Source.Problem("category", ProblemKind.InvalidValue, ClassMessage(id, "category", first, first.Category, row, c));
            }
        }

        var entries = new List<(StatusChange Change, RecordSource Source)>();
        foreach (var row in rows)
        {
            if (row.Entry is { } e)
            {
                entries.Add((e, row.Source));
            }
        }

        var before = first.Source.Problems.Count;
        CheckOrder(entries, id, s => s.Location.ToString());
        if (!ok || first.Source.Problems.Count > before || agreement is null || entries.Count != rows.Count)
        {
            return null;
        }

        return FromLog(first.Source, id, agreement.Value, entries, null, first.Service, first.Category, first.Source.Location);
    }

    private static string ClassMessage(string id, string field, ChangeRow first, string? expected, ChangeRow row, string got) =>
        (expected is null
            ? $"Request \"{Snippet.Of(id)}\" has no {field} on its first row ({first.Source.Location}); {row.Source.Location} says \"{Snippet.Of(got)}\"."
            : $"Request \"{Snippet.Of(id)}\" has {field} \"{Snippet.Of(expected)}\" from its first row ({first.Source.Location}); {row.Source.Location} says \"{Snippet.Of(got)}\".")
        + $" A request's {field} is taken from its first row; expected later rows to repeat it or leave the field empty.";

    private static List<(StatusChange Change, RecordSource Source)> ReadEntries(IReadOnlyList<RecordSource> log, string? id, Func<RecordSource, string> name)
    {
        var entries = new List<(StatusChange, RecordSource)>();
        var valid = true;
        foreach (var e in log)
        {
            if (ReadEntry(e) is { } change)
            {
                entries.Add((change, e));
            }
            else
            {
                valid = false;
            }
        }

        if (valid)
        {
            CheckOrder(entries, id, name);
        }

        return entries;
    }

    private static StatusChange? ReadEntry(RecordSource e)
    {
        var at = e.Parse<Instant>("at", true, NodaText.TryParseInstant, NodaText.InstantExpected);
        var status = e.Required("status");
        if (status is not null && string.IsNullOrWhiteSpace(status))
        {
            e.Problem("status", ProblemKind.InvalidValue, $"Expected a status as non-blank text (for example \"In Progress\"); got \"{Snippet.Of(status)}\".");
            status = null;
        }

        var priority = ReadPriority(e);
        return at is { } a && status is not null ? new StatusChange(a, e.Problems.Texts.Pooled(status), priority) : null;
    }

    /// <summary>Reports each entry that lies before the one above it, at its <c>at</c> field.</summary>
    private static void CheckOrder(List<(StatusChange Change, RecordSource Source)> entries, string? id, Func<RecordSource, string> name)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            var (change, source) = entries[i];
            var previous = entries[i - 1].Change;
            if (change.At < previous.At)
            {
                source.Problem(
                    "at",
                    ProblemKind.InvalidValue,
                    $"The status log of request \"{Snippet.Of(id ?? string.Empty)}\" must be in time order (equal instants keep their order); {name(source)} ({NodaText.Format(change.At)} {Snippet.Of(change.Status)}) lies before {name(entries[i - 1].Source)} ({NodaText.Format(previous.At)} {Snippet.Of(previous.Status)}).");
            }
        }
    }

    private static ServiceRequest? FromLog(
        RecordSource r,
        string id,
        AgreementId agreement,
        List<(StatusChange Change, RecordSource Source)> entries,
        PriorityId? priority,
        ServiceId? service,
        string? category,
        ProblemLocation logAt)
    {
        var made = ServiceRequest.TryFromStatusLog(id, agreement, entries.Select(e => e.Change));
        foreach (var problem in made.Problems)
        {
            if (problem.Location.Segments is [{ Name: "log" }, { IsIndex: true, Index: { } i }, ..] && i < entries.Count)
            {
                r.Problems.Add(problem.Kind, entries[i].Source.Location, problem.Message);
            }
            else if (problem.Location.Segments is [{ Name: "log" }, ..])
            {
                r.Problems.Add(problem.Kind, logAt, problem.Message);
            }
            else
            {
                r.Problem(problem, ModelFields, "id");
            }
        }

        // A status log's priority at creation is its first entry's: a request-level priority may only repeat it.
        if (made.Value is not null && priority is { } given && entries[0].Change.Priority is { } first && given != first)
        {
            r.Problem(
                "priority",
                ProblemKind.InvalidValue,
                $"Expected the request's priority to be its first status change's ('{first}') or left out; got '{given}'.");
            return null;
        }

        return made.Value?.WithClass(priority, service, category);
    }

    private static AgreementId ReadAgreement(RecordSource r, out string? text)
    {
        text = r.Required("agreement");
        AgreementId agreement = default;
        if (text is not null && !AgreementId.TryParse(text, out agreement))
        {
            r.Problem("agreement", ProblemKind.InvalidId, $"Expected an agreement id (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(text)}\".");
        }

        return agreement;
    }

    private static PriorityId? ReadPriority(RecordSource r)
    {
        var text = r.Optional("priority");
        if (text is null)
        {
            return null;
        }

        if (PriorityId.TryParse(text, out var priority))
        {
            return priority;
        }

        r.Problem("priority", ProblemKind.InvalidId, $"Expected a priority id such as P1 (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(text)}\".");
        return null;
    }

    private static ServiceId? ReadService(RecordSource r)
    {
        var text = r.Optional("service");
        if (text is null)
        {
            return null;
        }

        if (ServiceId.TryParse(text, out var service))
        {
            return service;
        }

        r.Problem("service", ProblemKind.InvalidId, $"Expected a service id such as laptops (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(text)}\".");
        return null;
    }

    private static string? ReadCategory(RecordSource r)
    {
        var text = r.Optional("category");
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            r.Problem("category", ProblemKind.InvalidValue, $"Expected a category as non-blank text (for example \"Hardware\"), or the field left empty for none; got \"{Snippet.Of(text)}\".");
            return null;
        }

        return text;
    }

    internal static RequestEntry ToEntry(ServiceRequest r) => new(
        r.Id,
        r.Agreement.Value,
        r.Priority?.Value,
        r.Service?.Value,
        r.Category,
        r.IsStatusLog ? null : NodaText.Format(r.Opened),
        r.FirstResponse is { } f ? NodaText.Format(f) : null,
        r.Resolved is { } s ? NodaText.Format(s) : null,
        r.Pauses.IsEmpty ? null : [.. r.Pauses.Select(NodaText.Format)],
        r.Reopen is { } g ? NodaText.Format(g) : null,
        r.IsStatusLog ? [.. r.StatusLog.Select(c => new StatusChangeEntry(NodaText.Format(c.At), c.Status, c.Priority?.Value))] : null);

    /// <summary>The fields of a shorthand request in the CSV request layout, <paramref name="columns"/> of <see cref="Columns"/>.</summary>
    internal static IEnumerable<string?> ToFields(ServiceRequest r, IReadOnlyList<string> columns)
    {
        var e = ToEntry(r);
        return columns.Select(c => c switch
        {
            "id" => e.Id,
            "agreement" => e.Agreement,
            "opened" => e.Opened,
            "firstResponse" => e.FirstResponse,
            "resolved" => e.Resolved,
            "pauses" => e.Pauses is null ? null : string.Join(";", e.Pauses),
            "reopen" => e.Reopen,
            "priority" => e.Priority,
            "service" => e.Service,
            _ => e.Category,
        });
    }

    /// <summary>The rows of a status-log request in the CSV status-change layout, <paramref name="columns"/> of <see cref="ChangeColumns"/>;
    /// the request-level priority goes on the first row when that row sets none, the class on every row.</summary>
    internal static IEnumerable<IEnumerable<string?>> ToChangeRows(ServiceRequest r, IReadOnlyList<string> columns) =>
        r.StatusLog.Select((change, i) => columns.Select(c => c switch
        {
            "id" => r.Id,
            "agreement" => r.Agreement.Value,
            "at" => NodaText.Format(change.At),
            "status" => change.Status,
            "priority" => (i == 0 ? change.Priority ?? r.Priority : change.Priority)?.Value,
            "service" => r.Service?.Value,
            _ => r.Category,
        }));

    /// <summary>One row of the status-change layout as read: its entry, and its class fields when given and valid.</summary>
    private sealed record ChangeRow(RecordSource Source, string Id, AgreementId? Agreement, StatusChange? Entry, ServiceId? Service, string? Category, bool Valid);
}
