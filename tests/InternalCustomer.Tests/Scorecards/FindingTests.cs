using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;
using NodaTime;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>
/// Each kind of finding raised on a hand-built scenario (the worked example of <see cref="ScorecardTests"/>, or a
/// two-department organisation), with its evidence checked against numbers worked by hand, and not raised just
/// on the other side of its threshold.
/// </summary>
public class FindingTests
{
    // z for 95%: the 0.975 quantile of the standard normal (R: qnorm(0.975)).
    private const double Z95 = 1.959963984540054;

    private static OrganizationScorecard Card(ScorecardOptions? options = null, FeedbackResponse[]? responses = null) =>
        Scorecard.Compute(Example(), Requests(), responses ?? Responses(), options ?? new ScorecardOptions(AsOf));

    // Wilson score interval (Wilson 1927), written out independently of the library.
    private static (double Lower, double Upper) Wilson(int satisfied, int n)
    {
        var p = (double)satisfied / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (centre - half, Math.Min(1, centre + half));
    }

    private static T Only<T>(OrganizationScorecard card)
        where T : Finding => Assert.Single(card.Findings.OfType<T>());

    [Fact]
    public void Sla_met_but_unhappy_carries_the_met_objectives_the_csat_its_interval_and_the_target()
    {
        var f = Only<SlaMetButUnhappy>(Card());

        // it → line-a: 4 of 4 resolved within 4 h (target 50%); 2 of the 5 ratings 1..5 are 4 or 5: CSAT 0.4,
        // Wilson 95% interval [0.1176, 0.7693], wholly below the target 0.8 of it-a's satisfaction objective.
        var (lower, upper) = Wilson(2, 5);
        Assert.Equal((Id("it"), Id("line-a")), (f.Provider, f.Consumer));
        Assert.Equal(0.4, f.Csat, 12);
        Assert.Equal(5, f.Responses);
        Assert.Equal(0.1176207742, f.Interval.Lower, 9);
        Assert.Equal(lower, f.Interval.Lower, 12);
        Assert.Equal(upper, f.Interval.Upper, 12);
        Assert.Equal(0.95, f.Interval.Level);
        Assert.Equal(0.8, f.Target);
        Assert.Equal((2, 5), (f.TopBoxes, f.MinimumResponses)); // the defaults: top-2 box, at least 5 responses
        var objective = Assert.Single(f.TimeObjectives);
        Assert.Equal((AgreementId.Parse("it-a"), ObjectiveKind.Resolution, new SlaTally(4, 0, 0, 0)), (objective.Agreement, objective.Kind, objective.Tally));
    }

    [Fact]
    public void Sla_met_but_unhappy_is_not_raised_when_the_interval_reaches_the_target_or_responses_are_too_few()
    {
        // The threshold is it-a's target 0.8: 2 satisfied of 5 give an upper end of 0.7693 (raised); 3 of 5, CSAT 0.6,
        // give [0.2307, 0.8824], whose top reaches the target: not raised although CSAT is below it.
        Assert.True(Wilson(2, 5).Upper < 0.8);
        Assert.True(Wilson(3, 5).Upper >= 0.8);
        int[] three = [1, 2, 4, 4, 5];
        FeedbackResponse[] responses = [.. Responses().Where(r => r.Subject != Id("it")), .. three.Select((r, i) => new FeedbackResponse(Id("line-a"), Id("it"), May(20 + i, 12), RatingScale.FivePoint, r))];
        var card = Card(responses: responses);
        Assert.Equal(0.6, card.GetRelationship(Id("it"), Id("line-a"))!.Csat.Value!.Value, 12);
        Assert.Equal(Wilson(3, 5).Upper, card.GetRelationship(Id("it"), Id("line-a"))!.Csat.Interval!.Value.Upper, 12);
        Assert.Empty(card.Findings.OfType<SlaMetButUnhappy>());

        // 5 responses count as known satisfaction at MinimumResponses 5, not at 6.
        Assert.Empty(Card(new ScorecardOptions(AsOf) { MinimumResponses = 6 }).Findings.OfType<SlaMetButUnhappy>());
    }

