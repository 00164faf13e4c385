using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange.Json;
using NodaTime;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>The one mapping between <see cref="ServiceRequest"/> and its record, shared by the JSON and CSV formats.</summary>
internal static class ServiceRequestMapping
{
    internal static readonly string[] Columns = ["id", "agreement", "opened", "firstResponse", "resolved", "pauses", "reopen"];

    internal static readonly string[] Required = ["id", "agreement", "opened"];

    internal const string IntervalExample = "start/end, for example 2026-03-02T09:30:00Z/2026-03-02T11:00:00Z (an empty end for one still open)";

    internal static Result<IReadOnlyList<ServiceRequest>> ReadAll(IEnumerable<RecordSource> records, ProblemCollector problems)
    {
        var requests = new List<ServiceRequest>();
        var seen = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (Read(record, seen) is { } request)
            {
                requests.Add(request);
            }
        }

        return problems.ToResult<IReadOnlyList<ServiceRequest>>(requests.ToImmutableArray());
    }

    internal static ServiceRequest? Read(RecordSource r, Dictionary<string, ProblemLocation> seen)
    {
        var before = r.Problems.Count;
        var id = r.Required("id");
        var agreementText = r.Required("agreement");
        AgreementId agreement = default;
        if (agreementText is not null && !AgreementId.TryParse(agreementText, out agreement))
        {
            r.Problem("agreement", ProblemKind.InvalidId, $"Expected an agreement id (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(agreementText)}\".");
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

        if (r.Problems.Count > before || id is null || opened is null)
        {
            return null;
        }

        var made = ServiceRequest.TryCreate(id, agreement, opened.Value, firstResponse, resolved, pauses, reopen);
        foreach (var problem in made.Problems)
        {
            r.Problem(problem, Columns, "id");
        }

        return made.Value;
    }

    internal static RequestEntry ToEntry(ServiceRequest r) => new(
        r.Id,
        r.Agreement.Value,
        NodaText.Format(r.Opened),
        r.FirstResponse is { } f ? NodaText.Format(f) : null,
        r.Resolved is { } s ? NodaText.Format(s) : null,
        r.Pauses.IsEmpty ? null : [.. r.Pauses.Select(NodaText.Format)],
        r.Reopen is { } g ? NodaText.Format(g) : null);

    internal static IEnumerable<string?> ToFields(ServiceRequest r)
    {
        var e = ToEntry(r);
        return [e.Id, e.Agreement, e.Opened, e.FirstResponse, e.Resolved, e.Pauses is null ? null : string.Join(";", e.Pauses), e.Reopen];
    }
}
