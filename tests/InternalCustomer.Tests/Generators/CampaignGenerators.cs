using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>A campaign with responses (some outside its window, some from relationships not invited), and the same
/// campaign split into parts: each part a campaign with the same id and cycle holding some of the invitations, with
/// some of the responses.</summary>
public sealed record CampaignSample(
    FeedbackCampaign Whole,
    FeedbackResponse[] Responses,
    FeedbackCampaign[] Parts,
    FeedbackResponse[][] PartResponses,
    int CsatTopBoxes)
{
    public override string ToString() =>
        $"{Whole} [{string.Join(", ", Whole.Invitations)}], {Responses.Length} responses, top {CsatTopBoxes}, parts: "
        + string.Join(" | ", Parts.Select((p, i) => $"[{string.Join(", ", p.Invitations)}] + {PartResponses[i].Length} responses"));
}

public static class CampaignGenerators
{
    public static readonly DepartmentId[] Departments =
        [.. new[] { "fin", "hr", "it", "legal" }.Select(DepartmentId.Parse)];

    public static readonly DateInterval Cycle = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    public static readonly CampaignId Id = CampaignId.Parse("q1");

    private static readonly RatingScale[] Scales = [RatingScale.FivePoint, RatingScale.SevenPoint, RatingScale.ZeroToTen];

    // Every ordered pair of distinct departments.
    private static readonly Relationship[] Pairs =
        [.. Departments.SelectMany(p => Departments.Where(c => c != p).Select(c => new Relationship(p, c)))];

    /// <summary>A response about one of the pairs, from a week before the cycle to a week after it (so some fall
    /// outside the window, including just at its ends).</summary>
    public static Gen<FeedbackResponse> Response() =>
        from pair in Gen.Elements(Pairs)
        from scale in Gen.Elements(Scales)
        from overall in Gen.Choose(scale.Min, scale.Max)
        from hours in Gen.Choose(-7 * 24, (97 * 24) + (7 * 24))
        from edge in Gen.Choose(0, 9)
        select new FeedbackResponse(
            pair.Consumer,
            pair.Provider,
            edge switch
            {
                0 => Window.Start,
                1 => Window.End,
                2 => Window.End - Duration.Epsilon,
                _ => Window.Start + Duration.FromHours(hours),
            },
            scale,
            overall);

    public static NodaTime.Interval Window { get; } = new(
        Berlin.AtStartOfDay(Cycle.Start).ToInstant(), Berlin.AtStartOfDay(Cycle.End.PlusDays(1)).ToInstant());

    public static Arbitrary<CampaignSample> CampaignSamples() =>
        Arb.From(
            from invitedFlags in Gen.Choose(0, 3).ArrayOf(Pairs.Length)
            from responses in Response().ArrayOf()
            from parts in Gen.Choose(1, 4)
            from invitationPart in Gen.Choose(0, parts - 1).ArrayOf(Pairs.Length)
            from responsePart in Gen.Choose(0, parts - 1).ArrayOf(responses.Length)
            from topBoxes in Gen.Choose(1, 5)
            select Build(invitedFlags, responses, parts, invitationPart, responsePart, topBoxes));

    private static CampaignSample Build(int[] invited, FeedbackResponse[] responses, int parts, int[] invitationPart, int[] responsePart, int topBoxes)
    {
        // 0 = not invited; 1–3 people invited.
        var invitations = Pairs.Select((p, i) => (Pair: p, Count: invited[i], Part: invitationPart[i])).Where(x => x.Count > 0).ToArray();
        var whole = new FeedbackCampaign(Id, Cycle, Berlin, invitations.Select(x => new Invitation(x.Pair, x.Count)));
        var partCampaigns = Enumerable.Range(0, parts)
            .Select(k => new FeedbackCampaign(Id, Cycle, Berlin, invitations.Where(x => x.Part == k).Select(x => new Invitation(x.Pair, x.Count))))
            .ToArray();
        var partResponses = Enumerable.Range(0, parts)
            .Select(k => responses.Where((_, i) => responsePart[i] == k).ToArray())
            .ToArray();
        return new CampaignSample(whole, responses, partCampaigns, partResponses, topBoxes);
    }
}