    [Fact]
    public void Happy_but_sla_breached_carries_the_breached_objective_and_the_interval_above_target()
    {
        var f = Only<HappyButSlaBreached>(Card());

        // hr → line-a: 2 of 4 resolved within 4 h against 90%; 20 of 20 satisfied, Wilson [0.8389, 1].
        var (lower, _) = Wilson(20, 20);
        Assert.Equal((Id("hr"), Id("line-a")), (f.Provider, f.Consumer));
        Assert.Equal(1, f.Csat, 12);
        Assert.Equal(20, f.Responses);
        Assert.Equal(0.8388748419, f.Interval.Lower, 9);
        Assert.Equal(lower, f.Interval.Lower, 12);
        Assert.Equal(0.8, f.Target);
        Assert.Equal((2, 5), (f.TopBoxes, f.MinimumResponses));
        Assert.Equal((AgreementId.Parse("hr-a"), ObjectiveKind.Resolution, 0.9, new SlaTally(4, 2, 0, 0)), (f.Breached.Agreement, f.Breached.Kind, f.Breached.Target, f.Breached.Tally));
        Assert.False(f.Breached.IsMet);

        // At or above the target counts (lower ≥ target); just above the lower end it does not.
        Assert.NotEmpty(Card(new ScorecardOptions(AsOf) { SatisfactionTarget = lower - 1e-9 }).Findings.OfType<HappyButSlaBreached>());
        Assert.Empty(Card(new ScorecardOptions(AsOf) { SatisfactionTarget = lower + 1e-9 }).Findings.OfType<HappyButSlaBreached>());
    }

    [Fact]
    public void Heavy_dependence_without_agreement_carries_the_criticality_and_the_threshold()
    {
        var f = Only<HeavyDependenceWithoutAgreement>(Card());
        Assert.Equal((Id("procurement"), Id("line-a"), Criticality.From(5), Criticality.From(4)), (f.Provider, f.Consumer, f.Dependence, f.Threshold));

        // y depends on x with criticality 4 and no agreement: a finding from threshold 4, none at threshold 5.
        var pair = Organization.CreateBuilder()
            .AddDepartment("x", "X")
            .AddDepartment("y", "Y")
            .AddDependency(consumer: "y", provider: "x", criticality: 4)
            .Build();
        var at = Scorecard.Compute(pair, [], [], new ScorecardOptions(AsOf) { HeavyDependence = Criticality.From(4) });
        var above = Scorecard.Compute(pair, [], [], new ScorecardOptions(AsOf) { HeavyDependence = Criticality.From(5) });
        Assert.Equal(Criticality.From(4), Only<HeavyDependenceWithoutAgreement>(at).Dependence);
        Assert.Empty(above.Findings);
    }

