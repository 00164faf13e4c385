using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Fuzz;

/// <summary>
/// Writes the seed corpus of the two state targets: one state of every summary type in both forms, built from the
/// organisation and request seeds of the corpus and its response seed on the 1–7 scale (so that every part of every type is present and nonzero).
/// The files under <c>corpus/state-binary</c> and <c>corpus/state-json</c> were written by it.
/// </summary>
internal static class StateSeeds
{
    /// <summary>Writes the seeds under <paramref name="corpus"/> (the folder that holds one folder per target).</summary>
    /// <param name="corpus">The corpus folder; its <c>organisation-json</c>, <c>requests-json</c> and <c>responses-json</c> seeds are read.</param>
    /// <returns>The number of files written.</returns>
    internal static int Write(string corpus)
    {
        var organisation = OrganizationJson.Read(File.ReadAllBytes(Path.Combine(corpus, "organisation-json", "organisation.json"))).GetValueOrThrow();
        var requests = ServiceRequestJson.Read(File.ReadAllBytes(Path.Combine(corpus, "requests-json", "requests.json"))).GetValueOrThrow();
        var scale = RatingScale.Custom(1, 7);
        var responses = FeedbackResponseJson.Read(File.ReadAllBytes(Path.Combine(corpus, "responses-json", "responses.json")), DimensionSet.Servqual).GetValueOrThrow()
            .Where(r => r.OverallScale.Equals(scale))
            .ToArray();

        var accumulator = new ScorecardAccumulator(organisation, new ScorecardOptions(Instant.FromUtc(2026, 6, 1, 0, 0)) { OverallScale = scale, Dimensions = DimensionSet.Servqual });
        foreach (var request in requests)
        {
            accumulator.Add(request);
        }

        foreach (var response in responses)
        {
            accumulator.Add(response);
        }

        var times = new[] { Instant.FromUtc(2026, 2, 3, 10, 0), Instant.FromUtc(2026, 2, 4, 8, 0), Instant.FromUtc(2026, 3, 1, 12, 30) };
        var hr = DepartmentId.Parse("hr");
        var states = new (string Name, byte[] Binary, byte[] Json)[]
        {
            ("rating-summary", SummaryStateBinary.Write(RatingSummary.Of([1, 2, 2, 5, 7], scale)), SummaryStateJson.Write(RatingSummary.Of([1, 2, 2, 5, 7], scale))),
            ("weighted-rating-summary", SummaryStateBinary.Write(WeightedRatingSummary.Of([1, 4, 5], [0.5, 2, 1.25], RatingScale.FivePoint)), SummaryStateJson.Write(WeightedRatingSummary.Of([1, 4, 5], [0.5, 2, 1.25], RatingScale.FivePoint))),
            ("moment-summary", SummaryStateBinary.Write(MomentSummary.Of([1.5, -2, 1e10])), SummaryStateJson.Write(MomentSummary.Of([1.5, -2, 1e10]))),
            ("nps-counts", SummaryStateBinary.Write(NpsCounts.Of([0, 6, 7, 9, 10])), SummaryStateJson.Write(NpsCounts.Of([0, 6, 7, 9, 10]))),
            ("trend-summary", SummaryStateBinary.Write(TrendSummary.From(times, [3, 4.5, 5])), SummaryStateJson.Write(TrendSummary.From(times, [3, 4.5, 5]))),
            ("co-moment-matrix", SummaryStateBinary.Write(CoMomentMatrix.From([1, 2, 3, 4, 7, 5], [2, 6, 4], 2)), SummaryStateJson.Write(CoMomentMatrix.From([1, 2, 3, 4, 7, 5], [2, 6, 4], 2))),
            ("sla-tally", SummaryStateBinary.Write(SlaTally.FromParts(5, 2, 3, 1, 1, 2)), SummaryStateJson.Write(SlaTally.FromParts(5, 2, 3, 1, 1, 2))),
            ("campaign-summary", SummaryStateBinary.Write(Campaign(hr)), SummaryStateJson.Write(Campaign(hr))),
            ("feedback-summary", SummaryStateBinary.Write(FeedbackSummary.Of(responses, scale, DimensionSet.Servqual)), SummaryStateJson.Write(FeedbackSummary.Of(responses, scale, DimensionSet.Servqual))),
            ("servqual-summary", SummaryStateBinary.Write(ServqualSummary.Of(responses, DimensionSet.Servqual)), SummaryStateJson.Write(ServqualSummary.Of(responses, DimensionSet.Servqual))),
            ("trend-tally", SummaryStateBinary.Write(TrendTally.Of(times, [3, 4, -5])), SummaryStateJson.Write(TrendTally.Of(times, [3, 4, -5]))),
            ("scorecard-state", SummaryStateBinary.Write(accumulator.ToState()), SummaryStateJson.Write(accumulator.ToState())),
        };

        Directory.CreateDirectory(Path.Combine(corpus, "state-binary"));
        Directory.CreateDirectory(Path.Combine(corpus, "state-json"));
        foreach (var (name, binary, json) in states)
        {
            File.WriteAllBytes(Path.Combine(corpus, "state-binary", name + ".bin"), binary);
            File.WriteAllBytes(Path.Combine(corpus, "state-json", name + ".json"), json);
        }

        return 2 * states.Length;
    }

    private static CampaignSummary Campaign(DepartmentId provider) =>
        CampaignSummary.FromParts(
            CampaignId.Parse("2026-q1"),
            new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0)),
            2,
            [
                RelationshipResponses.Create(new Relationship(provider, DepartmentId.Parse("line-a")), 3, 2, 1),
                RelationshipResponses.Create(new Relationship(provider, DepartmentId.Parse("ops")), 1, 0, 0),
            ]);
}
