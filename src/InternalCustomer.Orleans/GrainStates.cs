namespace InternalCustomer.Orleans;

// What a relationship grain persists: the relationship's ScorecardState in the binary state format (null before the first
// event), the ids of the counted events with their content fingerprints (parallel arrays), and whether the directory lists
// the relationship. Public get/set properties, so that a JSON grain storage serialiser can write it as well as Orleans'.
[GenerateSerializer]
internal sealed class RelationshipScorecardState
{
    [Id(0)]
    public byte[]? Scorecard { get; set; }

    [Id(1)]
    public string[] RequestIds { get; set; } = [];

    [Id(2)]
    public long[] RequestFingerprints { get; set; } = [];

    [Id(3)]
    public string[] ResponseIds { get; set; } = [];

    [Id(4)]
    public long[] ResponseFingerprints { get; set; } = [];

    [Id(5)]
    public bool Registered { get; set; }
}

// What the directory grain persists: the relationship keys, sorted ordinally.
[GenerateSerializer]
internal sealed class ScorecardDirectoryState
{
    [Id(0)]
    public string[] Relationships { get; set; } = [];
}
