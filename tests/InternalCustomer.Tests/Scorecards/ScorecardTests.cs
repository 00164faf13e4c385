using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

public class ScorecardTests
{
    internal static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    internal static DepartmentId Id(string s) => DepartmentId.Parse(s);

    internal static Instant May(int day, int hour) => Instant.FromUtc(2026, 5, day, hour, 0);

    //  ops: line-a, line-b        support: it, hr, procurement        lab (isolated)
    //  it → line-a (resolution 4 h, 50%, CSAT 80%), hr → line-a (resolution 4 h, 90%), line-a → line-b (resolution 4 h, 90%)
    //  declared: line-a depends on procurement (5, no agreement), line-b on line-a (4)
    //  the calendar is 24×7 UTC, so business time is wall time and every number below can be worked by hand.
    internal static Organization Example() =>
        Organization.CreateBuilder()
            .AddDepartment("ops", "Operations")
            .AddDepartment("line-a", "Line A", "ops")
            .AddDepartment("line-b", "Line B", "ops")
            .AddDepartment("support", "Support")
            .AddDepartment("it", "IT", "support")
            .AddDepartment("hr", "HR", "support")
            .AddDepartment("procurement", "Procurement", "support")
            .AddDepartment("lab", "Lab")
            .AddService("desk", "Service desk", "it")
            .AddService("payroll", "Payroll", "hr")
            .AddService("parts", "Parts", "line-a")
            .AddCalendar("always", BusinessCalendar.AlwaysOpen("Etc/UTC"))
            .AddAgreement(new AgreementDraft("it-a")
                {
                    Provider = "it",
                    Consumer = "line-a",
                    Services = ["desk"],
                    Calendar = "always",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(3),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.5),
                    SatisfactionTarget = 0.8,
                })
            .AddAgreement(new AgreementDraft("hr-a")
                {
                    Provider = "hr",
                    Consumer = "line-a",
                    Services = ["payroll"],
                    Calendar = "always",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(12),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
                })
            .AddAgreement(new AgreementDraft("a-b")
                {
                    Provider = "line-a",
                    Consumer = "line-b",
                    Services = ["parts"],
                    Calendar = "always",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(1),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
                })
            .AddDependency("procurement", "line-a", criticality: 5)
            .AddDependency("line-a", "line-b", criticality: 4)
            .Build();

    internal static ServiceRequest[] Requests()
    {
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < 4; i++)
        {
            // it-a: resolved after 2 h, within 4 h: met.
            requests.Add(new ServiceRequest($"it-{i}", AgreementId.Parse("it-a"), May(4 + i, 9), resolved: May(4 + i, 11)));

            // hr-a: two resolved after 1 h (met), two after 6 h (breached).
            requests.Add(new ServiceRequest($"hr-{i}", AgreementId.Parse("hr-a"), May(4 + i, 9), resolved: May(4 + i, i < 2 ? 10 : 15)));
        }

        // a-b: both resolved after 6 h: breached.
        requests.Add(new ServiceRequest("ab-0", AgreementId.Parse("a-b"), May(11, 9), resolved: May(11, 15)));
        requests.Add(new ServiceRequest("ab-1", AgreementId.Parse("a-b"), May(12, 9), resolved: May(12, 15)));
        return [.. requests];
    }

    internal static FeedbackResponse[] Responses()
    {
        var scale = RatingScale.FivePoint;
        int[] aboutIt = [1, 2, 3, 4, 5];
        return
        [
            .. aboutIt.Select((r, i) => new FeedbackResponse(Id("line-a"), Id("it"), May(20 + i, 12), scale, r)),
            .. Enumerable.Range(0, 20).Select(i => new FeedbackResponse(Id("line-a"), Id("hr"), May(20, i), scale, i % 2 == 0 ? 5 : 4)),
        ];
    }

    private static OrganizationScorecard Compute(ScorecardOptions? options = null) =>
        Scorecard.Compute(Example(), Requests(), Responses(), options ?? new ScorecardOptions(AsOf));

    [Fact]
    public void Relationship_views_and_flags_follow_the_worked_example()
    {
        var card = Compute();

        // it → line-a: 4 of 4 met (target 50%): SLA met. CSAT = 2 of 5 in the top two boxes = 0.4 < 0.8.
        // Satisfaction gap = (0.8 − 0.4) / 0.8 = 0.5; SLA gap 0; combined with equal weights = 0.25.
        var it = card.GetRelationship(Id("it"), Id("line-a"))!;
        Assert.True(it.SlaMet);
        Assert.Equal(0.4, it.Csat.Value!.Value, 12);
        Assert.Equal(0.5, it.SatisfactionGap, 12);
        Assert.Equal(0.25, it.Gap, 12);
        Assert.Equal(typeof(SlaMetButUnhappy), Assert.Single(it.Findings).GetType());

        // The satisfaction objective of it-a is judged from the same feedback: 5 decided, 3 bad;
        // budget remaining ((1 − 0.8) − 3/5) / (1 − 0.8) = −2.
        var satisfaction = Assert.Single(it.Objectives, o => o.Kind == ObjectiveKind.Satisfaction);
        Assert.Equal(new SlaTally(5, 3, 0, 0), satisfaction.Tally);
        Assert.Equal(-2, satisfaction.Budget.Remaining, 12);
        Assert.Equal(new[] { AgreementId.Parse("it-a") }, it.Agreements.AsEnumerable());

        // hr → line-a: 2 of 4 met against 90%: SLA gap (0.9 − 0.5) / 0.9 = 4/9. CSAT 20 of 20 = 1, and the
        // whole Wilson interval (83.9%–100%) is at or above 80%: clearly happy.
        var hr = card.GetRelationship(Id("hr"), Id("line-a"))!;
        Assert.False(hr.SlaMet);
        Assert.Equal(4.0 / 9, hr.SlaGap, 12);
        Assert.Equal(2.0 / 9, hr.Gap, 12);
        Assert.Equal(typeof(HappyButSlaBreached), Assert.Single(hr.Findings).GetType());
        var resolution = Assert.Single(hr.Objectives);
        Assert.Equal(new SlaTally(4, 2, 0, 0), resolution.Tally);
        Assert.Equal((0.1 - 0.5) / 0.1, resolution.Budget.Remaining, 12); // ((1 − 0.9) − 2/4) / (1 − 0.9) = −4

        // line-a → line-b: 0 of 2 met, no feedback at all since 1 January with a monthly cadence.
        var ab = card.GetRelationship(Id("line-a"), Id("line-b"))!;
        Assert.Equal(1, ab.Gap, 12);
        // Its SLA gap is a finding too, after the overdue feedback (the order of the kinds): 0 of 2 met (2 breached) against 90%,
        // shortfall (0.9 − 0) / 0.9 = 1, one objective breached.
        Assert.Equal([typeof(FeedbackOverdue), typeof(TimeObjectiveBreached)], ab.Findings.Select(f => f.GetType()));
        var breached = (TimeObjectiveBreached)ab.Findings[1];
        Assert.Equal((new SlaTally(2, 2, 0, 0), 1, 1.0), (breached.Objective.Tally, breached.Breached, breached.Shortfall));
        Assert.Equal(Criticality.From(4), ab.Dependence);

        // procurement → line-a: criticality 5, no agreement.
        var procurement = card.GetRelationship(Id("procurement"), Id("line-a"))!;
        Assert.Equal(typeof(HeavyDependenceWithoutAgreement), Assert.Single(procurement.Findings).GetType());
        Assert.False(procurement.HasAgreement);
        Assert.Null(card.GetRelationship(Id("lab"), Id("it")));
    }

    [Theory]
    [InlineData(19, false)]                              // 79% of 24: Wilson interval 60%–91% includes the 80% target: noise
    [InlineData(12, true)]                   // 50% of 24: interval 31%–69% lies wholly below 80%
    public void Sla_met_but_unhappy_needs_the_whole_interval_below_target(int satisfied, bool expected)
    {
        // it-a is met (4 of 4); line-a rates IT 24 times, `satisfied` of them 4 or 5, the rest 2.
        var responses = Enumerable.Range(0, 24)
            .Select(i => new FeedbackResponse(Id("line-a"), Id("it"), May(20, i % 24), RatingScale.FivePoint, i < satisfied ? 5 : 2))
            .ToArray();
        var card = Scorecard.Compute(Example(), Requests(), responses, new ScorecardOptions(AsOf));

        Assert.Equal(expected, card.GetRelationship(Id("it"), Id("line-a"))!.Findings.OfType<SlaMetButUnhappy>().Any());
    }

    [Fact]
    public void Attention_list_ranks_gap_times_importance_times_blast_radius()
    {
        var card = Compute();

        // line-a → line-b: gap 1 × importance 4/5 × blast radius 1 (line-b)              = 0.8
        // it → line-a:      gap 0.25 × importance 3/5 (agreement only) × 2 (line-a, line-b) = 0.3
        // hr → line-a:      gap 2/9 × 3/5 × 2                                               = 0.2667
        Assert.Equal([("line-a", "line-b"), ("it", "line-a"), ("hr", "line-a")], card.Attention.Select(a => (a.Provider.Value, a.Consumer.Value)));
        Assert.Equal([1, 2, 3], card.Attention.Select(a => a.Rank));
        Assert.Equal(0.8, card.Attention[0].Score, 12);
        Assert.Equal(0.3, card.Attention[1].Score, 12);
        Assert.Equal(2.0 / 9 * 0.6 * 2, card.Attention[2].Score, 12);
        Assert.Contains("resolution on time in 0% of 2 decided requests (target 90%)", FindingText.Describe(card.Attention[0]), StringComparison.Ordinal);
        Assert.Contains("no feedback within the review cadence", FindingText.Describe(card.Attention[0]), StringComparison.Ordinal);
        Assert.Contains("only 40% of 5 responses satisfied (target 80%)", FindingText.Describe(card.Attention[1]), StringComparison.Ordinal);
        Assert.Contains("the SLA is met but the customer is unhappy", FindingText.Describe(card.Attention[1]), StringComparison.Ordinal);
        Assert.Contains("2 departments rely on it directly or indirectly", FindingText.Describe(card.Attention[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Upstream_attribution_splits_line_a_by_the_worked_example()
    {
        var card = Compute();

        // Shortfalls as supplier: it 0.25, hr 2/9, line-a 1 (its only customer relationship, gap 1).
        // line-a's suppliers by criticality: it 3, hr 3, procurement 5 (sum 11); α = 0.5.
        // t_it = 0.25, t_hr = 2/9 (no suppliers), t_procurement = 0;
        // t_line-a = 1 + 0.5 · (3/11 · 0.25 + 3/11 · 2/9); inherited = 1 · (t − 1) / t.
        var t = 1 + (0.5 * ((3.0 / 11 * 0.25) + (3.0 / 11 * 2 / 9)));
        var lineA = card.GetDepartment(Id("line-a")).Attribution;
        Assert.Equal(1, lineA.Shortfall, 12);
        Assert.Equal((t - 1) / t, lineA.Inherited, 12);
        Assert.Equal([Id("it"), Id("hr")], lineA.BySupplier.Select(s => s.Supplier));
        Assert.Equal(0.5 * 3 / 11 * 0.25 / t, lineA.BySupplier[0].Share, 12);
        Assert.Equal(0, card.GetDepartment(Id("it")).Attribution.Inherited);
    }

    [Fact]
    public void Department_views_graph_position_reviews_and_health()
    {
        var card = Compute();

        var it = card.GetDepartment(Id("it"));
        Assert.Equal(new SlaTally(4, 0, 0, 0), it.Resolution);
        Assert.Equal(3, it.Mean.Value!.Value, 12); // mean of 1..5
        Assert.Equal(0.4, it.Csat.Value!.Value, 12);
        Assert.Equal(0, it.Position.Tier);
        Assert.Equal(2, it.Position.BlastRadius);
        Assert.Equal(Id("line-a"), Assert.Single(it.AsSupplier).Consumer);

        var lineA = card.GetDepartment(Id("line-a"));
        Assert.Equal([Id("hr"), Id("it"), Id("procurement")], lineA.AsCustomer.Select(r => r.Provider));
        Assert.Equal(1, lineA.Position.Tier);
        Assert.True(lineA.Position.IsSinglePointOfFailure); // the only link between line-b and the support functions

        // Reviews as of 2026-06-01: a-b due 2026-02-01 (120 days over), it-a due 2026-04-01 (61 days); hr-a not until 2027.
        Assert.Equal([("a-b", 120), ("it-a", 61)], card.ReviewsDue.Select(r => (r.Agreement.Value, r.DaysOverdue)));

        Assert.Equal(8, card.Health.Departments);
        Assert.Equal(new SlaTally(10, 4, 0, 0), card.Health.Resolution);
        Assert.Equal(22.0 / 25, card.Health.Csat.Value!.Value, 12); // 2 + 20 satisfied of 25
        Assert.Contains(Id("lab"), card.Health.Silos.Isolated);
        Assert.Empty(card.Health.Cycles);
        Assert.Equal(2, card.Health.ReviewsDue);
    }

    [Fact]
    public void Roll_up_merges_each_division_from_its_teams()
    {
        var card = Compute();
        var rolled = card.RollUp();

        // support = it (4 decided, 0 breached) + hr (4, 2) + procurement (none).
        Assert.Equal(new SlaTally(8, 2, 0, 0), rolled[Id("support")].Resolution);
        Assert.Equal(25, rolled[Id("support")].Feedback.Count);
        Assert.Equal(22.0 / 25, rolled[Id("support")].Csat(card.Options).Value!.Value, 12);
        Assert.Equal(new SlaTally(2, 2, 0, 0), rolled[Id("ops")].Resolution);
    }

    [Fact]
    public void Later_data_is_ignored_and_the_compliance_window_filters_by_decision_instant()
    {
        var early = Compute(new ScorecardOptions(May(8, 0)));
        var windowed = Compute(new ScorecardOptions(AsOf) { ComplianceWindow = new NodaTime.Interval(May(6, 0), May(8, 0)) });

        // By 8 May only it-0..3 and hr-0..3 are opened (4..7 May) and all are decided; no feedback yet.
        Assert.Equal(new SlaTally(4, 0, 0, 0), early.GetDepartment(Id("it")).Resolution);
        Assert.Equal(0, early.GetDepartment(Id("it")).Feedback.Count);

        // Decided on 6 and 7 May: it-2, it-3 (met) and hr-2, hr-3 (breached).
        Assert.Equal(new SlaTally(2, 0, 0, 0), windowed.GetDepartment(Id("it")).Resolution);
        Assert.Equal(new SlaTally(2, 2, 0, 0), windowed.GetDepartment(Id("hr")).Resolution);
    }

    [Fact]
    public void Bad_input_is_rejected_with_clear_messages()
    {
        var before = Assert.Throws<ArgumentOutOfRangeException>(() => Compute(new ScorecardOptions(Instant.FromUtc(2026, 5, 1, 0, 0))));
        Assert.Equal("options", before.ParamName);
        Assert.Contains("AsOf must not be before the organization's data begins (2026-05-04T09:00:00Z); got 2026-05-01T00:00:00Z.", before.Message, StringComparison.Ordinal);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new GapWeights(-1, 1));
        Assert.Equal("sla", negative.ParamName);
        Assert.Contains("A gap weight must be a finite number >= 0; got -1.", negative.Message, StringComparison.Ordinal);

        var zero = Assert.Throws<ArgumentException>(() => new GapWeights(0, 0));
        Assert.Contains("Gap weights must not all be zero", zero.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => Compute().GetDepartment(Id("finance")));
        Assert.Equal("id", unknown.ParamName);
        Assert.Contains("got 'finance', which is not one", unknown.Message, StringComparison.Ordinal);

        var level = Assert.Throws<ArgumentOutOfRangeException>(() => Compute(new ScorecardOptions(AsOf) { ConfidenceLevel = 1 }));
        Assert.Contains("ConfidenceLevel must be in (0, 1); got 1.", level.Message, StringComparison.Ordinal);

        var request = new ServiceRequest("x", AgreementId.Parse("nope"), May(4, 9));
        var badRequest = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Example(), [request], [], new ScorecardOptions(AsOf)));
        Assert.Equal("requests", badRequest.ParamName);
        Assert.Contains("Request 'x' at requests[0] names agreement 'nope'", badRequest.Message, StringComparison.Ordinal);

        var stranger = new FeedbackResponse(Id("visitor"), Id("it"), May(4, 9), RatingScale.FivePoint, 3);
        var badResponse = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Example(), [], [stranger], new ScorecardOptions(AsOf)));
        Assert.Contains("names department 'visitor'", badResponse.Message, StringComparison.Ordinal);

        var review = Assert.Throws<ArgumentException>(() => Compute(new ScorecardOptions(AsOf) { LastReviews = new Dictionary<AgreementId, LocalDate> { [AgreementId.Parse("ghost")] = new LocalDate(2026, 1, 1) } }));
        Assert.Contains("LastReviews names agreement 'ghost'", review.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Betweenness_is_exact_up_to_the_sample_size_and_estimated_with_its_bound_above_it()
    {
        // The example has 8 departments: the default sample of 256 covers them all, so positions are exact.
        var graph = InternalCustomer.Dependencies.DependencyGraph.FromOrganization(Example());
        var exact = graph.Betweenness();
        var card = Compute();
        Assert.Equal(8, card.Health.BetweennessSources);
        Assert.Equal(0, card.Health.BetweennessErrorBound);
        foreach (var d in card.Departments)
        {
            Assert.Equal(exact[d.Department.Id], d.Position.Betweenness);
        }

        Assert.Equal(card.Departments.Select(d => d.Position.Betweenness), Compute(new ScorecardOptions(AsOf) { BetweennessSampleSize = null }).Departments.Select(d => d.Position.Betweenness));

        // A sample of 3: the graph's estimate with seed 0, and its bound.
        var sampled = Compute(new ScorecardOptions(AsOf) { BetweennessSampleSize = 3 });
        var estimate = graph.EstimateBetweenness(3, seed: 0);
        Assert.Equal(3, sampled.Health.BetweennessSources);
        Assert.Equal(estimate.ErrorBound(), sampled.Health.BetweennessErrorBound);
        Assert.True(sampled.Health.BetweennessErrorBound > 0);
        foreach (var d in sampled.Departments)
        {
            Assert.Equal(estimate.Values[d.Department.Id], d.Position.Betweenness);
        }

        var bad = Assert.Throws<ArgumentOutOfRangeException>("options", () => Compute(new ScorecardOptions(AsOf) { BetweennessSampleSize = 0 }));
        Assert.Contains("BetweennessSampleSize must be at least 1 (or null for the exact betweenness); got 0.", bad.Message, StringComparison.Ordinal);

        // Accumulators under different sample sizes do not merge: their scorecards would differ.
        var mine = new ScorecardAccumulator(Example(), new ScorecardOptions(AsOf));
        var theirs = new ScorecardAccumulator(Example(), new ScorecardOptions(AsOf) { BetweennessSampleSize = 3 });
        var merge = Assert.Throws<ArgumentException>("other", () => mine.Merge(theirs));
        Assert.Contains("BetweennessSampleSize (256 vs 3)", merge.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 25)]
    public Property Roll_up_equals_the_scorecard_of_the_union_of_raw_data(int seed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 12, agreements: 20, requests: 120, responses: 150);
        var org = scenario.Organization;
        var asOf = ScorecardScenario.AsOf;
        var rolled = Scorecard.Compute(org, scenario.Requests, scenario.Responses, new ScorecardOptions(asOf)).RollUp();

        var ok = true;
        foreach (var d in org.Departments)
        {
            var subtree = org.DescendantsOf(d.Id).Append(d.Id).ToHashSet();

            // Independently: evaluate every request whose agreement's provider is in the subtree, and
            // summarise every response whose subject is in it, straight from the raw data.
            var requests = scenario.Requests.Where(r => subtree.Contains(org.GetAgreement(r.Agreement).Provider) && r.Opened <= asOf).ToList();
            static (long Decided, long Bad, long Open) Count(IEnumerable<ObjectiveEvaluation> evaluations) =>
                (evaluations.Count(e => e.IsDecided), evaluations.Count(e => e.State == SlaState.Breached), evaluations.Count(e => !e.IsDecided));
            var resolution = Count(requests.Select(r => org.TimerFor(r.Agreement).Evaluate(r, ObjectiveKind.Resolution, asOf)));
            var first = Count(requests.Select(r => org.TimerFor(r.Agreement).Evaluate(r, ObjectiveKind.FirstResponse, asOf)));

            var responses = scenario.Responses.Where(r => subtree.Contains(r.Subject) && r.Instant <= asOf).ToArray();
            var feedback = FeedbackSummary.Of(responses, RatingScale.FivePoint);
            var trend = InternalCustomer.Feedback.Statistics.TrendSummary.From(responses.Select(r => r.Instant).ToArray(), responses.Select(r => (double)r.Overall).ToArray()).Estimate();
            var total = rolled[d.Id];
            var rolledTrend = total.Trend.Estimate();
            ok &= (total.Resolution.Decided, total.Resolution.Breached, total.Resolution.InFlight) == resolution
                && (total.FirstResponse.Decided, total.FirstResponse.Breached, total.FirstResponse.InFlight) == first
                && total.Feedback.Count == feedback.Count
                && total.Feedback.Overall.Histogram.SequenceEqual(feedback.Overall.Histogram)
                && Math.Abs(total.Feedback.Overall.M2 - feedback.Overall.M2) <= 1e-9 * Math.Max(1, feedback.Overall.M2)
                && total.Csat(new ScorecardOptions(asOf)).Value == FeedbackMetrics.Csat(feedback.Overall).Value
                && total.Trend.Count == responses.Length
                && (rolledTrend.SlopePer30Days is null) == (trend.SlopePer30Days is null)
                && (trend.SlopePer30Days is not { } slope || Math.Abs(rolledTrend.SlopePer30Days!.Value - slope) <= 1e-9 * Math.Max(1, Math.Abs(slope)));
        }

        return ok.Label(scenario.ToString());
    }

    [Property(MaxTest = 25)]
    public Property Attribution_is_bounded_blast_radius_matches_the_graph_and_attention_is_ranked(int seed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 15, agreements: 30, requests: 150, responses: 150);
        var card = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, new ScorecardOptions(ScorecardScenario.AsOf));
        var ok = card.Departments.All(d =>
            d.Attribution.Own >= 0
            && d.Attribution.Inherited >= 0
            && d.Attribution.Inherited <= d.Attribution.Shortfall + 1e-12
            && d.Attribution.Shortfall <= 1);
        var graph = InternalCustomer.Dependencies.DependencyGraph.FromOrganization(scenario.Organization);
        ok &= card.Departments.All(d => d.Position.BlastRadius == graph.Downstream(d.Id).Length);
        var ranked = card.Attention.Select(a => a.Score).ToList();
        ok &= ranked.SequenceEqual(ranked.OrderByDescending(s => s));
        return ok.Label(scenario.ToString());
    }

    // The scorecard takes its t quantiles from one memo per computation; every mean and trend must still be
    // exactly what the public methods compute at the options' level.
    [Property(MaxTest = 25)]
    public Property Means_and_trends_are_those_of_the_public_estimators(int seed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 12, agreements: 25, requests: 100, responses: 400);
        var options = new ScorecardOptions(ScorecardScenario.AsOf) { ConfidenceLevel = 0.9 };
        var card = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
        var ok = card.Relationships.All(r => r.Mean == FeedbackMetrics.Mean(r.Feedback.Overall, 0.9))
            && card.Departments.All(d => d.Mean == d.Totals.Mean(options) && d.Trend == d.Totals.Trend.Estimate(0.9));
        foreach (var r in card.Relationships)
        {
            var own = scenario.Responses.Where(x => x.Subject == r.Provider && x.Respondent == r.Consumer && x.Instant <= options.AsOf).ToArray();
            // The public estimator of a trend of integer scores: the exact tally, estimated through its summary.
            var trend = InternalCustomer.Feedback.Statistics.TrendTally.Of([.. own.Select(x => x.Instant)], [.. own.Select(x => x.Overall)]).ToSummary().Estimate(0.9);
            ok &= r.Trend == trend;
        }

        return ok.Label(scenario.ToString());
    }

    // The scorecard evaluates requests in input order; every time objective's tally must still be the agreement's
    // own SlaTimer.Tally over its requests, with and without a compliance window.
    [Property(MaxTest = 25)]
    public Property Time_objective_tallies_are_the_timers_tallies_of_each_agreements_requests(int seed, bool windowed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 12, agreements: 25, requests: 400, responses: 50);
        var org = scenario.Organization;
        var asOf = ScorecardScenario.AsOf;
        NodaTime.Interval? window = windowed ? new NodaTime.Interval(asOf - Duration.FromDays(120), asOf - Duration.FromDays(10)) : null;
        var card = Scorecard.Compute(org, scenario.Requests, scenario.Responses, new ScorecardOptions(asOf) { ComplianceWindow = window });
        var ok = true;
        foreach (var o in card.Objectives)
        {
            var own = scenario.Requests.Where(r => r.Agreement == o.Agreement && r.Opened <= asOf).ToArray();
            ok &= o.Tally == org.TimerFor(o.Agreement).Tally(own, o.Kind, asOf, window);
        }

        ok &= card.Objectives.Length == 2 * org.Agreements.Length;
        return ok.Label(scenario.ToString());
    }
}
