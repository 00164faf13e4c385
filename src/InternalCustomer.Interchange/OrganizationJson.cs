using System.Buffers;
using System.Text;
using System.Text.Json;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Organizations;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes an <see cref="Organization"/> as one JSON document (format and schema:
/// <c>docs/interchange.md</c>, <c>docs/schema/organization.schema.json</c>).
/// </summary>
/// <remarks>
/// <para>
/// Reading never throws on bad input. It checks, in one pass, that the input is UTF-8 and well-formed
/// JSON (nested at most 64 deep); then the document's structure — unknown or duplicated properties,
/// missing required ones, values of the wrong type or out of range (numbers too large for their field
/// included); then hands every entry to <see cref="OrganizationBuilder"/>, exactly one builder entry per array
/// item, so the builder's problem locations (<c>$.departments[3].parent</c>) are the document's paths as they
/// stand. Every problem comes back as a <see cref="Problem"/>, in that order; a problem the structural pass
/// already reported is not repeated by the model's validation. Input that is not well-formed stops at the first
/// syntax error, located by line and column, since nothing after it can be trusted.
/// </para>
/// <para>
/// Writing produces indented UTF-8 JSON with departments, services and dependencies in the
/// organisation's order (sorted by id), so equal organisations give identical bytes. Calendars are written
/// as a tzdb zone id, working windows per ISO weekday (<c>"09:00-17:00"</c>, an end of <c>24:00</c> for midnight)
/// and holidays; declared priorities in their order; agreements with ISO-8601 dates, periods (<c>P3M</c>) and business
/// time as durations with a time part only (<c>PT4H</c>, <c>PT48H</c>), objective sets in the agreement's order with their
/// selectors' values sorted, clock statuses sorted, exclusion windows sorted by start.
/// </para>
/// <para>
/// Business time with a date part (<c>"within": "P2D"</c>) is refused: read as 48 hours of working time it would almost
/// never be what was meant, so the problem says so and shows both ways to write it (<c>"PT48H"</c> or
/// <c>"withinBusinessDays": 2</c>).
/// </para>
/// </remarks>
public static partial class OrganizationJson
{
    /// <summary>The version of the document format this package reads and writes.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] RootProperties = ["$schema", "schemaVersion", "departments", "services", "dependencies", "priorities", "calendars", "agreements"];

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<Organization> Read(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, ReadOptions.Default);

    /// <summary>Reads an organisation document from UTF-8 bytes (a leading byte-order mark is allowed).</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    public static Result<Organization> Read(ReadOnlySpan<byte> utf8Json, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        using var document = JsonInput.Parse(utf8Json, problems);
        if (document is null)
        {
            return problems.ToResult<Organization>(null);
        }

        return Read(document.RootElement, problems);
    }

    /// <inheritdoc cref="Read(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<Organization> Read(string json) =>
        Read(json, ReadOptions.Default);

    /// <summary>Reads an organisation document from text.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static Result<Organization> Read(string json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), options);
    }

    /// <inheritdoc cref="Read(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<Organization> Read(Stream utf8Json) =>
        Read(utf8Json, ReadOptions.Default);

    /// <summary>Reads an organisation document from a stream, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Json">A readable stream holding the document's UTF-8 bytes; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document).</exception>
    public static Result<Organization> Read(Stream utf8Json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(StreamBytes.ReadAll(utf8Json).Span, options);
    }

    /// <summary>Reads an organisation document from a stream, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Json">A readable stream holding the document's UTF-8 bytes; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<Organization>> ReadAsync(Stream utf8Json, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await StreamBytes.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return Read(bytes.Span, options);
    }

    /// <summary>Writes an organisation as an indented UTF-8 JSON document.</summary>
    /// <param name="organization">The organisation to write.</param>
    /// <param name="output">The writer receiving the bytes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Organization organization, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(organization), InterchangeJsonContext.Default.OrganizationDocument, output);
    }

    /// <summary>Writes an organisation as an indented UTF-8 JSON document.</summary>
    /// <param name="organization">The organisation to write.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Organization organization, Stream output)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(organization), InterchangeJsonContext.Default.OrganizationDocument, output);
    }

    /// <summary>Writes an organisation as indented JSON text.</summary>
    /// <param name="organization">The organisation to write.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is null.</exception>
    public static string WriteToString(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return JsonOutput.WriteToString(ToDocument(organization), InterchangeJsonContext.Default.OrganizationDocument);
    }

    private static OrganizationDocument ToDocument(Organization organization) => new(
        SchemaVersion,
        [.. organization.Departments.Select(d => new DepartmentEntry(d.Id.Value, d.Name, d.Parent?.Value, d.Description))],
        [.. organization.Services.Select(s => new ServiceEntry(s.Id.Value, s.Name, s.Provider.Value, s.Category))],
        [.. organization.Dependencies.Select(d => new DependencyEntry(d.Provider.Value, d.Consumer.Value, d.Criticality.Value, d.Volume))],
        organization.Priorities.IsEmpty ? null : [.. organization.Priorities.Select(p => p.Value)],
        [.. organization.Calendars.Select(c => ToEntry(c.Key, c.Value))],
        [.. organization.Agreements.Select(ToEntry)]);

    private static Result<Organization> Read(JsonElement root, ProblemCollector problems)
    {
        var fields = JsonFields.Of(root, ProblemLocation.Root, problems, RootProperties);
        if (fields is null)
        {
            return problems.ToResult<Organization>(null);
        }

        fields.SchemaVersion(SchemaVersion);

        fields.OptionalString("$schema");

        // Every array item becomes exactly one builder entry, in document order, even when it is not an object
        // (then with nothing in it), so the builder's locations ($.departments[3].parent) are the document's paths.
        var builder = new OrganizationBuilder();
        var references = new References();
        foreach (var (item, path, _) in fields.OptionalArray("departments"))
        {
            var d = JsonFields.Of(item, path, problems, "id", "name", "parent", "description");
            var id = d?.RequiredString("id");
            var name = d?.RequiredString("name");
            var parent = d?.OptionalString("parent");
            references.Declare("department", id, path);
            references.Refer(path.Property("parent"), "department", parent);
            builder.AddDepartment(id, name, parent, d?.OptionalString("description"));
        }

        foreach (var (item, path, _) in fields.OptionalArray("services"))
        {
            var s = JsonFields.Of(item, path, problems, "id", "name", "provider", "category");
            var id = s?.RequiredString("id");
            var name = s?.RequiredString("name");
            var provider = s?.RequiredString("provider");
            references.Declare("service", id, path);
            references.Refer(path.Property("provider"), "department", provider);
            builder.AddService(id, name, provider, s?.OptionalString("category"));
        }

        foreach (var (item, path, _) in fields.OptionalArray("dependencies"))
        {
            var d = JsonFields.Of(item, path, problems, "provider", "consumer", "criticality", "volume");
            var criticality = d?.OptionalInteger("criticality", int.MinValue, int.MaxValue) ?? Criticality.Medium.Value;
            var (provider, consumer) = (d?.RequiredString("provider"), d?.RequiredString("consumer"));
            references.Refer(path.Property("provider"), "department", provider);
            references.Refer(path.Property("consumer"), "department", consumer);
            builder.AddDependency(
                provider: provider,
                consumer: consumer,
                criticality: (int)criticality,
                volume: d?.OptionalNumber("volume", double.MinValue, double.MaxValue));
        }

        foreach (var (item, path, _) in fields.OptionalArray("priorities"))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                references.Declare("priority", item.GetString(), path);
                builder.AddPriority(item.GetString());
            }
            else
            {
                // Added as missing, so the entries keep their positions; the builder's problem at the same path is not repeated.
                problems.Add(ProblemKind.WrongType, path, $"Expected a priority id such as \"P1\"; got {JsonFields.Describe(item)}.");
                builder.AddPriority(null);
            }
        }

        foreach (var (item, path, _) in fields.OptionalArray("calendars"))
        {
            var c = JsonFields.Of(item, path, problems, "id", "zone", "windows", "holidays", "specialDays");
            var id = c?.RequiredString("id");
            references.Declare("calendar", id, path);
            builder.AddCalendar(id, c is null ? null : ReadCalendar(c, problems));
        }

        foreach (var (item, path, _) in fields.OptionalArray("agreements"))
        {
            var a = JsonFields.Of(
                item, path, problems, "id", "provider", "consumer", "services", "calendar", "effectiveFrom", "effectiveUntil",
                "reviewCadence", "firstResponse", "resolution", "objectiveSets", "satisfaction", "exclusions");
            var draft = a is null ? new AgreementDraft(null) : ReadAgreement(a, problems);
            references.Refer(draft, path);
            builder.AddAgreement(draft);
        }

        var result = builder.TryBuild();

        // The entries with a problem of their own (the reader's or the builder's), for the references to them.
        var broken = problems.Kept.Concat(result.Problems).Select(p => References.Entry(p.Location)).ToHashSet();
        foreach (var problem in result.Problems)
        {
            // A calendar or an exclusion window the reader could not make is added as null, which the builder reports at
            // the entry; the reader's own problems inside the entry already say why.
            var unmade = problem.Kind == ProblemKind.MissingValue
                && problem.Location.Segments is [{ Name: "calendars" }, { IsIndex: true }] or [{ Name: "agreements" }, { IsIndex: true }, { Name: "exclusions" }, { IsIndex: true }];

            // An objective whose withinBusinessDays the reader could not read is handed over without an allowance; the
            // builder's "no business time" at its within says again what the reader already said.
            var daysUnread = problem.Location.Segments is [.., { Name: "within" }]
                && problems.Covers(ProblemLocation.FromPath(problem.Location.Segments[..^1]).Property("withinBusinessDays"));
            if (!unmade && !daysUnread && !problems.Covers(problem.Location) && references.Judge(problem, broken) is { } judged)
            {
                problems.Add(judged);
            }
        }

        return problems.ToResult(result.Value);
    }
}
