using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Improvement;

public sealed class CampaignSummaryTests
{
    private static readonly DepartmentId Fin = DepartmentId.Parse("fin");
    private static readonly DepartmentId Hr = DepartmentId.Parse("hr");
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId Legal = DepartmentId.Parse("legal");
    private static readonly DepartmentId Ops = DepartmentId.Parse("ops");
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateInterval Q1 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

    // Berlin is at +01:00 on 1 January and at +02:00 from 29 March 2026, so the window of 2026-01-01..2026-03-31 is
    // [2025-12-31T23:00Z, 2026-03-31T22:00Z).
    private static readonly Instant WindowStart = Instant.FromUtc(2025, 12, 31, 23, 0);
    private static readonly Instant WindowEnd = Instant.FromUtc(2026, 3, 31, 22, 0);

    private static FeedbackCampaign Campaign(string id = "q1") =>
        new(
            CampaignId.Parse(id),
            Q1,
            Berlin,
            [
                new Invitation(new Relationship(It, Fin), 3),
                new Invitation(new Relationship(It, Hr), 2),
                new Invitation(new Relationship(Hr, Fin)),
                new Invitation(new Relationship(Hr, It), 2),
                new Invitation(new Relationship(Hr, Ops)),
            ]);

    private static FeedbackResponse Rating(DepartmentId consumer, DepartmentId provider, Instant at, int overall, RatingScale? scale = null) =>
        new(consumer, provider, at, scale ?? RatingScale.FivePoint, overall);

    private static readonly Instant Mid = Instant.FromUtc(2026, 2, 10, 12, 0);

    // fin about it: 5, 4, 2, 5 (one at the window's first instant); hr about it: 3; fin about hr: one just before
    // the window; it about hr: 9 and 8 of 0–10, and one at the window's end (excluded); legal about it, uninvited: 5;
    // ops about hr: nothing.
    private static FeedbackResponse[] Responses() =>
    [
        Rating(Fin, It, WindowStart, 5),
        Rating(Fin, It, Mid, 4),
        Rating(Fin, It, Mid, 2),
        Rating(Fin, It, WindowEnd - Duration.Epsilon, 5),
        Rating(Hr, It, Mid, 3),
        Rating(Fin, Hr, WindowStart - Duration.FromMinutes(30), 5),
        Rating(It, Hr, Mid, 9, RatingScale.ZeroToTen),
        Rating(It, Hr, Mid, 8, RatingScale.ZeroToTen),
        Rating(It, Hr, WindowEnd, 10, RatingScale.ZeroToTen),
        Rating(Legal, It, Mid, 5),
    ];

    [Fact]
    public void Counts_per_relationship_worked_by_hand()
    {
        var s = CampaignSummary.Create(Campaign(), Responses());

        Assert.Equal(CampaignId.Parse("q1"), s.Campaign);
        Assert.Equal(new Interval(WindowStart, WindowEnd), s.Window);
        Assert.Equal(2, s.CsatTopBoxes);
        // (provider, consumer): invited, responses, satisfied (top 2 boxes: 4–5 of 5, 9–10 of 0–10).
        Assert.Equal(
            [
                (Hr, Fin, 1L, 0L, 0L),
                (Hr, It, 2L, 2L, 1L),
                (Hr, Ops, 1L, 0L, 0L),
                (It, Fin, 3L, 4L, 3L),
                (It, Hr, 2L, 1L, 0L),
                (It, Legal, 0L, 1L, 1L),
            ],
            s.Relationships.Select(r => (r.Relationship.Provider, r.Relationship.Consumer, r.Invited, r.Responses, r.Satisfied)));
        var itFin = s.Find(new Relationship(It, Fin))!;
        Assert.Equal(3, itFin.Answered); // min(4, 3)
        Assert.Equal(1.0, itFin.ResponseRate);
        Assert.Equal(0.75, itFin.Csat);
        var uninvited = s.Find(new Relationship(It, Legal))!;
        Assert.False(uninvited.IsInvited);
        Assert.Equal(0, uninvited.Answered);
        Assert.Null(uninvited.ResponseRate);
        Assert.Null(s.Find(new Relationship(Fin, It)));
        Assert.Null(s.Find(new Relationship(Hr, Fin))!.Csat);
    }