    [Fact]
    public void Feedback_overdue_counts_from_the_agreement_start_or_the_last_feedback()
    {
        // a-b (monthly cadence, effective 2026-01-01) has no feedback: due by 2026-02-01; 1 June is
        // 28 + 31 + 30 + 31 = 120 days later.
        var f = Only<FeedbackOverdue>(Card());
        Assert.Equal((Id("line-a"), Id("line-b"), AgreementId.Parse("a-b")), (f.Provider, f.Consumer, f.Agreement));
        Assert.Null(f.LastFeedback);
        Assert.Equal(new LocalDate(2026, 1, 1), f.Since);
        Assert.Equal(Period.FromMonths(1), f.Cadence);
        Assert.Equal(new LocalDate(2026, 2, 1), f.DueBy);
        Assert.Equal(new LocalDate(2026, 6, 1), f.AsOfDate);
        Assert.Equal(120, f.DaysOverdue);

        // Feedback on 1 May is due again by 1 June, the as-of date itself: not overdue. On 30 April it was
        // due by 30 May: 2 days overdue.
        FeedbackResponse From(LocalDate date) => new(Id("line-b"), Id("line-a"), date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), RatingScale.FivePoint, 4);
        Assert.Empty(Card(responses: [.. Responses(), From(new LocalDate(2026, 5, 1))]).Findings.OfType<FeedbackOverdue>());
        var late = Only<FeedbackOverdue>(Card(responses: [.. Responses(), From(new LocalDate(2026, 4, 30))]));
        Assert.Equal(Instant.FromUtc(2026, 4, 30, 0, 0), late.LastFeedback);
        Assert.Equal(new LocalDate(2026, 5, 30), late.DueBy);
        Assert.Equal(2, late.DaysOverdue);
    }

    [Fact]
    public void Declining_satisfaction_carries_the_slope_its_p_value_and_the_significance_level()
    {
        // y rates x 5, 4, 4, 3, 2 at 30-day steps: t = 0..4, mean t 2, mean y 3.6, Stt = 10, Sty = −7,
        // slope −0.7 per 30 days; residuals 0, −0.3, 0.4, 0.1, −0.2, SSE 0.3, s² = 0.1 (3 df), SE = 0.1, t = −7.
        // Two-sided p for t = 7 with 3 df (closed form of the t distribution with 3 df):
        // p = 1 − (2/π)(x/(1 + x²) + atan x), x = 7/√3.
        var x = 7 / Math.Sqrt(3);
        var p = 1 - (2 / Math.PI * ((x / (1 + (x * x))) + Math.Atan(x)));
        var pair = Organization.CreateBuilder().AddDepartment("x", "X").AddDepartment("y", "Y").Build();
        int[] ratings = [5, 4, 4, 3, 2];
        var start = Instant.FromUtc(2026, 1, 10, 12, 0);
        FeedbackResponse[] responses = [.. ratings.Select((r, i) => new FeedbackResponse(Id("y"), Id("x"), start + Duration.FromDays(30 * i), RatingScale.FivePoint, r))];

        var f = Only<DecliningSatisfaction>(Scorecard.Compute(pair, [], responses, new ScorecardOptions(AsOf)));
        Assert.Equal((Id("x"), Id("y")), (f.Provider, f.Consumer));
        Assert.Equal(-0.7, f.SlopePer30Days, 9);
        Assert.Equal(0.0059862557, f.PValue, 9);
        Assert.Equal(p, f.PValue, 9);
        Assert.Equal(5, f.Responses);
        Assert.Equal(0.05, f.Significance);

        // The p-value must be below the significance level, strictly.
        Assert.NotEmpty(Scorecard.Compute(pair, [], responses, new ScorecardOptions(AsOf) { TrendSignificance = p * (1 + 1e-6) }).Findings.OfType<DecliningSatisfaction>());
        // Then the only finding left is the satisfaction gap: 3 of 5 in the top two boxes, 60% against 80%, shortfall
        // (0.8 − 0.6) / 0.8 = 0.25.
        var rest = Assert.Single(Scorecard.Compute(pair, [], responses, new ScorecardOptions(AsOf) { TrendSignificance = p * (1 - 1e-6) }).Findings);
        var shortfall = Assert.IsType<SatisfactionShortfall>(rest);
        Assert.Equal((5L, 0.6, 0.8), (shortfall.Responses, shortfall.Csat, shortfall.Target));
        Assert.Equal(0.25, shortfall.Shortfall, 12);

        // A rising trend, however significant, is not a finding.
        FeedbackResponse[] rising = [.. responses.Select((r, i) => new FeedbackResponse(Id("y"), Id("x"), r.Instant, RatingScale.FivePoint, 6 - ratings[i]))];
        // Its only finding is its satisfaction gap: ratings 1, 2, 2, 3, 4, one of 5 in the top two boxes, 20% against 80%,
        // shortfall (0.8 − 0.2) / 0.8 = 0.75.
        var low = Assert.IsType<SatisfactionShortfall>(Assert.Single(Scorecard.Compute(pair, [], rising, new ScorecardOptions(AsOf)).Findings));
        Assert.Equal((5L, 0.2), (low.Responses, low.Csat));
        Assert.Equal(0.75, low.Shortfall, 12);
    }

    [Fact]
    public void Inherited_shortfall_carries_the_shortfall_the_inherited_part_and_the_main_supplier()
    {
        // line-a: shortfall 1; t = 1 + 0.5 · (3/11 · 0.25 + 3/11 · 2/9) = 1.0643939...; inherited (t − 1)/t = 0.0604982...;
        // main supplier it with share 0.5 · 3/11 · 0.25 / t.
        var t = 1 + (0.5 * ((3.0 / 11 * 0.25) + (3.0 / 11 * 2 / 9)));
        var f = Only<InheritedShortfall>(Card());
        Assert.Equal(Id("line-a"), f.Department);
        Assert.Equal(1, f.Shortfall, 12);
        Assert.Equal((t - 1) / t, f.Inherited, 12);
        Assert.Equal(0.0604982206, f.InheritedFraction, 9);
        Assert.Equal(Id("it"), f.MainSupplier.Supplier);
        Assert.Equal(0.5 * 3 / 11 * 0.25 / t, f.MainSupplier.Share, 12);
        Assert.Equal((0.05, 0.05), (f.MinimumShortfall, f.MinimumInheritedFraction));

        // The same basis as the department row: InheritedFraction of the attribution.
        Assert.Equal(Card().GetDepartment(Id("line-a")).Attribution.InheritedFraction, f.InheritedFraction, 15);

        // Thresholds are inclusive: a shortfall of 1 passes MinimumShortfall 1; a fraction just above 0.0605 is not met.
        Assert.NotEmpty(Card(new ScorecardOptions(AsOf) { MinimumShortfall = 1, MinimumInheritedFraction = f.InheritedFraction - 1e-9 }).Findings.OfType<InheritedShortfall>());
        Assert.Empty(Card(new ScorecardOptions(AsOf) { MinimumInheritedFraction = f.InheritedFraction + 1e-9 }).Findings.OfType<InheritedShortfall>());
    }

    [Fact]
    public void Review_due_is_raised_on_the_due_date_and_not_the_day_before()
    {
        // it-a: quarterly; reviewed 2026-03-01 → due 2026-06-01, the as-of date: due today (0 days).
        // Reviewed 2026-03-02 → due 2026-06-02: not yet.
        ScorecardOptions Reviewed(LocalDate date) => new(AsOf) { LastReviews = new Dictionary<AgreementId, LocalDate> { [AgreementId.Parse("it-a")] = date } };
        var today = Card(Reviewed(new LocalDate(2026, 3, 1))).Findings.OfType<ReviewDue>().Single(r => r.Agreement == AgreementId.Parse("it-a"));
        Assert.Equal((Id("it"), Id("line-a"), new LocalDate(2026, 3, 1), new LocalDate(2026, 6, 1), 0), (today.Provider, today.Consumer, today.LastReview, today.DueOn, today.DaysOverdue));
        Assert.DoesNotContain(Card(Reviewed(new LocalDate(2026, 3, 2))).Findings.OfType<ReviewDue>(), r => r.Agreement == AgreementId.Parse("it-a"));
    }

    [Fact]
    public void Findings_are_ordered_by_kind_then_attention_rank_and_agree_with_the_attention_list()
    {
        var card = Card();

        Assert.Equal(
            [
                (typeof(SlaMetButUnhappy), "it"),
                (typeof(HappyButSlaBreached), "hr"),
                (typeof(HeavyDependenceWithoutAgreement), "procurement"),
                (typeof(FeedbackOverdue), "line-a"),
                (typeof(TimeObjectiveBreached), "line-a"),
                (typeof(InheritedShortfall), "line-a"),
                (typeof(ReviewDue), "a-b"),  // 120 days overdue
                (typeof(ReviewDue), "it-a"), // 61 days overdue
            ],
            card.Findings.Select(f => (f.GetType(), f switch
            {
                RelationshipFinding r => r.Provider.Value,
                InheritedShortfall s => s.Department.Value,
                ReviewDue d => d.Agreement.Value,
                _ => string.Empty,
            })));

        // Every relationship finding is one of its relationship's, and the attention item of a relationship with
        // a gap holds the very same instances.
        foreach (var finding in card.Findings.OfType<RelationshipFinding>())
        {
            var relationship = card.GetRelationship(finding.Provider, finding.Consumer)!;
            Assert.Contains(finding, relationship.Findings);
            if (relationship.Gap > 0)
            {
                Assert.Contains(card.Attention.Single(a => a.Relationship == relationship).Findings, f => ReferenceEquals(f, finding));
            }
        }

        Assert.Equal(card.ReviewsDue, card.Findings.OfType<ReviewDue>());
    }

    [Property(MaxTest = 20)]
    public Property Findings_are_deterministic_ordered_by_kind_and_shared_with_relationships_and_attention(int seed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 12, agreements: 20, requests: 150, responses: 200);
        var options = new ScorecardOptions(ScorecardScenario.AsOf);
        var card = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
        var again = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
        Type[] kinds = [typeof(SlaMetButUnhappy), typeof(HappyButSlaBreached), typeof(HeavyDependenceWithoutAgreement), typeof(FeedbackOverdue), typeof(DecliningSatisfaction), typeof(TimeObjectiveBreached), typeof(SatisfactionShortfall), typeof(InheritedShortfall), typeof(ReviewDue)];
        var order = card.Findings.Select(f => Array.IndexOf(kinds, f.GetType())).ToList();

        var ok = card.Findings.Select(f => f.ToString()).SequenceEqual(again.Findings.Select(f => f.ToString()))
            && order.All(k => k >= 0)
            && order.SequenceEqual(order.Order())
            && card.Relationships.Sum(r => r.Findings.Length) == card.Findings.Count(f => f is RelationshipFinding)
            && card.Findings.OfType<RelationshipFinding>().All(f => card.GetRelationship(f.Provider, f.Consumer)!.Findings.Contains(f))
            && card.Attention.All(a => a.Findings.All(f => card.Findings.Any(g => ReferenceEquals(f, g))))
            && card.Findings.OfType<InheritedShortfall>().All(f => f.Shortfall >= options.MinimumShortfall && f.InheritedFraction >= options.MinimumInheritedFraction)
            && card.Findings.OfType<DecliningSatisfaction>().All(f => f.SlopePer30Days < 0 && f.PValue < options.TrendSignificance);
        return ok.Label(scenario.ToString());
    }
}
