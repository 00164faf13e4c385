using System.Reflection;
using System.Text.Json.Nodes;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;

namespace InternalCustomer.Fuzz;

/// <summary>Runs one reader (or a family of readers) on one input and checks the result's promise.</summary>
/// <param name="input">The bytes afl produced, or a file's bytes in replay.</param>
internal delegate void FuzzTarget(ReadOnlySpan<byte> input);

/// <summary>One fuzz target: its name on the command line, what it reads, and how.</summary>
/// <param name="Name">The name (also the corpus folder under <c>corpus/</c>).</param>
/// <param name="Description">The readers it calls.</param>
/// <param name="Run">Reads one input; throws on any exception of a reader or on a broken <see cref="Invariants"/> promise.</param>
internal sealed record Target(string Name, string Description, FuzzTarget Run);

/// <summary>
/// The targets, one per reader of <c>InternalCustomer.Interchange</c>. Each calls the reader's span entry point (the one the
/// text and stream entry points feed) on the input. The harness passes no null and reads no stream that can fail, so
/// none of the exceptions the readers may throw (<see cref="ArgumentNullException"/>, <see cref="IOException"/>) can
/// arise: every exception out of a target is a finding.
/// </summary>
internal static class Targets
{
    private static readonly Lazy<Organization> Organisation = new(() => OrganizationJson.Read(Resource("organisation.json")).GetValueOrThrow());

    /// <summary>The improvement seed with its campaigns' invitations removed, to join a fuzzed invitations CSV to.</summary>
    private static readonly Lazy<byte[]> ImprovementWithoutInvitations = new(() =>
    {
        var document = JsonNode.Parse(Resource("improvement.json"))!.AsObject();
        foreach (var campaign in document["campaigns"]!.AsArray())
        {
            campaign!.AsObject().Remove("invitations");
        }

        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    });

    /// <summary>Gets every target, in the order .ci/fuzz runs them.</summary>
    internal static IReadOnlyList<Target> All { get; } =
    [
        new("organisation-json", "OrganizationJson.Read", static input => Invariants.Check(OrganizationJson.Read(input), "OrganizationJson.Read")),
        new("requests-json", "ServiceRequestJson.Read", static input => Invariants.Check(ServiceRequestJson.Read(input), "ServiceRequestJson.Read")),
        new("requests-csv", "ServiceRequestCsv.Read", static input => Invariants.Check(ServiceRequestCsv.Read(input), "ServiceRequestCsv.Read")),
        new("responses-json", "FeedbackResponseJson.Read, with SERVQUAL dimensions and without", static input =>
        {
            Invariants.Check(FeedbackResponseJson.Read(input, DimensionSet.Servqual), "FeedbackResponseJson.Read (SERVQUAL)");
            Invariants.Check(FeedbackResponseJson.Read(input, null), "FeedbackResponseJson.Read (no dimensions)");
        }),
        new("responses-csv", "FeedbackResponseCsv.Read, with SERVQUAL dimensions and without", static input =>
        {
            Invariants.Check(FeedbackResponseCsv.Read(input, DimensionSet.Servqual), "FeedbackResponseCsv.Read (SERVQUAL)");
            Invariants.Check(FeedbackResponseCsv.Read(input, null), "FeedbackResponseCsv.Read (no dimensions)");
        }),
        new("improvement-json", "ImprovementJson.Read against the seed organisation", static input =>
            Invariants.Check(ImprovementJson.Read(input, Organisation.Value), "ImprovementJson.Read")),
        new("invitations-csv", "InvitationCsv.Read, and ImprovementJson.Read joining it to the improvement seed without invitations", static input =>
        {
            Invariants.Check(InvitationCsv.Read(input), "InvitationCsv.Read");
            Invariants.Check(ImprovementJson.Read(ImprovementWithoutInvitations.Value, input, Organisation.Value), "ImprovementJson.Read (joined CSV)");
        }),
        new("state-binary", "every SummaryStateBinary.Read…, on the input and on the input with its length and checksum made right", static input =>
        {
            ReadBinaryStates(input);
            if (input.Length >= SummaryStateFraming.MinimumLength)
            {
                var framed = input.ToArray();
                SummaryStateFraming.Frame(framed);
                ReadBinaryStates(framed);
            }
        }),
        new("state-json", "every SummaryStateJson.Read…", static input => ReadJsonStates(input)),
    ];

    /// <summary>Finds a target by name.</summary>
    /// <param name="name">The target's name.</param>
    /// <returns>The target, or <see langword="null"/> when there is none of that name.</returns>
    internal static Target? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    private static void ReadBinaryStates(ReadOnlySpan<byte> input)
    {
        foreach (var (type, read) in StateReaders.Binary)
        {
            Invariants.Check(read(input), "SummaryStateBinary, " + type);
        }
    }

    private static void ReadJsonStates(ReadOnlySpan<byte> input)
    {
        foreach (var (type, read) in StateReaders.Json)
        {
            Invariants.Check(read(input), "SummaryStateJson, " + type);
        }
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The harness lacks its embedded resource '{name}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
