using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes the invitations of feedback campaigns as CSV, one invitation a row: <c>campaign,provider,consumer,invited</c>
/// (format: <c>docs/interchange.md</c>).
/// </summary>
/// <remarks>
/// <para>
/// The CSV carries invitations only; the campaigns themselves (their cycle and zone) are in the improvement document
/// (<see cref="ImprovementJson"/>). A campaign of that document that leaves out its <c>invitations</c> takes the rows of the
/// CSV naming its id (<see cref="ImprovementJson.Read(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Organizations.Organization)"/>);
/// a campaign that lists them in the document takes none from the CSV.
/// </para>
/// <para>
/// Reading never throws on bad input: every problem comes back with its line and column. <c>invited</c> may be left
/// empty or its column left out (1 person asked). One invitation per relationship per campaign: a repeat is a problem at
/// the later row, as is a department invited to rate itself.
/// </para>
/// </remarks>
public static class InvitationCsv
{
    internal static readonly string[] Columns = ["campaign", "provider", "consumer", "invited"];

    private static readonly string[] Required = ["campaign", "provider", "consumer"];

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(ReadOnlySpan<byte> utf8Csv) =>
        Read(utf8Csv, ReadOptions.Default);

    /// <summary>Reads invitations from UTF-8 CSV bytes (a leading byte-order mark is allowed).</summary>
    /// <param name="utf8Csv">The CSV's bytes: a header row, then one invitation a row.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The invitations per campaign id (each campaign's sorted by relationship), or every problem found with its location.</returns>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(ReadOnlySpan<byte> utf8Csv, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        var byCampaign = new SortedDictionary<CampaignId, List<LocatedInvitation>>();
        foreach (var (campaign, invitation) in Rows(utf8Csv, problems))
        {
            if (!byCampaign.TryGetValue(campaign, out var list))
            {
                byCampaign[campaign] = list = [];
            }

            list.Add(invitation);
        }

        foreach (var (campaign, list) in byCampaign)
        {
            LocatedInvitation.CheckDistinct(campaign.Value, list, problems);
        }

        IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>> invitations = byCampaign.ToImmutableSortedDictionary(
            c => c.Key,
            c => c.Value.Select(i => i.ToInvitation()).OrderBy(i => i.Relationship).ToImmutableArray());
        return problems.ToResult(invitations);
    }

    /// <inheritdoc cref="Read(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(string csv) =>
        Read(csv, ReadOptions.Default);

    /// <summary>Reads invitations from CSV text.</summary>
    /// <param name="csv">The CSV's text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The invitations per campaign id, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(string csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Encoding.UTF8.GetBytes(csv), options);
    }

    /// <inheritdoc cref="Read(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(Stream utf8Csv) =>
        Read(utf8Csv, ReadOptions.Default);

    /// <summary>Reads invitations from a stream of UTF-8 CSV, from its position to its end.</summary>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The invitations per campaign id, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document).</exception>
    public static Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>> Read(Stream utf8Csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return Read(StreamBytes.ReadAll(utf8Csv).Span, options);
    }

    /// <summary>Reads invitations from a stream of UTF-8 CSV, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The invitations per campaign id, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<IReadOnlyDictionary<CampaignId, ImmutableArray<Invitation>>>> ReadAsync(Stream utf8Csv, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        var bytes = await StreamBytes.ReadAllAsync(utf8Csv, cancellationToken).ConfigureAwait(false);
        return Read(bytes.Span, options);
    }

    /// <summary>Writes the invitations of the campaigns as CSV: campaigns by id, each one's invitations by relationship.</summary>
    /// <param name="campaigns">The campaigns whose invitations are written.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or a campaign is.</exception>
    public static void Write(IEnumerable<FeedbackCampaign> campaigns, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = WriteToString(campaigns);
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Flush();
    }

    /// <summary>Writes the invitations of the campaigns as CSV text: campaigns by id, each one's invitations by relationship.</summary>
    /// <param name="campaigns">The campaigns whose invitations are written.</param>
    /// <returns>The CSV, with a header row and CRLF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaigns"/> is null, or a campaign is.</exception>
    public static string WriteToString(IEnumerable<FeedbackCampaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var list = campaigns.ToList();
        foreach (var campaign in list)
        {
            ArgumentNullException.ThrowIfNull(campaign, nameof(campaigns));
        }

        var output = new StringBuilder();
        CsvParser.AppendRecord(output, Columns);
        foreach (var campaign in list.OrderBy(c => c.Id))
        {
            foreach (var invitation in campaign.Invitations)
            {
                CsvParser.AppendRecord(
                    output,
                    [campaign.Id.Value, invitation.Relationship.Provider.Value, invitation.Relationship.Consumer.Value, invitation.Invited.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        return output.ToString();
    }

    /// <summary>The rows that make an invitation, in the order of the CSV; every problem goes to <paramref name="problems"/>.</summary>
    internal static List<(CampaignId Campaign, LocatedInvitation Invitation)> Rows(ReadOnlySpan<byte> utf8Csv, ProblemCollector problems)
    {
        var rows = new List<(CampaignId, LocatedInvitation)>();
        foreach (var row in CsvTable.Rows(utf8Csv, Columns, Required, problems))
        {
            var campaign = row.Id<CampaignId>("campaign", required: true, "a campaign id");
            if (LocatedInvitation.Read(row) is { } invitation && campaign is { } id)
            {
                rows.Add((id, invitation));
            }
        }

        return rows;
    }
}

/// <summary>An invitation read from a JSON item or a CSV row, with the way to locate its fields in the input.</summary>
internal sealed record LocatedInvitation(Relationship Relationship, int Invited, RecordSource Source)
{
    internal static LocatedInvitation? Read(RecordSource r)
    {
        var before = r.Problems.Count;
        var provider = r.Id<DepartmentId>("provider", required: true, "a department id");
        var consumer = r.Id<DepartmentId>("consumer", required: true, "a department id");
        var invited = r.Integer("invited", required: false) ?? 1;
        if (invited is < 1 or > int.MaxValue)
        {
            r.Problem("invited", ProblemKind.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"Expected the number of people invited, an integer from 1 to {int.MaxValue}; got {invited}."));
        }

        if (provider is { } p && consumer is { } c && p == c)
        {
            r.Problem("consumer", ProblemKind.InvalidValue, $"Expected a consumer other than the provider; got '{c}' invited to rate itself.");
        }

        return r.Problems.Count > before || provider is null || consumer is null
            ? null
            : new LocatedInvitation(new Relationship(provider.Value, consumer.Value), (int)invited, r);
    }

    /// <summary>Reports every repeat of a relationship in one campaign at the later one; true when there is none.</summary>
    internal static bool CheckDistinct(string campaign, IReadOnlyList<LocatedInvitation> invitations, ProblemCollector problems)
    {
        var seen = new Dictionary<Relationship, LocatedInvitation>();
        var distinct = true;
        foreach (var invitation in invitations)
        {
            if (!seen.TryAdd(invitation.Relationship, invitation))
            {
                distinct = false;
                problems.Add(
                    ProblemKind.DuplicateId,
                    invitation.Source.Location,
                    $"Campaign '{campaign}' invites {invitation.Relationship.Consumer} to rate {invitation.Relationship.Provider} twice (first at {seen[invitation.Relationship].Source.Location}); expected one invitation per relationship.");
            }
        }

        return distinct;
    }

    internal Invitation ToInvitation() => new(Relationship, Invited);
}
