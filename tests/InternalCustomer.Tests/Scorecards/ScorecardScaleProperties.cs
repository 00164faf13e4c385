using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Scorecards;
using NodaTime;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>Under <see cref="OtherScaleRule.SetAside"/> nothing is lost and nothing leaks: scored plus set aside is every
/// response considered, and every figure is that of the responses on the overall scale alone.</summary>
public class ScorecardScaleProperties
{
    private static readonly RatingScale[] Scales = [RatingScale.FivePoint, RatingScale.ZeroToTen, RatingScale.SevenPoint];

    private static readonly string[] Departments = ["line-a", "line-b", "it", "hr", "procurement", "lab"];

    [Property(MaxTest = 60)]
    public void Scored_plus_set_aside_is_every_response_considered_and_the_figures_are_those_of_the_scale_alone(int seed)
    {
        var random = new Random(seed);
        var organization = Example();
        var responses = Enumerable.Range(0, random.Next(0, 60))
            .Select(_ =>
            {
                var respondent = Departments[random.Next(Departments.Length)];
                var subject = Departments[(Array.IndexOf(Departments, respondent) + random.Next(1, Departments.Length)) % Departments.Length];
                var scale = Scales[random.Next(Scales.Length)];
                return new FeedbackResponse(
                    Id(respondent),
                    Id(subject),
                    May(1, 0) + Duration.FromHours(random.Next(0, 34 * 24)), // some after the as-of instant (1 June)
                    scale,
                    random.Next(scale.Min, scale.Max + 1),
                    recommend: random.Next(3) == 0 ? random.Next(0, 11) : null);
            })
            .ToArray();
        var overall = Scales[random.Next(Scales.Length)];
        var action = new ImprovementAction(ActionId.Parse("a1"), new Relationship(Id("it"), Id("line-a")), Id("it"), "Faster desk", new LocalDate(2026, 5, 10), ImprovementStatus.Completed, new LocalDate(2026, 5, 15));
        var record = ImprovementRecord.Create(organization, [], [], [action]);
        var options = new ScorecardOptions(AsOf) { OverallScale = overall, OtherScales = OtherScaleRule.SetAside, Improvement = record };

        var card = Scorecard.Compute(organization, Requests(), responses, options);

        var considered = responses.Where(r => r.Instant <= AsOf).ToArray();
        Assert.Equal(considered.Length, card.ConsideredResponseCount);
        Assert.Equal(considered.Length, card.ScoredResponseCount + card.SetAside.Sum(s => s.Count));
        Assert.Equal(considered.Count(r => r.OverallScale.Equals(overall)), card.ScoredResponseCount);
        Assert.Equal(card.ScoredResponseCount, card.Relationships.Sum(r => r.Feedback.Count));
        Assert.All(card.SetAside, s => Assert.Equal(s.Count, s.ByRelationship.Values.Sum()));
        Assert.DoesNotContain(card.SetAside, s => s.Scale.Equals(overall));
        Assert.Equal(considered.Length, Scorecard.SummarizeByScale(organization, responses, options).Sum(s => s.Responses.Count));
        Assert.Empty(Scorecard.Validate(organization, Requests(), responses, options));

        var alone = Scorecard.Compute(organization, Requests(), [.. responses.Where(r => r.OverallScale.Equals(overall))], options with { OtherScales = OtherScaleRule.Reject });
        Assert.Empty(alone.SetAside);
        Assert.Equal(alone.ScoredResponseCount, card.ScoredResponseCount);
        Assert.Equal(
            alone.Relationships.Select(r => (r.Provider, r.Consumer, r.Feedback.Count, r.Mean, r.Csat, r.Trend, string.Join(";", r.Effects))),
            card.Relationships.Select(r => (r.Provider, r.Consumer, r.Feedback.Count, r.Mean, r.Csat, r.Trend, string.Join(";", r.Effects))));
        Assert.Equal(alone.Departments.Select(d => (d.Id, d.Mean, d.Csat, d.Nps)), card.Departments.Select(d => (d.Id, d.Mean, d.Csat, d.Nps)));
        Assert.Equal(alone.Findings.Select(f => f.ToString()), card.Findings.Select(f => f.ToString()));
    }
}
