using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Organizations;

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
/// included); then hands every entry to <see cref="OrganizationBuilder"/> and maps its validation problems
/// (<c>departments[3].parent</c>) to JSON paths (<c>$.departments[3].parent</c>). Every problem comes back,
/// in that order; a problem the structural pass already reported is not repeated by the model's
/// validation. Input that is not well-formed stops at the first syntax error, located by line and column,
/// since nothing after it can be trusted.
/// </para>
/// <para>
/// Writing produces indented UTF-8 JSON with departments, services and dependencies in the
/// organisation's order (sorted by id), so equal organisations give identical bytes. Calendars are written
/// as a tzdb zone id, working windows per ISO weekday (<c>"09:00-17:00"</c>, an end of <c>24:00</c> for midnight)
/// and holidays; agreements with ISO-8601 dates, periods (<c>P3M</c>) and durations (<c>PT4H</c>).
/// </para>
/// </remarks>
public static partial class OrganizationJson
{
    /// <summary>The version of the document format this package reads and writes.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] RootProperties = ["$schema", "schemaVersion", "departments", "services", "dependencies", "calendars", "agreements"];

    /// <summary>Reads an organisation document from UTF-8 bytes (a leading byte-order mark is allowed).</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    public static ReadResult<Organization> Read(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new ProblemCollector();
        using var document = JsonInput.Parse(utf8Json, problems);
        if (document is null)
        {
            return new ReadResult<Organization>(null, problems.ToImmutable());
        }

        return Read(document.RootElement, problems);
    }

    /// <summary>Reads an organisation document from text.</summary>
    /// <param name="json">The document's text.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ReadResult<Organization> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads an organisation document from a stream, to its end.</summary>
    /// <param name="utf8Json">A readable stream holding the document's UTF-8 bytes; it is not closed.</param>
    /// <returns>The organisation, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document).</exception>
    public static ReadResult<Organization> Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(StreamBytes.ReadAll(utf8Json).Span);
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
        [.. organization.Dependencies.Select(d => new DependencyEntry(d.Consumer.Value, d.Provider.Value, d.Criticality.Value, d.Volume))],
        [.. organization.Calendars.Select(c => ToEntry(c.Key, c.Value))],
        [.. organization.Agreements.Select(ToEntry)]);

    private static ReadResult<Organization> Read(JsonElement root, ProblemCollector problems)
    {
        var fields = JsonFields.Of(root, "$", problems, RootProperties);
        if (fields is null)
        {
            return new ReadResult<Organization>(null, problems.ToImmutable());
        }

        if (fields.RequiredInteger("schemaVersion", 0, int.MaxValue) is { } version && version != SchemaVersion)
        {
            fields.Problem(
                "schemaVersion",
                string.Create(CultureInfo.InvariantCulture, $"Expected schemaVersion {SchemaVersion}, the version this reader understands; got {version}."));
        }

        fields.OptionalString("$schema");

        var builder = new OrganizationBuilder();
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["departments"] = [],
            ["services"] = [],
            ["dependencies"] = [],
            ["calendars"] = [],
            ["agreements"] = [],
        };

        foreach (var (item, path, _) in fields.OptionalArray("departments"))
        {
            if (JsonFields.Of(item, path, problems, "id", "name", "parent", "description") is { } d)
            {
                builder.AddDepartment(d.RequiredString("id"), d.RequiredString("name"), d.OptionalString("parent"), d.OptionalString("description"));
                sections["departments"].Add(path);
            }
        }

        foreach (var (item, path, _) in fields.OptionalArray("services"))
        {
            if (JsonFields.Of(item, path, problems, "id", "name", "provider", "category") is { } s)
            {
                builder.AddService(s.RequiredString("id"), s.RequiredString("name"), s.RequiredString("provider"), s.OptionalString("category"));
                sections["services"].Add(path);
            }
        }

        foreach (var (item, path, _) in fields.OptionalArray("dependencies"))
        {
            if (JsonFields.Of(item, path, problems, "consumer", "provider", "criticality", "volume") is { } d)
            {
                var criticality = d.OptionalInteger("criticality", int.MinValue, int.MaxValue) ?? Criticality.Medium.Value;
                builder.AddDependency(
                    d.RequiredString("consumer"),
                    d.RequiredString("provider"),
                    (int)criticality,
                    d.OptionalNumber("volume", double.MinValue, double.MaxValue));
                sections["dependencies"].Add(path);
            }
        }

        foreach (var (item, path, _) in fields.OptionalArray("calendars"))
        {
            if (JsonFields.Of(item, path, problems, "id", "zone", "windows", "holidays") is { } c)
            {
                var count = problems.Count;
                ReadCalendar(c, builder, problems);
                if (problems.Count == count)
                {
                    sections["calendars"].Add(path);
                }
            }
        }

        foreach (var (item, path, _) in fields.OptionalArray("agreements"))
        {
            if (JsonFields.Of(
                    item, path, problems, "id", "provider", "consumer", "services", "calendar", "effectiveFrom", "effectiveUntil",
                    "reviewCadence", "firstResponse", "resolution", "satisfaction") is { } a)
            {
                ReadAgreement(a, builder, problems);
                sections["agreements"].Add(path);
            }
        }

        var result = builder.TryBuild();
        foreach (var problem in result.Problems)
        {
            var location = MapLocation(problem.Location, sections);
            if (!problems.Covers(location))
            {
                problems.Add(location, BuilderReference().Replace(problem.Message, m => MapLocation(m.Value, sections)));
            }
        }

        return new ReadResult<Organization>(problems.Count == 0 ? result.Organization : null, problems.ToImmutable());
    }

    /// <summary>Maps a builder location (<c>services[2].provider</c>) to the JSON path of the entry it came from.</summary>
    internal static string MapLocation(string builderLocation, IReadOnlyDictionary<string, List<string>> sections)
    {
        var match = BuilderReference().Match(builderLocation);
        if (match.Success && match.Index == 0
            && sections.TryGetValue(match.Groups["section"].Value, out var paths)
            && int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < paths.Count)
        {
            return paths[index] + builderLocation[match.Length..];
        }

        return "$." + builderLocation;
    }

    [GeneratedRegex(@"(?<section>[a-zA-Z]+)\[(?<index>[0-9]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex BuilderReference();
}
