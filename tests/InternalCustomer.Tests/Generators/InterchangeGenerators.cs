using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Generators;

/// <summary>A valid document damaged by a few random edits, with the seed that rebuilds it.</summary>
public sealed record MutatedDocument(byte[] Bytes, string Edits, int Seed)
{
    public override string ToString() => $"seed {Seed}: {Edits} ({Bytes.Length} bytes)";
}

/// <summary>
/// Generators for the interchange tests: documents written from generated organisations
/// (<see cref="OrganizationGenerators"/>), then damaged by byte flips, truncation, duplication and deletion.
/// </summary>
public static class InterchangeGenerators
{
    /// <summary>Valid organisation documents mutated by 1–4 random edits.</summary>
    public static Arbitrary<MutatedDocument> MutatedOrganizationDocuments() =>
        Gen.Choose(0, int.MaxValue - 1).Select(MutatedOrganizationDocument).ToArbitrary();

    /// <summary>Documents of valid organisations with 1–5 planted problems, each on fresh ids so that none interact.</summary>
    public static Arbitrary<PlantedDocument> PlantedDocuments() =>
        Gen.Choose(0, int.MaxValue - 1).Select(PlantedOrganizationDocument).ToArbitrary();

    /// <summary>The planted document for a seed.</summary>
    public static PlantedDocument PlantedOrganizationDocument(int seed)
    {
        var random = new Random(seed);
        var organization = OrganizationGenerators.ValidOrganization(random.Next());
        var root = JsonNode.Parse(OrganizationJson.WriteToString(organization))!.AsObject();
        var departments = (root["departments"] ??= new JsonArray()).AsArray();
        var services = (root["services"] ??= new JsonArray()).AsArray();
        var dependencies = (root["dependencies"] ??= new JsonArray()).AsArray();
        var expected = new List<(ProblemKind Kind, ProblemLocation Location)>();
        var existing = organization.Departments.Select(d => d.Id.Value).ToList();
        var count = random.Next(1, 6);
        for (var p = 0; p < count; p++)
        {
            var fresh = $"planted-{p}";
            var d = departments.Count;
            switch (random.Next(existing.Count > 0 ? 12 : 10))
            {
                case 0:
                    departments.Add(new JsonObject { ["id"] = "bad id " + p, ["name"] = "Has a space" });
                    expected.Add((ProblemKind.InvalidId, OrganizationGenerators.Path("departments", d, "id")));
                    break;
                case 1:
                    departments.Add(new JsonObject { ["id"] = fresh, ["name"] = "Orphan", ["parent"] = "missing-" + p });
                    expected.Add((ProblemKind.UnknownReference, OrganizationGenerators.Path("departments", d, "parent")));
                    break;
                case 2:
                    departments.Add(new JsonObject { ["id"] = fresh + "-a", ["name"] = "Cycle A", ["parent"] = fresh + "-b" });
                    departments.Add(new JsonObject { ["id"] = fresh + "-b", ["name"] = "Cycle B", ["parent"] = fresh + "-a" });
                    expected.Add((ProblemKind.ParentCycle, OrganizationGenerators.Path("departments", d, "parent")));
                    break;
                case 3:
                    departments.Add(new JsonObject { ["id"] = fresh, ["name"] = "  " });
                    expected.Add((ProblemKind.InvalidValue, OrganizationGenerators.Path("departments", d, "name")));
                    break;
                case 4:
                    services.Add(new JsonObject { ["id"] = "planted-svc-" + p, ["name"] = "Nobody's", ["provider"] = "missing-" + p });
                    expected.Add((ProblemKind.UnknownReference, OrganizationGenerators.Path("services", services.Count - 1, "provider")));
                    break;
                case 5:
                    dependencies.Add(new JsonObject { ["consumer"] = "x" + p, ["provider"] = "y" + p, ["criticality"] = 9 });
                    expected.Add((ProblemKind.InvalidValue, OrganizationGenerators.Path("dependencies", dependencies.Count - 1, "criticality")));
                    break;
                case 6:
                    departments.Add(new JsonObject { ["id"] = p, ["name"] = "Numbered" });
                    expected.Add((ProblemKind.WrongType, OrganizationGenerators.Path("departments", d, "id")));
                    break;
                case 7:
                    departments.Add(new JsonObject { ["id"] = fresh, ["name"] = "Coloured", ["colour"] = "blue" });
                    expected.Add((ProblemKind.UnexpectedProperty, OrganizationGenerators.Path("departments", d, "colour")));
                    break;
                case 8:
                    departments.Add(JsonValue.Create("department " + p));
                    expected.Add((ProblemKind.WrongType, OrganizationGenerators.Path("departments", d)));
                    break;
                case 9:
                    dependencies.Add(new JsonObject { ["consumer"] = "x" + p, ["provider"] = "y" + p, ["volume"] = "lots" });
                    expected.Add((ProblemKind.WrongType, OrganizationGenerators.Path("dependencies", dependencies.Count - 1, "volume")));
                    expected.Add((ProblemKind.UnknownReference, OrganizationGenerators.Path("dependencies", dependencies.Count - 1, "consumer")));
                    expected.Add((ProblemKind.UnknownReference, OrganizationGenerators.Path("dependencies", dependencies.Count - 1, "provider")));
                    break;
                case 10:
                    departments.Add(new JsonObject { ["id"] = existing[random.Next(existing.Count)], ["name"] = "Duplicate" });
                    expected.Add((ProblemKind.DuplicateId, OrganizationGenerators.Path("departments", d, "id")));
                    break;
                default:
                    var self = existing[random.Next(existing.Count)];
                    dependencies.Add(new JsonObject { ["consumer"] = self, ["provider"] = self });
                    expected.Add((ProblemKind.SelfReference, OrganizationGenerators.Path("dependencies", dependencies.Count - 1)));
                    break;
            }
        }

        return new PlantedDocument(root.ToJsonString(), expected.Distinct().ToList(), seed);
    }

