namespace InternalCustomer.Interchange.Json;

// The shape of the improvement document as written; docs/schema/improvement.schema.json describes it.
// Property order here is the order in the written document.

internal sealed record ImprovementDocument(
    int SchemaVersion,
    IReadOnlyList<CampaignEntry> Campaigns,
    IReadOnlyList<MeetingEntry> Meetings,
    IReadOnlyList<ActionEntry> Actions);

internal sealed record CampaignEntry(string Id, CycleEntry Cycle, string Zone, IReadOnlyList<InvitationEntry>? Invitations);

internal sealed record CycleEntry(string Start, string End);

internal sealed record InvitationEntry(string Provider, string Consumer, int Invited);

internal sealed record MeetingEntry(
    string Id,
    string Provider,
    string Consumer,
    string Date,
    IReadOnlyList<string> Present,
    string? Notes,
    IReadOnlyList<string>? ActionsAgreed,
    IReadOnlyList<string>? Agreements);

internal sealed record ActionEntry(
    string Id,
    string Provider,
    string Consumer,
    string Owner,
    string Title,
    string Status,
    string Started,
    string? Completed,
    string? Objective,
    string? Dimension);
