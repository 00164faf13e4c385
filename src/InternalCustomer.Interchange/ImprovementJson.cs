using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InternalCustomer.Agreements;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Interchange.Records;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes an <see cref="ImprovementRecord"/> — feedback campaigns with their invitations, review meetings and
/// improvement actions — as one JSON document, the companion of the organisation document (format and schema:
/// <c>docs/interchange.md</c>, <c>docs/schema/improvement.schema.json</c>).
/// </summary>
/// <remarks>
/// <para>
/// Reading never throws on bad input. It checks that the input is UTF-8 and well-formed JSON, then the document's
/// structure (unknown, repeated or missing properties, wrong types, dates, ids, a status and its completion date, repeats
/// in a list), reporting every problem with its JSON path; then it checks the records against the organisation with
/// <see cref="ImprovementRecord.TryCreate"/> (a relationship that does not exist, a department or agreement that is not
/// the organisation's, a meeting dated before the agreement it reviews, an agreed action that is not in the document)
/// and reports those at the document's paths too — the record sorts its lists, so a position in a sorted list is mapped
/// back to the position in the document.
/// </para>
/// <para>
/// Writing produces indented UTF-8 JSON with campaigns, meetings and actions sorted by id and their lists sorted, so
/// equal records give identical bytes.
/// </para>
/// </remarks>
public static class ImprovementJson
{
    /// <summary>The version of the document format this package reads and writes.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] RootProperties = ["$schema", "schemaVersion", "campaigns", "meetings", "actions"];
    private static readonly string[] StatusNames = ["planned", "inProgress", "completed", "abandoned"];
    private static readonly string[] ObjectiveNames = ["firstResponse", "resolution", "satisfaction"];

    /// <summary>The last date a campaign's cycle may end on: its window ends at the start of the next day.</summary>
    private static readonly LocalDate LastCycleEnd = new(9999, 12, 30);

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, Organization, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImprovementRecord> Read(ReadOnlySpan<byte> utf8Json, Organization organization) =>
        Read(utf8Json, organization, ReadOptions.Default);

    /// <summary>Reads an improvement document from UTF-8 bytes (a leading byte-order mark is allowed) and checks it against the organisation.</summary>
    /// <param name="utf8Json">The document's bytes; every campaign lists its invitations.</param>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The record, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is null.</exception>
    public static Result<ImprovementRecord> Read(ReadOnlySpan<byte> utf8Json, Organization organization, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        return Read(utf8Json, organization, null, problems);
    }

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Organization, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImprovementRecord> Read(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> utf8InvitationsCsv, Organization organization) =>
        Read(utf8Json, utf8InvitationsCsv, organization, ReadOptions.Default);

    /// <summary>
    /// Reads an improvement document whose campaigns may leave out their invitations, taking those from an invitations CSV
    /// (<see cref="InvitationCsv"/>): a campaign without <c>invitations</c> gets the CSV's rows naming its id (none is allowed);
    /// a CSV row naming a campaign that lists its invitations in the document, or no campaign of it, is a problem at the row.
    /// </summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="utf8InvitationsCsv">The invitations CSV's bytes.</param>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="options">How to read the two documents: the most problems listed for both together (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The record, or every problem found with its location (JSON paths for the document, lines and columns for the CSV).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is null.</exception>
    public static Result<ImprovementRecord> Read(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> utf8InvitationsCsv, Organization organization, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        var rows = InvitationCsv.Rows(utf8InvitationsCsv, problems);
        return Read(utf8Json, organization, rows, problems);
    }

    /// <inheritdoc cref="Read(string, Organization, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImprovementRecord> Read(string json, Organization organization) =>
        Read(json, organization, ReadOptions.Default);