    /// <summary>Sets of 0–40 valid shorthand requests with nanosecond instants, pauses, reopen gaps, awkward ids and (most) a class.</summary>
    public static Arbitrary<RequestSet> RequestSets() =>
        Gen.Choose(0, int.MaxValue - 1).Select(RequestSetFor).ToArbitrary();

    private static readonly string[] AwkwardIds = ["REQ", "a,b", "say \"hi\"", "two\nlines", " padded ", "工单", "semi;colon", "tab\there"];

    /// <summary>The request set for a seed.</summary>
    public static RequestSet RequestSetFor(int seed)
    {
        var random = new Random(seed);
        var requests = new List<ServiceRequest>();
        var count = random.Next(0, 41);
        for (var i = 0; i < count; i++)
        {
            requests.Add(RandomRequest(random, $"{AwkwardIds[random.Next(AwkwardIds.Length)]}-{i}"));
        }

        return new RequestSet(requests, seed);
    }

    /// <summary>A valid request: an increasing timeline cut into pauses, a reopen gap and the resolution.</summary>
    public static ServiceRequest RandomRequest(Random random, string id)
    {
        var t = Instant.FromUtc(2020, 1, 1, 0, 0).PlusNanoseconds(random.NextInt64(0, 6L * 365 * 86_400 * 1_000_000_000));
        var opened = t;
        Instant Next() => t = t.PlusNanoseconds(random.NextInt64(1, 3L * 86_400 * 1_000_000_000));
        var pauses = new List<Interval>();
        for (var p = random.Next(0, 4); p > 0; p--)
        {
            var start = Next();
            pauses.Add(new Interval(start, Next()));
        }

        Interval? reopen = null;
        if (random.Next(4) == 0)
        {
            var start = Next();
            reopen = new Interval(start, Next());
        }

        Instant? resolved = random.Next(3) > 0 || reopen is not null ? Next() : null;
        if (resolved is null && random.Next(3) == 0)
        {
            pauses.Add(new Interval(Next(), null));
        }

        Instant? firstResponse = random.Next(3) > 0 ? opened.PlusNanoseconds(random.NextInt64(0, (long)((resolved ?? t) - opened).TotalNanoseconds + 1)) : null;
        var request = new ServiceRequest(id, AgreementId.Parse($"sla-{random.Next(50)}"), opened, firstResponse, resolved, pauses, reopen);
        return random.Next(3) == 0 ? request : StatusLogDocumentGenerators.Classed(random, request, withPriority: true);
    }

    /// <summary>
    /// Sets of feedback responses from <see cref="FeedbackGenerators.Response"/> on every scale there, some with an
    /// agreement, a service and a comment holding CSV's special characters.
    /// </summary>
    public static Arbitrary<ResponseSet> ResponseSets() =>
        (from scale in Gen.Elements(FeedbackGenerators.Scales)
         from responses in FeedbackGenerators.Response(scale, DimensionSet.Servqual).ArrayOf()
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select new ResponseSet([.. responses.Select((r, i) => WithExtras(r, new Random(seed + i)))], seed)).ToArbitrary();

    private static readonly string?[] Comments = [null, "Fine.", "Slow, but \"friendly\"", "line one\nline two", " 很好 ", "a;b,c"];