    [Fact]
    public void Rates_coverage_and_non_responders_worked_by_hand()
    {
        var s = CampaignSummary.Create(Campaign(), Responses());

        Assert.Equal(5, s.InvitedRelationships);
        Assert.Equal(9, s.Invited); // 1 + 2 + 1 + 3 + 2
        Assert.Equal(6, s.Answered); // 0 + 2 + 0 + min(4, 3) + 1
        Assert.Equal(7, s.Responses); // 0 + 2 + 0 + 4 + 1
        Assert.Equal(1, s.Uninvited); // legal about it
        Assert.Equal(6.0 / 9, s.ResponseRate);

        // fin: (hr, fin) 0 of 1 and (it, fin) 3 of 3 -> 3/4; hr: (it, hr) 1 of 2; it: (hr, it) 2 of 2; ops: 0 of 1.
        Assert.Equal(
            [(Fin, 2L, 4L, 3L, 4L, 0.75), (Hr, 1L, 2L, 1L, 1L, 0.5), (It, 1L, 2L, 2L, 2L, 1.0), (Ops, 1L, 1L, 0L, 0L, 0.0)],
            s.ByConsumer.Select(d => (d.Department, d.Invitations, d.Invited, d.Answered, d.Responses, d.ResponseRate)));
        // hr: 0 of 1 + 2 of 2 + 0 of 1 -> 2/4; it: 3 of 3 + 1 of 2 -> 4/5 (legal's uninvited answer does not count).
        Assert.Equal(
            [(Hr, 3L, 4L, 2L, 2L, 0.5), (It, 2L, 5L, 4L, 5L, 0.8)],
            s.ByProvider.Select(d => (d.Department, d.Invitations, d.Invited, d.Answered, d.Responses, d.ResponseRate)));

        Assert.Equal(0.6, s.Coverage()); // 3 of 5 invited relationships have a response
        Assert.Equal(0.4, s.Coverage(2)); // (hr, it) with 2, (it, fin) with 4
        Assert.Equal(0.2, s.Coverage(4));
        Assert.Equal(0.0, s.Coverage(5));
        Assert.Equal([new Relationship(Hr, Fin), new Relationship(Hr, Ops)], s.NonRespondingRelationships.ToArray());
        Assert.Equal([Ops], s.NonRespondingConsumers.ToArray());
    }

    [Fact]
    public void Top_boxes_count_on_each_response_own_scale()
    {
        var s = CampaignSummary.Create(Campaign(), Responses(), csatTopBoxes: 3);

        Assert.Equal(3, s.Find(new Relationship(It, Fin))!.Satisfied); // 5, 4, 5 of 5, 4, 2, 5 are in 3–5
        Assert.Equal(1, s.Find(new Relationship(It, Hr))!.Satisfied); // 3 is in 3–5
        Assert.Equal(2, s.Find(new Relationship(Hr, It))!.Satisfied); // 9 and 8 are in 8–10
    }

    [Fact]
    public void A_campaign_without_invitations_has_no_rates()
    {
        var s = CampaignSummary.Create(new FeedbackCampaign(CampaignId.Parse("q1"), Q1, Berlin, []), Responses());

        Assert.Null(s.ResponseRate);
        Assert.Null(s.Coverage());
        Assert.Equal(8, s.Uninvited); // every response in the window
        Assert.Empty(s.ByConsumer);
        Assert.Empty(s.NonRespondingConsumers);
        Assert.Empty(s.Advise());
    }

    [Fact]
    public void Merging_two_halves_worked_by_hand()
    {
        var campaign = Campaign();
        var first = new FeedbackCampaign(campaign.Id, Q1, Berlin, campaign.Invitations.Take(2));
        var second = new FeedbackCampaign(campaign.Id, Q1, Berlin, campaign.Invitations.Skip(2));
        var responses = Responses();

        var a = CampaignSummary.Create(first, responses.AsSpan(0, 5));
        var b = CampaignSummary.Create(second, responses.AsSpan(5));
        var merged = a.Merge(b);

        // The first half invites (hr, fin) and (hr, it) and holds fin's and hr's answers about it, uninvited there.
        Assert.Equal(5, a.Uninvited);
        Assert.Equal(CampaignSummary.Create(campaign, responses), merged);
        Assert.Equal(6.0 / 9, merged.ResponseRate);
        Assert.Equal(1, merged.Uninvited);
    }

