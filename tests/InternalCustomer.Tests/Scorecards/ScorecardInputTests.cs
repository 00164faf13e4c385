using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Scorecards;
using NodaTime;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>Validation of the inputs as data, the roll-up's options, the worst-first objectives and the descriptions.</summary>
public class ScorecardInputTests
{
    [Fact]
    public void Validate_lists_every_problem_with_its_place_and_value_and_Compute_throws_the_first()
    {
        var scale7 = RatingScale.SevenPoint;
        ServiceRequest[] requests = [.. Requests(), new("x", AgreementId.Parse("nope"), May(4, 9)), new("y", AgreementId.Parse("gone"), May(5, 9))];
        FeedbackResponse[] responses =
        [
            new(Id("visitor"), Id("ghost"), May(20, 9), RatingScale.FivePoint, 3),
            new(Id("line-a"), Id("it"), May(21, 9), scale7, 6),
        ];
        var options = new ScorecardOptions(AsOf) { LastReviews = new Dictionary<AgreementId, LocalDate> { [AgreementId.Parse("phantom")] = new LocalDate(2026, 1, 1) } };

        var problems = Scorecard.Validate(Example(), requests, responses, options);

        Assert.Equal(
            [
                (ProblemKind.UnknownReference, "$.requests[10].agreement"),
                (ProblemKind.UnknownReference, "$.requests[11].agreement"),
                (ProblemKind.UnknownReference, "$.responses[0].subject"),
                (ProblemKind.UnknownReference, "$.responses[0].respondent"),
                (ProblemKind.InvalidValue, "$.responses[1].overallScale"),
                (ProblemKind.UnknownReference, "$.options.lastReviews.phantom"),
            ],
            problems.Select(p => (p.Kind, p.Location.ToString())));
        Assert.Equal(ProblemLocation.Root.Property("requests").Element(10).Property("agreement"), problems[0].Location);
        Assert.Equal("Request 'x' at requests[10] names agreement 'nope', which is not an agreement of this organization.", problems[0].Message);
        Assert.Equal($"Response at responses[1] rates on the scale {scale7}; expected the options' overall scale {RatingScale.FivePoint}.", problems[4].Message);

        var thrown = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Example(), requests, responses, options));
        Assert.Equal("requests", thrown.ParamName);
        Assert.StartsWith(problems[0].Message, thrown.Message, StringComparison.Ordinal);
        Assert.Empty(Scorecard.Validate(Example(), Requests(), Responses(), new ScorecardOptions(AsOf)));
    }

    [Fact]
    public void The_data_begins_at_the_first_request_or_response_else_the_first_agreement_day()
    {
        // Requests open from 4 May 09:00; responses from 20 May; the agreements from 1 January (UTC calendar).
        Assert.Equal(May(4, 9), Scorecard.DataBegins(Example(), Requests(), Responses()));
        Assert.Equal(May(20, 0), Scorecard.DataBegins(Example(), [], Responses()));
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 0, 0), Scorecard.DataBegins(Example(), [], []));

        var before = Scorecard.Validate(Example(), Requests(), Responses(), new ScorecardOptions(May(4, 8)));
        var problem = Assert.Single(before);
        Assert.Equal((ProblemKind.InvalidValue, "$.options.asOf"), (problem.Kind, problem.Location.ToString()));
        Assert.Equal("AsOf must not be before the organization's data begins (2026-05-04T09:00:00Z); got 2026-05-04T08:00:00Z.", problem.Message);
    }

    [Fact]
    public void Roll_up_metrics_use_the_scorecard_options_and_agree_with_the_department_rows()
    {
        // Top box only, 90%: it has one 5 of its five ratings (0.2); hr ten 5s of twenty (0.5); support, their
        // parent, 11 of 25 = 0.44.
        var options = new ScorecardOptions(AsOf) { CsatTopBoxes = 1, ConfidenceLevel = 0.9 };
        var card = Scorecard.Compute(Example(), Requests(), Responses(), options);
        var rolled = card.RollUp();

        var it = card.GetDepartment(Id("it"));
        Assert.Equal(0.2, it.Csat.Value!.Value, 12);
        Assert.Equal(it.Csat, rolled[Id("it")].Csat(card.Options));
        Assert.Equal(it.Mean, rolled[Id("it")].Mean(card.Options));
        Assert.Equal(it.Nps, rolled[Id("it")].Nps(card.Options));
        Assert.Equal(0.9, rolled[Id("it")].Csat(card.Options).Interval!.Value.Level);
        Assert.Equal(0.44, rolled[Id("support")].Csat(card.Options).Value!.Value, 12);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => rolled[Id("it")].Csat(null!)).ParamName);
    }

    [Fact]
    public void Objectives_are_listed_worst_first_and_the_scorecard_describes_itself()
    {
        var card = Scorecard.Compute(Example(), Requests(), Responses(), new ScorecardOptions(AsOf));

        // Budget remaining: a-b (0.1 − 1)/0.1 = −9; hr-a (0.1 − 0.5)/0.1 = −4; it-a nothing breached = 1.
        Assert.Equal(["a-b", "hr-a", "it-a"], card.Objectives.Select(o => o.Agreement.Value));
        Assert.Equal(-9, card.Objectives[0].Budget.Remaining, 12);
        Assert.Equal((Id("line-a"), Id("line-b")), (card.Objectives[0].Provider, card.Objectives[0].Consumer));

        // 8 departments; relationships it/line-a, hr/line-a, line-a/line-b, procurement/line-a; 3 with a gap;
        // findings: unhappy, happy, heavy, overdue, line-a → line-b's breached objective, inherited, two reviews.
        Assert.Equal("Scorecard as of 2026-06-01T00:00:00Z: 8 departments, 4 relationships, 3 on the attention list, 8 findings, 2 reviews due", card.ToString());
    }

    [Theory]
    [InlineData("TrendSignificance", "TrendSignificance must be in (0, 1); got 1.")]
    [InlineData("MinimumShortfall", "MinimumShortfall must be in [0, 1]; got 1.5.")]
    [InlineData("MinimumInheritedFraction", "MinimumInheritedFraction must be in [0, 1]; got -0.1.")]
    public void New_thresholds_are_checked(string setting, string expected)
    {
        var options = setting switch
        {
            "TrendSignificance" => new ScorecardOptions(AsOf) { TrendSignificance = 1 },
            "MinimumShortfall" => new ScorecardOptions(AsOf) { MinimumShortfall = 1.5 },
            _ => new ScorecardOptions(AsOf) { MinimumInheritedFraction = -0.1 },
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute(Example(), Requests(), Responses(), options));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Looking_up_a_relationship_of_an_unknown_department_names_the_parameter_at_fault()
    {
        var card = Scorecard.Compute(Example(), Requests(), Responses(), new ScorecardOptions(AsOf));

        var provider = Assert.Throws<ArgumentException>(() => card.GetRelationship(Id("nobody"), Id("line-a")));
        var consumer = Assert.Throws<ArgumentException>(() => card.GetRelationship(Id("it"), Id("nobody")));

        Assert.Equal("provider", provider.ParamName);
        Assert.Equal("consumer", consumer.ParamName);
        Assert.StartsWith("Expected a department of this organization; got 'nobody', which is not one.", consumer.Message, StringComparison.Ordinal);
        Assert.NotNull(card.GetRelationship(Id("it"), Id("line-a")));
    }

    [Fact]
    public void The_data_ends_at_the_last_instant_any_request_or_response_records()
    {
        var sla = AgreementId.Parse("it-a");
        ServiceRequest[] requests = [new("a", sla, May(4, 9), firstResponse: May(4, 10), resolved: May(6, 12)), new("b", sla, May(5, 9))];
        FeedbackResponse[] early = [new(Id("line-a"), Id("it"), May(5, 16), RatingScale.FivePoint, 4)];
        FeedbackResponse[] late = [new(Id("line-a"), Id("it"), May(7, 8), RatingScale.FivePoint, 4)];

        Assert.Equal(May(6, 12), Scorecard.DataEnds(requests, early)); // request a's resolution
        Assert.Equal(May(7, 8), Scorecard.DataEnds(requests, late));
        Assert.Null(Scorecard.DataEnds([], []));
    }

    [Fact]
    public void Organisation_health_counts_the_graph_s_dependencies_and_tiers()
    {
        // Edges (consumer → provider): line-a → it, hr, procurement; line-b → line-a (agreement a-b and the declared
        // dependency of the same pair merge into one). Tier 0: everyone who depends on nobody; line-a tier 1; line-b tier 2.
        var health = Scorecard.Compute(Example(), Requests(), Responses(), new ScorecardOptions(AsOf)).Health;

        Assert.Equal(4, health.Dependencies);
        Assert.Equal(3, health.Tiers);
    }
}