    /// <summary>Reads an improvement document from text and checks it against the organisation.</summary>
    /// <param name="json">The document's text; every campaign lists its invitations.</param>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The record, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Result<ImprovementRecord> Read(string json, Organization organization, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), organization, options);
    }

    /// <inheritdoc cref="Read(Stream, Organization, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<ImprovementRecord> Read(Stream utf8Json, Organization organization) =>
        Read(utf8Json, organization, ReadOptions.Default);

    /// <summary>Reads an improvement document from a stream, from its position to its end, and checks it against the organisation.</summary>
    /// <param name="utf8Json">A readable stream holding the document's UTF-8 bytes; it is not closed.</param>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The record, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document).</exception>
    public static Result<ImprovementRecord> Read(Stream utf8Json, Organization organization, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(StreamBytes.ReadAll(utf8Json).Span, organization, options);
    }

    /// <summary>Reads an improvement document from a stream, from its position to its end, asynchronously, and checks it against the organisation.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, Organization, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Json">A readable stream holding the document's UTF-8 bytes; it is not closed.</param>
    /// <param name="organization">The organisation the record belongs to.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The record, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<ImprovementRecord>> ReadAsync(Stream utf8Json, Organization organization, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(organization);
        var bytes = await StreamBytes.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return Read(bytes.Span, organization, options);
    }

    /// <summary>Writes a record as an indented UTF-8 JSON document, every campaign with its invitations.</summary>
    /// <param name="record">The record to write.</param>
    /// <param name="output">The writer receiving the bytes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ImprovementRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(record, includeInvitations: true), InterchangeJsonContext.Default.ImprovementDocument, output);
    }

    /// <summary>Writes a record as an indented UTF-8 JSON document, every campaign with its invitations.</summary>
    /// <param name="record">The record to write.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ImprovementRecord record, Stream output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(record, includeInvitations: true), InterchangeJsonContext.Default.ImprovementDocument, output);
    }

    /// <summary>Writes a record as indented JSON text, every campaign with its invitations.</summary>
    /// <param name="record">The record to write.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static string WriteToString(ImprovementRecord record) => WriteToString(record, includeInvitations: true);

    /// <summary>
    /// Writes a record as indented JSON text, with or without the campaigns' invitations (without, they go to an
    /// invitations CSV written by <see cref="InvitationCsv.WriteToString"/>).
    /// </summary>
    /// <param name="record">The record to write.</param>
    /// <param name="includeInvitations">Whether each campaign lists its invitations in the document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static string WriteToString(ImprovementRecord record, bool includeInvitations)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonOutput.WriteToString(ToDocument(record, includeInvitations), InterchangeJsonContext.Default.ImprovementDocument);
    }

    private static ImprovementDocument ToDocument(ImprovementRecord record, bool includeInvitations) => new(
        SchemaVersion,
        [.. record.Campaigns.Select(c => new CampaignEntry(
            c.Id.Value,
            new CycleEntry(NodaText.Format(c.Cycle.Start), NodaText.Format(c.Cycle.End)),
            c.Zone.Id,
            includeInvitations ? [.. c.Invitations.Select(i => new InvitationEntry(i.Relationship.Provider.Value, i.Relationship.Consumer.Value, i.Invited))] : null))],
        [.. record.Meetings.Select(m => new MeetingEntry(
            m.Id.Value,
            m.Relationship.Provider.Value,
            m.Relationship.Consumer.Value,
            NodaText.Format(m.Date),
            [.. m.Present.Select(d => d.Value)],
            m.Notes,
            m.ActionsAgreed.IsEmpty ? null : [.. m.ActionsAgreed.Select(a => a.Value)],
            m.Agreements.IsEmpty ? null : [.. m.Agreements.Select(a => a.Value)]))],
        [.. record.Actions.Select(a => new ActionEntry(
            a.Id.Value,
            a.Relationship.Provider.Value,
            a.Relationship.Consumer.Value,
            a.Owner.Value,
            a.Title,
            StatusNames[(int)a.Status - 1],
            NodaText.Format(a.Started),
            a.Completed is { } completed ? NodaText.Format(completed) : null,
            a.Objective is { } objective ? ObjectiveNames[(int)objective - 1] : null,
            a.Dimension))]);

    private static Result<ImprovementRecord> Read(ReadOnlySpan<byte> utf8Json, Organization organization, List<(CampaignId Campaign, LocatedInvitation Invitation)>? csv, ProblemCollector problems)
    {
        using var document = JsonInput.Parse(utf8Json, problems);
        if (document is null)
        {
            return problems.ToResult<ImprovementRecord>(null);
        }

        var fields = JsonFields.Of(document.RootElement, ProblemLocation.Root, problems, RootProperties);
        if (fields is null)
        {
            return problems.ToResult<ImprovementRecord>(null);
        }

        fields.SchemaVersion(SchemaVersion);

        fields.OptionalString("$schema");
        var walk = new Walk(problems);
        var fromCsv = csv?.GroupBy(r => r.Campaign).ToDictionary(g => g.Key, g => g.Select(r => r.Invitation).ToList());
        var campaignIdsInDocument = new Dictionary<CampaignId, bool>();
        foreach (var (item, path, _) in fields.OptionalArray("campaigns"))
        {
            walk.Campaign(item, path, fromCsv, campaignIdsInDocument);
        }

        foreach (var (item, path, _) in fields.OptionalArray("actions"))
        {
            walk.Action(item, path);
        }

        foreach (var (item, path, _) in fields.OptionalArray("meetings"))
        {
            walk.Meeting(item, path);
        }

        foreach (var (campaign, invitation) in csv ?? [])
        {
            if (!campaignIdsInDocument.TryGetValue(campaign, out var listsOwn))
            {
                problems.Add(ProblemKind.UnknownReference, invitation.Source.At("campaign"), $"Invitation of {invitation.Relationship.Consumer} to rate {invitation.Relationship.Provider} names campaign '{campaign}', which is not a campaign of the improvement document.");
            }
            else if (listsOwn)
            {
                problems.Add(ProblemKind.InvalidValue, invitation.Source.At("campaign"), $"Invitation of {invitation.Relationship.Consumer} to rate {invitation.Relationship.Provider} names campaign '{campaign}', which lists its own invitations in the improvement document; expected the invitations of a campaign in one place.");
            }
        }

        var result = ImprovementRecord.TryCreate(organization, walk.Campaigns.Select(c => c.Campaign), walk.Meetings.Select(m => m.Meeting), walk.Actions.Select(a => a.Action));
        foreach (var problem in result.Problems)
        {
            if (walk.Map(problem) is { } location && !problems.Covers(location))
            {
                problems.Add(new Problem(problem.Kind, location, problem.Message));
            }
        }

        return problems.ToResult(result.Value);
    }

    /// <summary>The structural pass over the document's records, keeping each good record with where its parts are in the document.</summary>
    private sealed class Walk(ProblemCollector problems)
    {
        private readonly HashSet<ActionId> _unreadActions = [];

        internal List<(FeedbackCampaign Campaign, ProblemLocation Path, Dictionary<Relationship, RecordSource> Invitations)> Campaigns { get; } = [];

        internal List<(ReviewMeeting Meeting, ProblemLocation Path, Dictionary<string, Dictionary<string, int>> Lists)> Meetings { get; } = [];

        internal List<(ImprovementAction Action, ProblemLocation Path)> Actions { get; } = [];

        internal void Campaign(JsonElement item, ProblemLocation path, Dictionary<CampaignId, List<LocatedInvitation>>? fromCsv, Dictionary<CampaignId, bool> idsInDocument)
        {
            if (JsonFields.Of(item, path, problems, "id", "cycle", "zone", "invitations") is not { } c)
            {
                return;
            }

            var before = problems.Count;
            var id = Id<CampaignId>(c, "id", "a campaign id");
            DateInterval? cycle = null;
            if (!c.Has("cycle"))
            {
                c.Problem("cycle", ProblemKind.MissingValue, "Required property \"cycle\" is missing; expected an object such as { \"start\": \"2026-04-01\", \"end\": \"2026-06-30\" }.");
            }
            else if (JsonFields.Of(c.Element("cycle")!.Value, c.At("cycle"), problems, "start", "end") is { } f)
            {
                var start = f.Date("start", required: true);
                var end = f.Date("end", required: true);
                if (start is { } s && end is { } e)
                {
                    if (e < s)
                    {
                        f.Problem("end", ProblemKind.InvalidValue, $"Expected a cycle ending on or after its start {NodaText.Format(s)}; got {NodaText.Format(e)}.");
                    }
                    else if (e > LastCycleEnd)
                    {
                        f.Problem("end", ProblemKind.InvalidValue, $"Expected a cycle ending by {NodaText.Format(LastCycleEnd)} (its window ends at the start of the next day); got {NodaText.Format(e)}.");
                    }
                    else
                    {
                        cycle = new DateInterval(s, e);
                    }
                }
            }

            var zoneId = c.RequiredString("zone");
            var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zoneId is not null && zone is null)
            {
                c.Problem("zone", ProblemKind.InvalidValue, $"Expected a tzdb time zone id such as \"Europe/Berlin\"; got \"{Snippet.Of(zoneId)}\", which tzdb {DateTimeZoneProviders.Tzdb.VersionId} does not know.");
            }

            var listsOwn = c.Has("invitations");
            if (id is { } known)
            {
                idsInDocument.TryAdd(known, listsOwn);
            }

            var invitations = new List<LocatedInvitation>();
            if (listsOwn)
            {
                foreach (var (element, at, _) in c.OptionalArray("invitations"))
                {
                    if (JsonFields.Of(element, at, problems, "provider", "consumer", "invited") is { } i
                        && LocatedInvitation.Read(new JsonRecordSource(i, problems)) is { } invitation)
                    {
                        invitations.Add(invitation);
                    }
                }
            }
            else if (fromCsv is null)
            {
                c.Problem("invitations", ProblemKind.MissingValue, "Required property \"invitations\" is missing (it may be left out only when the invitations come from an invitations CSV).");
            }
            else if (id is { } own && fromCsv.TryGetValue(own, out var rows))
            {
                invitations.AddRange(rows);
            }

            LocatedInvitation.CheckDistinct(id?.Value ?? "?", invitations, problems);
            if (problems.Count > before || id is null || cycle is null || zone is null)
            {
                return;
            }

            var campaign = new FeedbackCampaign(id.Value, cycle, zone, invitations.Select(i => i.ToInvitation()));
            Campaigns.Add((campaign, path, invitations.ToDictionary(i => i.Relationship, i => i.Source)));
        }

        internal void Meeting(JsonElement item, ProblemLocation path)
        {
            if (JsonFields.Of(item, path, problems, "id", "provider", "consumer", "date", "present", "notes", "actionsAgreed", "agreements") is not { } m)
            {
                return;
            }

            var before = problems.Count;
            var id = Id<MeetingId>(m, "id", "a meeting id");
            var pair = Pair(m);
            var date = m.Date("date", required: true);
            if (!m.Has("present"))
            {
                m.Problem("present", ProblemKind.MissingValue, "Required property \"present\" is missing; expected an array of the ids of the departments present.");
            }

            var present = IdList<DepartmentId>(m, "present", "a department id");
            if (m.Has("present") && present is { Count: 0 })
            {
                m.Problem("present", ProblemKind.MissingValue, "Expected at least one department present at the meeting; got none.");
            }

            var notes = Text(m, "notes", required: false);
            var actions = IdList<ActionId>(m, "actionsAgreed", "an action id");
            var agreements = IdList<AgreementId>(m, "agreements", "an agreement id");
            if (problems.Count > before || id is null || pair is null || date is null || present is null || actions is null || agreements is null)
            {
                return;
            }

            var meeting = new ReviewMeeting(id.Value, pair.Value, date.Value, present.Keys, notes, actions.Keys, agreements.Keys);
            var lists = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal)
            {
                ["present"] = present.ToDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal),
                ["actionsAgreed"] = actions.ToDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal),
                ["agreements"] = agreements.ToDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal),
            };
            Meetings.Add((meeting, path, lists));
        }

        internal void Action(JsonElement item, ProblemLocation path)
        {
            if (JsonFields.Of(item, path, problems, "id", "provider", "consumer", "owner", "title", "status", "started", "completed", "objective", "dimension") is not { } a)
            {
                return;
            }

            var before = problems.Count;
            var id = Id<ActionId>(a, "id", "an action id");
            var pair = Pair(a);
            var owner = Id<DepartmentId>(a, "owner", "a department id");
            var title = Text(a, "title", required: true);
            var status = Named<ImprovementStatus>(a, "status", required: true, StatusNames, 1, "an action status");
            var started = a.Date("started", required: true);
            var completed = a.Date("completed", required: false);
            var objective = Named<ObjectiveKind>(a, "objective", required: false, ObjectiveNames, 1, "an objective");
            var dimension = Text(a, "dimension", required: false);
            switch (status, completed)
            {
                case (ImprovementStatus.Completed, null) when !a.Has("completed"):
                    a.Problem("completed", ProblemKind.MissingValue, $"Action '{id?.Value ?? "?"}' is completed, so it needs a completion date; got none.");
                    break;
                case (ImprovementStatus.Planned or ImprovementStatus.InProgress, { } day):
                    a.Problem("completed", ProblemKind.InvalidValue, $"Action '{id?.Value ?? "?"}' is {StatusNames[(int)status.Value - 1]}, so it has no completion date; got {NodaText.Format(day)}.");
                    break;
                case (_, { } day) when started is { } start && day < start:
                    a.Problem("completed", ProblemKind.InvalidValue, $"Action '{id?.Value ?? "?"}' must be completed on or after its start {NodaText.Format(start)}; got {NodaText.Format(day)}.");
                    break;
            }

            if (problems.Count > before || id is null || pair is null || owner is null || title is null || status is null || started is null)
            {
                if (id is { } unread)
                {
                    _unreadActions.Add(unread);
                }

                return;
            }

            Actions.Add((new ImprovementAction(id.Value, pair.Value, owner.Value, title, started.Value, status.Value, completed, objective, dimension), path));
        }

        /// <summary>The document location of a problem the record found, or null when the structural pass already explains it.</summary>
        internal ProblemLocation? Map(Problem problem)
        {
            if (problem.Location.Segments is not [{ Name: { } list }, { Index: { } i }, .. var rest])
            {
                return ProblemLocation.Root;
            }

            switch (list)
            {
                case "campaigns" when i < Campaigns.Count:
                {
                    var (campaign, path, invitations) = Campaigns[i];
                    if (rest is [{ Name: "invitations" }, { Index: { } j }, .. var field] && j < campaign.Invitations.Length
                        && invitations.TryGetValue(campaign.Invitations[j].Relationship, out var source))
                    {
                        return field is [{ Name: { } name }, ..] ? source.At(name) : source.Location;
                    }

                    return Below(path, rest.AsSpan());
                }

                case "meetings" when i < Meetings.Count:
                {
                    var (meeting, path, lists) = Meetings[i];
                    if (rest is [{ Name: { } name }, { Index: { } j }, ..] && lists.TryGetValue(name, out var positions))
                    {
                        var value = name switch
                        {
                            "present" => meeting.Present[j].Value,
                            "actionsAgreed" => meeting.ActionsAgreed[j].Value,
                            _ => meeting.Agreements[j].Value,
                        };

                        // An agreed action the document holds but the structural pass could not read is no second problem.
                        if (name == "actionsAgreed" && _unreadActions.Contains(meeting.ActionsAgreed[j]))
                        {
                            return null;
                        }

                        return path.Property(name).Element(positions[value]);
                    }

                    return Below(path, rest.AsSpan());
                }

                case "actions" when i < Actions.Count:
                    return Below(Actions[i].Path, rest.AsSpan());
                default:
                    return ProblemLocation.FromPath(problem.Location.Segments);
            }
        }

        // The record's "relationship" is the item's provider and consumer; other segments are the document's as they stand.
        private static ProblemLocation Below(ProblemLocation location, ReadOnlySpan<PathSegment> segments)
        {
            if (segments is [{ Name: "relationship" }, .. var pair])
            {
                segments = pair;
            }

            foreach (var segment in segments)
            {
                location = segment.IsIndex ? location.Element(segment.Index!.Value) : location.Property(segment.Name!);
            }

            return location;
        }

        private static Relationship? Pair(JsonFields f)
        {
            var provider = Id<DepartmentId>(f, "provider", "a department id");
            var consumer = Id<DepartmentId>(f, "consumer", "a department id");
            if (provider is not { } p || consumer is not { } c)
            {
                return null;
            }

            if (p == c)
            {
                f.Problem("consumer", ProblemKind.InvalidValue, $"Expected a consumer other than the provider; got '{c}' for both.");
                return null;
            }

            return new Relationship(p, c);
        }

        private static TId? Id<TId>(JsonFields f, string name, string what)
            where TId : struct, IParsable<TId>
        {
            var text = f.RequiredString(name);
            if (text is null)
            {
                return null;
            }

            if (TId.TryParse(text, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }

            f.Problem(name, ProblemKind.InvalidId, $"Expected {what} (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(text)}\".");
            return null;
        }

        /// <summary>A list of distinct ids with the position of each in the document; null when it cannot be read.</summary>
        private Dictionary<TId, int>? IdList<TId>(JsonFields f, string name, string what)
            where TId : struct, IParsable<TId>
        {
            var ids = new Dictionary<TId, int>();
            var good = true;
            foreach (var (item, path, index) in f.OptionalArray(name))
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    problems.Add(ProblemKind.WrongType, path, $"Expected {what} as a string; got {JsonFields.Describe(item)}.");
                    good = false;
                }
                else if (!TId.TryParse(item.GetString(), CultureInfo.InvariantCulture, out var id))
                {
                    problems.Add(ProblemKind.InvalidId, path, $"Expected {what} (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(item.GetString() ?? string.Empty)}\".");
                    good = false;
                }
                else if (!ids.TryAdd(id, index))
                {
                    problems.Add(ProblemKind.DuplicateId, path, string.Create(CultureInfo.InvariantCulture, $"Expected each of {name} once; got '{Snippet.Of(item.GetString() ?? string.Empty)}' again (first at {name}[{ids[id]}])."));
                    good = false;
                }
            }

            return good ? ids : null;
        }

        private static string? Text(JsonFields f, string name, bool required)
        {
            var text = required ? f.RequiredString(name) : f.OptionalString(name);
            if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                f.Problem(name, ProblemKind.InvalidValue, $"Expected non-blank text; got \"{Snippet.Of(text)}\".");
                return null;
            }

            return text;
        }


        private static TEnum? Named<TEnum>(JsonFields f, string name, bool required, string[] names, int first, string what)
            where TEnum : struct, Enum
        {
            var text = required ? f.RequiredString(name) : f.OptionalString(name);
            if (text is null)
            {
                return null;
            }

            var index = Array.IndexOf(names, text);
            if (index < 0)
            {
                f.Problem(name, ProblemKind.InvalidValue, $"Expected {what}, one of {string.Join(", ", names.Select(n => $"\"{n}\""))}; got \"{Snippet.Of(text)}\".");
                return null;
            }

            return (TEnum)Enum.ToObject(typeof(TEnum), index + first);
        }
    }
}