    [Fact]
    public void Summaries_of_other_campaigns_windows_or_top_boxes_do_not_merge()
    {
        var responses = Responses();
        var q1 = CampaignSummary.Create(Campaign(), responses);

        var ex = Assert.Throws<ArgumentException>(() => q1.Merge(CampaignSummary.Create(Campaign("q2"), responses)));
        Assert.Equal("other", ex.ParamName);
        Assert.StartsWith("Expected a summary of campaign 'q1'; got one of campaign 'q2'.", ex.Message);

        var later = new FeedbackCampaign(CampaignId.Parse("q1"), new DateInterval(Q1.Start, Q1.End.PlusDays(1)), Berlin, []);
        ex = Assert.Throws<ArgumentException>(() => q1.Merge(CampaignSummary.Create(later, responses)));
        Assert.Equal("other", ex.ParamName);
        Assert.StartsWith("Expected a summary of campaign 'q1' over 2025-12-31T23:00:00Z/2026-03-31T22:00:00Z; got one over 2025-12-31T23:00:00Z/2026-04-01T22:00:00Z.", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => q1.Merge(CampaignSummary.Create(Campaign(), responses, 1)));
        Assert.Equal("other", ex.ParamName);
        Assert.StartsWith("Expected a summary of campaign 'q1' with 2 top boxes; got one with 1.", ex.Message);

        Assert.Throws<ArgumentNullException>("other", () => q1.Merge(null!));
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        var responses = Responses();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CampaignSummary.Create(Campaign(), responses, 0));
        Assert.Equal("csatTopBoxes", ex.ParamName);
        Assert.StartsWith("The number of top boxes must be at least 1; got 0.", ex.Message);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => CampaignSummary.Create(Campaign(), responses, 6));
        Assert.Equal("csatTopBoxes", ex.ParamName);
        Assert.StartsWith("The number of top boxes must be at most the 5 points of the scale 1–5 of response 0 (fin about it); got 6.", ex.Message);

        var withNull = new FeedbackResponse[] { responses[0], null! };
        var nullEx = Assert.Throws<ArgumentNullException>(() => CampaignSummary.Create(Campaign(), withNull));
        Assert.Equal("responses", nullEx.ParamName);
        Assert.StartsWith("Expected a response at index 1; got null.", nullEx.Message);

        Assert.Throws<ArgumentNullException>("campaign", () => CampaignSummary.Create(null!, responses));

        var s = CampaignSummary.Create(Campaign(), responses);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => s.Coverage(0));
        Assert.Equal("minimumResponses", ex.ParamName);
        Assert.StartsWith("The minimum number of responses must be at least 1; got 0.", ex.Message);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        var a = CampaignSummary.Create(Campaign(), Responses());
        var b = CampaignSummary.Create(Campaign(), [.. Responses().Reverse()]);
        var c = CampaignSummary.Create(Campaign(), Responses().AsSpan(1));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
        Assert.Equal("q1: 6 of 9 answered over 5 relationships, 1 uninvited", a.ToString());
    }

    // The law of every summary in the library: summarising per part and merging equals summarising the whole, here
    // with the campaign's invitations and its responses each split at random over the parts.
    [Property(Arbitrary = new[] { typeof(CampaignGenerators) })]
    public void Summarising_parts_and_merging_equals_summarising_the_union(CampaignSample sample)
    {
        var whole = CampaignSummary.Create(sample.Whole, sample.Responses, sample.CsatTopBoxes);
        var parts = sample.Parts.Select((p, k) => CampaignSummary.Create(p, sample.PartResponses[k], sample.CsatTopBoxes)).ToArray();
        var leftFold = parts.Aggregate((x, y) => x.Merge(y));
        var rightFold = parts.Reverse().Aggregate((x, y) => x.Merge(y));

        foreach (var merged in new[] { leftFold, rightFold })
        {
            Assert.Equal(whole, merged);
            Assert.Equal(
                whole.Relationships.Select(r => (r.Relationship, r.Invited, r.Responses, r.Satisfied)),
                merged.Relationships.Select(r => (r.Relationship, r.Invited, r.Responses, r.Satisfied)));
            Assert.Equal(whole.InvitedRelationships, merged.InvitedRelationships);
            Assert.Equal(whole.Invited, merged.Invited);
            Assert.Equal(whole.Answered, merged.Answered);
            Assert.Equal(whole.Responses, merged.Responses);
            Assert.Equal(whole.Uninvited, merged.Uninvited);
            Assert.Equal(whole.ResponseRate, merged.ResponseRate);
            Assert.Equal(whole.ByConsumer.ToArray(), merged.ByConsumer.ToArray());
            Assert.Equal(whole.ByProvider.ToArray(), merged.ByProvider.ToArray());
            Assert.Equal(whole.ByConsumer.Select(d => d.ResponseRate), merged.ByConsumer.Select(d => d.ResponseRate));
            Assert.Equal(whole.ByProvider.Select(d => d.ResponseRate), merged.ByProvider.Select(d => d.ResponseRate));
            for (var minimum = 1; minimum <= 3; minimum++)
            {
                Assert.Equal(whole.Coverage(minimum), merged.Coverage(minimum));
            }

            Assert.Equal(whole.NonRespondingRelationships.ToArray(), merged.NonRespondingRelationships.ToArray());
            Assert.Equal(whole.NonRespondingConsumers.ToArray(), merged.NonRespondingConsumers.ToArray());
            Assert.Equal(whole.Advise().ToArray(), merged.Advise().ToArray());
        }

        // And the whole's counts are the plain tallies of the responses in the window.
        var inWindow = sample.Responses.Where(r => sample.Whole.Window.Contains(r.Instant)).ToArray();
        Assert.Equal(inWindow.Length, whole.Responses + whole.Uninvited);
        Assert.Equal(
            inWindow.Count(r => r.Overall > r.OverallScale.Max - sample.CsatTopBoxes),
            whole.Relationships.Sum(r => r.Satisfied));
        Assert.Equal(sample.Whole.Invitations.Sum(i => (long)i.Invited), whole.Invited);
    }
}
