namespace InternalCustomer.Interchange.State;

/// <summary>The summary types a state blob can hold: the binary form's type tag and the JSON form's <c>type</c>.</summary>
/// <remarks>Tags are never reused or renumbered; a new summary type takes the next number.</remarks>
internal enum StateType : ushort
{
    RatingSummary = 1,
    WeightedRatingSummary = 2,
    MomentSummary = 3,
    NpsCounts = 4,
    ServqualSummary = 5,
    FeedbackSummary = 6,
    TrendSummary = 7,
    CoMomentMatrix = 8,
    SlaTally = 9,
    CampaignSummary = 10,
    TrendTally = 11,
    ScorecardState = 12,
}

/// <summary>Names and descriptions of <see cref="StateType"/>.</summary>
internal static class StateTypes
{
    /// <summary>The JSON name of a type, for example <c>rating-summary</c>.</summary>
    internal static string JsonName(StateType type) => type switch
    {
        StateType.RatingSummary => "rating-summary",
        StateType.WeightedRatingSummary => "weighted-rating-summary",
        StateType.MomentSummary => "moment-summary",
        StateType.NpsCounts => "nps-counts",
        StateType.ServqualSummary => "servqual-summary",
        StateType.FeedbackSummary => "feedback-summary",
        StateType.TrendSummary => "trend-summary",
        StateType.CoMomentMatrix => "co-moment-matrix",
        StateType.SlaTally => "sla-tally",
        StateType.CampaignSummary => "campaign-summary",
        StateType.TrendTally => "trend-tally",
        StateType.ScorecardState => "scorecard-state",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown state type."),
    };

    /// <summary>The type named <paramref name="name"/> in JSON, if any.</summary>
    internal static StateType? FromJsonName(string name)
    {
        foreach (var type in Enum.GetValues<StateType>())
        {
            if (JsonName(type) == name)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="tag"/> is a type tag this version knows.</summary>
    internal static bool IsKnown(ushort tag) => Enum.IsDefined((StateType)tag);

    /// <summary>The .NET type a state type holds, for messages: <c>RatingSummary</c>.</summary>
    internal static string Describe(StateType type) => type.ToString();
}