    private static FeedbackResponse WithExtras(FeedbackResponse r, Random random)
    {
        var dims = r.Dimensions;
        Dictionary<string, int>? Ratings(Func<string, int?> of) =>
            dims?.Names.Where(n => of(n) is not null).ToDictionary(n => n, n => of(n)!.Value);
        return new FeedbackResponse(
            r.Respondent, r.Subject, r.Instant.PlusNanoseconds(random.Next(1_000_000_000)), r.OverallScale, r.Overall, r.Recommend, r.Effort,
            dims, Ratings(n => r.Perception(n)), Ratings(n => r.Expectation(n)),
            random.Next(3) == 0 ? AgreementId.Parse("sla-" + random.Next(9)) : null,
            random.Next(3) == 0 ? ServiceId.Parse("svc-" + random.Next(9)) : null,
            Comments[random.Next(Comments.Length)]);
    }

    /// <summary>Valid organisations (<see cref="OrganizationGenerators"/>) with calendars and agreements added.</summary>
    public static Arbitrary<Organization> OrganizationsWithAgreements() =>
        Gen.Choose(0, int.MaxValue - 1).Select(OrganizationWithAgreements).ToArbitrary();

    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "UTC"];

    /// <summary>The organisation with calendars and agreements for a seed.</summary>
    public static Organization OrganizationWithAgreements(int seed)
    {
        var random = new Random(seed);
        var organization = OrganizationGenerators.ValidOrganization(random.Next());
        var builder = organization.ToBuilder();
        var calendars = new List<string>();
        for (var c = random.Next(1, 4); c > 0; c--)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var calendar = random.Next(3) switch
            {
                0 => BusinessCalendar.AlwaysOpen(zone),
                1 => BusinessCalendar.WeekdaysNineToFive(zone),
                _ => BusinessCalendar.Create(
                    zone,
                    new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>
                    {
                        [IsoDayOfWeek.Monday] = [new(new LocalTime(7, 30), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(16, 45, 30))],
                        [IsoDayOfWeek.Saturday] = [new(new LocalTime(22, 0), LocalTime.Midnight)],
                    },
                    []),
            };
            if (random.Next(2) == 0)
            {
                calendar = calendar.WithHolidays([new LocalDate(2026, 12, 25), new LocalDate(2028, 2, 29)]);
            }

            if (random.Next(2) == 0)
            {
                // A half day, a worked Sunday (closing at midnight) and a closed day, given out of order.
                calendar = calendar.WithSpecialDays(
                [
                    SpecialDay.Closed(new LocalDate(2027, 1, 1)),
                    calendar.PartDayClosure(new LocalDate(2026, 12, 24), new LocalTime(12, 0)),
                    new SpecialDay(new LocalDate(2026, 12, 27), [new(new LocalTime(18, 0), LocalTime.Midnight), new(new LocalTime(9, 0), new LocalTime(13, 0))]),
                ]);
            }

            var id = $"cal-{c}";
            builder.AddCalendar(id, calendar);
            calendars.Add(id);
        }

        var providers = organization.Departments.Where(d => !organization.ServicesOf(d.Id).IsEmpty).ToList();
        var pairs = new HashSet<(DepartmentId, DepartmentId)>();
        for (var a = random.Next(0, 2 * organization.Departments.Length + 1); a > 0 && providers.Count > 0; a--)
        {
            var provider = providers[random.Next(providers.Count)].Id;
            var consumer = organization.Departments[random.Next(organization.Departments.Length)].Id;
            if (provider == consumer || !pairs.Add((provider, consumer)))
            {
                continue;
            }

            var services = organization.ServicesOf(provider);
            TimeObjective? Time(ObjectiveKind kind) => random.Next(3) == 0 ? null : new TimeObjective(
                kind,
                Duration.FromMinutes(random.Next(1, 10_000)) + Duration.FromNanoseconds(random.Next(2) * 500_000_000L),
                random.Next(0, 1000) / 1000.0,
                random.Next(2) == 0 ? null : [0.25, 0.9]);
            var from = new LocalDate(2025, 1, 1).PlusDays(random.Next(700));
            builder.AddAgreement(new ServiceAgreement(
                AgreementId.Parse($"sla-{pairs.Count}"),
                provider,
                consumer,
                services.Take(random.Next(1, services.Length + 1)).Select(s => s.Id),
                CalendarId.Parse(calendars[random.Next(calendars.Count)]),
                from,
                random.Next(2) == 0 ? null : from.PlusDays(random.Next(0, 800)),
                random.Next(3) switch { 0 => Period.FromMonths(3), 1 => Period.FromYears(1), _ => Period.FromWeeks(6) },
                Time(ObjectiveKind.FirstResponse),
                Time(ObjectiveKind.Resolution),
                new SatisfactionObjective(random.Next(0, 100) / 100.0)));
        }

        return builder.Build();
    }

    /// <summary>The mutated document for a seed.</summary>
    public static MutatedDocument MutatedOrganizationDocument(int seed)
    {
        var random = new Random(seed);
        var organization = OrganizationWithAgreements(random.Next());
        var bytes = Encoding.UTF8.GetBytes(OrganizationJson.WriteToString(organization));
        return Mutate(bytes, random, seed);
    }

    /// <summary>Applies 1–4 random edits to a copy of <paramref name="bytes"/>.</summary>
    public static MutatedDocument Mutate(byte[] bytes, Random random, int seed)
    {
        var data = new List<byte>(bytes);
        var edits = new List<string>();
        var count = random.Next(1, 5);
        for (var e = 0; e < count && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            var length = Math.Min(data.Count - at, random.Next(1, 40));
            switch (random.Next(9))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    edits.Add($"flip bit at {at}");
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    edits.Add($"random byte at {at}");
                    break;
                case 2:
                    data.RemoveRange(at, data.Count - at);
                    edits.Add($"truncate at {at}");
                    break;
                case 3:
                    data.InsertRange(at, data.GetRange(at, length));
                    edits.Add($"duplicate {length} bytes at {at}");
                    break;
                case 4:
                    data.RemoveRange(at, length);
                    edits.Add($"delete {length} bytes at {at}");
                    break;
                case 5:
                    var from = random.Next(data.Count);
                    var piece = data.GetRange(from, Math.Min(data.Count - from, length));
                    data.InsertRange(at, piece);
                    edits.Add($"copy {piece.Count} bytes from {from} to {at}");
                    break;
                case 7:
                case 8:
                    // Replace the text of a field (a JSON string or a CSV cell) by a hostile value, so that values
                    // out of range reach the parsers behind the syntax.
                    var (start, end) = FieldAt(data, at);
                    var value = HostileValues[random.Next(HostileValues.Length)];
                    data.RemoveRange(start, end - start);
                    data.InsertRange(start, Encoding.UTF8.GetBytes(value));
                    edits.Add($"replace {end - start} bytes at {start} with {value}");
                    break;
                default:
                    var token = Tokens[random.Next(Tokens.Length)];
                    data.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    edits.Add($"insert {token} at {at}");
                    break;
            }
        }

        return new MutatedDocument([.. data], string.Join("; ", edits), seed);
    }

    /// <summary>The field around <paramref name="at"/>: from after the delimiter before it to the delimiter after it.</summary>
    private static (int Start, int End) FieldAt(List<byte> data, int at)
    {
        static bool Delimiter(byte b) => b is (byte)'"' or (byte)',' or (byte)'\n' or (byte)'\r';
        var start = at;
        while (start > 0 && !Delimiter(data[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < data.Count && !Delimiter(data[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static readonly string[] Tokens =
        ["{", "}", "[", "]", ",", ":", "\"", "null", "1e400", "-0", "\"\\u0000\"", "\"id\": 1,", "[[[[[[[[", "\uFFFD", "99999999999999999999999",
            "\\ud800", "\"\\udfff\":", "9999-12-31T23:00:00-02:00", "PT99999999999H"];

    /// <summary>Values that once made a reader throw (issue 15), and their neighbours at the edges of NodaTime's range.</summary>
    private static readonly string[] HostileValues =
        ["9999-12-31T23:00:00-02:00", "-9998-01-01T00:00:00+02:00", "9999-12-31T23:59:59.999999999Z", "-9998-01-01T00:00:00Z",
            "PT99999999999H", "P106752D", "PT2562048H", "P15251W", "P1000000Y", "P2147483647M", "\\ud800", "x\\udc00", "\\ud83d\\ude00",
            "9999-12-31T23:00:00-02:00/", "/-9998-01-01T00:00:00+02:00", "2026-03-02T09:30:00Z/9999-12-31T23:00:00-02:00",
            "99:99-99:99", "24:00-24:00", "-2147483648", "9223372036854775808", "1e308", "NaN"];
}

/// <summary>A document holding a valid organisation plus planted problems, and the JSON paths expected.</summary>
public sealed record PlantedDocument(string Json, IReadOnlyList<(ProblemKind Kind, ProblemLocation Location)> Expected, int Seed)
{
    public override string ToString() => $"seed {Seed}: expected {string.Join(", ", Expected)}";
}

/// <summary>A generated set of service requests, with its seed.</summary>
public sealed record RequestSet(IReadOnlyList<ServiceRequest> Requests, int Seed)
{
    public override string ToString() => $"seed {Seed}: {Requests.Count} requests";
}

/// <summary>A generated set of feedback responses, with its seed.</summary>
public sealed record ResponseSet(IReadOnlyList<FeedbackResponse> Responses, int Seed)
{
    public override string ToString() => $"seed {Seed}: {Responses.Count} responses";
}
