using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

/// <summary>Feedback on several scales, summarised scale by scale. Expected values from R 4 (t.test, prop.test with
/// correct = FALSE, and the NPS formula of FeedbackMetrics: 100·(p − d) ± qnorm(0.975)·100·sqrt((p + d − (p − d)²)/n),
/// clamped to [−100, 100]), run on the sample below.</summary>
public class FeedbackByScaleTests
{
    private static readonly DepartmentId A = DepartmentId.Parse("a");
    private static readonly DepartmentId B = DepartmentId.Parse("b");
    private static readonly DepartmentId C = DepartmentId.Parse("c");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 9, 0);

    // respondent → subject (the provider), scale, overall, recommend. The first response is on 0–10, but 1–5 has more.
    internal static FeedbackResponse[] Sample() =>
    [
        R(B, A, RatingScale.ZeroToTen, 10, 10),
        R(B, A, RatingScale.FivePoint, 5, 10),
        R(B, A, RatingScale.FivePoint, 4, 9),
        R(B, A, RatingScale.ZeroToTen, 9),
        R(B, A, RatingScale.FivePoint, 2, 3),
        R(C, A, RatingScale.FivePoint, 3),
        R(C, A, RatingScale.ZeroToTen, 6, 6),
        R(C, A, RatingScale.FivePoint, 5, 7),
        R(C, B, RatingScale.SevenPoint, 7),
        R(A, B, RatingScale.FivePoint, 4),
        R(C, A, RatingScale.ZeroToTen, 8),
        R(A, B, RatingScale.ZeroToTen, 7),
    ];

    [Fact]
    public void Each_scale_is_summarised_on_its_own_with_the_R_reference_values()
    {
        var summaries = FeedbackByScale.Summarize(Sample());

        // 6 responses on 1–5, 5 on 0–10, 1 on 1–7: most first.
        Assert.Equal([RatingScale.FivePoint, RatingScale.ZeroToTen, RatingScale.SevenPoint], summaries.Select(s => s.Scale));
        Assert.Equal([6L, 5, 1], summaries.Select(s => s.Responses.Count));

        // 1–5, all: 5 4 2 3 5 4. t.test: 3.8333 [2.6065, 5.0602]; 4 of 6 in 4–5: prop.test 0.6667 [0.3000, 0.9032];
        // recommend 10 9 3 7: 2 promoters, 1 detractor of 4 → NPS 25 [−56.2558, 100].
        var five = summaries[0];
        Assert.Equal(4, five.SatisfiedFrom);
        Close.Interval(five.Responses.Mean, 3.83333333333333, 2.60649564162836, 5.06017102503831, 6);
        Close.Interval(five.Responses.Csat!.Value, 0.666666666666667, 0.299993315138392, 0.90322858889422, 6);
        Close.Interval(five.Responses.Nps, 25, -56.2558142416161, 100, 4);

        // 1–5, provider a: 5 4 2 3 5 → 3.8 [2.1811, 5.4189]; 3 of 5 → 0.6 [0.2307, 0.8824]. Provider b: one 4.
        Assert.Equal([A, B], five.ByProvider.Keys);
        Close.Interval(five.ByProvider[A].Mean, 3.8, 2.1810682152913, 5.4189317847087, 5);
        Close.Interval(five.ByProvider[A].Csat!.Value, 0.6, 0.230724281276013, 0.882379225767352, 5);
        Close.Interval(five.ByProvider[A].Nps, 25, -56.2558142416161, 100, 4);
        Assert.Equal(EstimateStatus.NotEnoughData, five.ByProvider[B].Mean.Status);
        Assert.Equal(4, five.ByProvider[B].Mean.Value);
        Close.Interval(five.ByProvider[B].Csat!.Value, 1, 0.206549314377238, 1, 1);
        Assert.Equal(EstimateStatus.NoData, five.ByProvider[B].Nps.Status);

        // 1–5, a ← b: 5 4 2 → 3.6667 [−0.1279, 7.4612]; 2 of 3 → [0.2077, 0.9385]; recommend 10 9 3 → 33.33 [−73.3536, 100].
        Assert.Equal([new Relationship(A, B), new Relationship(A, C), new Relationship(B, A)], five.ByRelationship.Keys);
        var ab = five.ByRelationship[new Relationship(A, B)];
        Close.Interval(ab.Mean, 3.66666666666667, -0.127916366930093, 7.46124970026343, 3);
        Close.Interval(ab.Csat!.Value, 0.666666666666667, 0.207659600802048, 0.938508055279604, 3);
        Close.Interval(ab.Nps, 33.3333333333333, -73.3535928078958, 100, 3);

        // 0–10, all: 10 9 6 8 7 → 8 [6.0368, 9.9632]; top two boxes are 9–10: 2 of 5 → 0.4 [0.1176, 0.7693];
        // recommend 10 6 → NPS 0 [−100, 100]. Provider a: 10 9 6 8 → 8.25 [5.5325, 10.9675] (the t interval is
        // not cut at the scale's end, as in R); 2 of 4 → 0.5 [0.1500, 0.8500].
        var ten = summaries[1];
        Assert.Equal(9, ten.SatisfiedFrom);
        Close.Interval(ten.Responses.Mean, 8, 6.03675683852244, 9.96324316147756, 5);
        Close.Interval(ten.Responses.Csat!.Value, 0.4, 0.117620774232648, 0.769275718723987, 5);
        Close.Interval(ten.Responses.Nps, 0, -100, 100, 2);
        Close.Interval(ten.ByProvider[A].Mean, 8.25, 5.53246911620398, 10.967530883796, 4);
        Close.Interval(ten.ByProvider[A].Csat!.Value, 0.5, 0.15003898915215, 0.84996101084785, 4);

        // 1–7: one 7; the top two boxes are 6–7: 1 of 1 → [0.2065, 1].
        var seven = summaries[2];
        Assert.Equal(6, seven.SatisfiedFrom);
        Assert.Equal([B], seven.ByProvider.Keys);
        Close.Interval(seven.Responses.Csat!.Value, 1, 0.206549314377238, 1, 1);
        Assert.Equal("1–7: 1 responses, 1 providers, 1 relationships", seven.ToString());
        Assert.Equal("n=1: mean 7 (no interval: NotEnoughData), CSAT 1 [0.206549, 1] (95 %), NPS no data", seven.Responses.ToString());
    }

    [Fact]
    public void Top_boxes_and_level_apply_to_every_scale_and_a_scale_too_small_for_the_top_boxes_has_no_CSAT()
    {
        // Six top boxes: 2–7 on 1–7 (the one 7 counts), 5–10 on 0–10 (all five), none on the five points of 1–5.
        var summaries = FeedbackByScale.Summarize(Sample(), csatTopBoxes: 6, level: 0.9);

        var five = summaries.Single(s => s.Scale.Equals(RatingScale.FivePoint));
        Assert.Null(five.SatisfiedFrom);
        Assert.Null(five.Responses.Csat);
        Assert.Null(five.ByProvider[A].Csat);
        Assert.Contains("CSAT none", five.Responses.ToString(), StringComparison.Ordinal);
        Assert.Equal(5, summaries.Single(s => s.Scale.Equals(RatingScale.ZeroToTen)).SatisfiedFrom);
        Assert.Equal(1, summaries.Single(s => s.Scale.Equals(RatingScale.ZeroToTen)).Responses.Csat!.Value.Value);
        Assert.Equal(0.9, five.Responses.Mean.Interval!.Value.Level);
    }

    [Fact]
    public void The_predominant_scale_has_most_responses_ties_going_to_the_one_seen_first()
    {
        Assert.Equal(RatingScale.FivePoint, FeedbackByScale.PredominantScale(Sample()));
        Assert.Null(FeedbackByScale.PredominantScale([]));

        // Two on 0–10 (first seen), two on 1–7: 0–10; and the summaries keep that order.
        FeedbackResponse[] tie = [R(B, A, RatingScale.ZeroToTen, 3), R(B, A, RatingScale.SevenPoint, 3), R(C, A, RatingScale.SevenPoint, 4), R(C, A, RatingScale.ZeroToTen, 4)];
        Assert.Equal(RatingScale.ZeroToTen, FeedbackByScale.PredominantScale(tie));
        Assert.Equal([RatingScale.ZeroToTen, RatingScale.SevenPoint], FeedbackByScale.Summarize(tie).Select(s => s.Scale));
        Assert.Equal(RatingScale.SevenPoint, FeedbackByScale.PredominantScale(tie.AsSpan(1)));
    }

    [Fact]
    public void One_scale_gives_one_summary_equal_to_the_grouping_and_no_responses_give_none()
    {
        var fives = Sample().Where(r => r.OverallScale.Equals(RatingScale.FivePoint)).ToArray();
        var summary = Assert.Single(FeedbackByScale.Summarize(fives));
        var byProvider = FeedbackGrouping.ByProvider(fives, RatingScale.FivePoint);
        Assert.Equal(byProvider.Keys, summary.ByProvider.Keys);
        Assert.All(byProvider, kv => Assert.Equal(FeedbackMetrics.Mean(kv.Value.Overall), summary.ByProvider[kv.Key].Mean));
        Assert.All(byProvider, kv => Assert.Equal(FeedbackMetrics.Csat(kv.Value.Overall), summary.ByProvider[kv.Key].Csat));
        Assert.Empty(FeedbackByScale.Summarize([]));
    }

    [Fact]
    public void Bad_arguments_say_what_was_expected_and_what_came()
    {
        var boxes = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackByScale.Summarize(Sample(), csatTopBoxes: 0));
        Assert.Equal("csatTopBoxes", boxes.ParamName);
        Assert.StartsWith("CSAT top boxes must be at least 1; got 0.", boxes.Message, StringComparison.Ordinal);

        var level = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackByScale.Summarize(Sample(), level: 1));
        Assert.Equal("level", level.ParamName);
        Assert.StartsWith("Confidence level must be in (0, 1); got 1.", level.Message, StringComparison.Ordinal);

        FeedbackResponse[] withNull = [Sample()[0], null!];
        var missing = Assert.Throws<ArgumentNullException>(() => FeedbackByScale.Summarize(withNull));
        Assert.Equal("responses", missing.ParamName);
        Assert.StartsWith("Expected a response at responses[1]; got null.", missing.Message, StringComparison.Ordinal);
        Assert.Equal("responses", Assert.Throws<ArgumentNullException>(() => FeedbackByScale.PredominantScale(withNull)).ParamName);
    }

    private static FeedbackResponse R(DepartmentId respondent, DepartmentId subject, RatingScale scale, int overall, int? recommend = null) =>
        new(respondent, subject, T0, scale, overall, recommend);
}
