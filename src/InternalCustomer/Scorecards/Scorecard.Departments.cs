using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using InternalCustomer.Agreements;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>The departments, the attention list, the findings in order, reviews due and the health summary.</content>
public static partial class Scorecard
{
    private static FrozenDictionary<DepartmentId, GraphPosition> Positions(
        DependencyGraph graph,
        ScorecardOptions options,
        out BetweennessEstimate estimate,
        out ImmutableArray<MutualDependencyCluster> clusters,
        out SiloReport silos,
        out SinglePointsOfFailure spof)
    {
        var condensation = graph.Condense();
        var inDegree = graph.InDegrees();
        var outDegree = graph.OutDegrees();
        estimate = graph.EstimateBetweenness(options.BetweennessSampleSize ?? Math.Max(graph.DepartmentCount, 1), seed: 0, Cores(options));
        var betweenness = estimate.Values;
        var pageRank = graph.PageRank();
        var blast = graph.BlastRadii();
        spof = graph.FindSinglePointsOfFailure();
        clusters = graph.FindMutualDependencies();
        silos = graph.FindSilos();
        var articulation = spof.ArticulationPoints.ToHashSet();
        var cyclic = clusters.SelectMany(c => c.Departments).ToHashSet();
        var result = new Dictionary<DepartmentId, GraphPosition>(graph.DepartmentCount);
        foreach (var department in graph.Departments)
        {
            var id = department.Id;
            result[id] = new GraphPosition(
                condensation.Tiers[condensation.ComponentOf(id)],
                blast[id],
                outDegree[id],
                inDegree[id],
                betweenness[id],
                pageRank[id],
                articulation.Contains(id),
                cyclic.Contains(id));
        }

        return result.ToFrozenDictionary();
    }

    private static ImmutableArray<DepartmentScorecard> Departments(
        Organization organization,
        DependencyGraph graph,
        ImmutableArray<RelationshipHealth> relationships,
        FeedbackData feedback,
        FrozenDictionary<DepartmentId, GraphPosition> positions,
        StudentTQuantiles quantiles,
        ScorecardOptions options)
    {
        var n = organization.Departments.Length;
        var asSupplier = new List<RelationshipHealth>[n];
        var asCustomer = new List<RelationshipHealth>[n];
        for (var i = 0; i < n; i++)
        {
            asSupplier[i] = [];
            asCustomer[i] = [];
        }

        foreach (var r in relationships)
        {
            asSupplier[organization.IndexOf(r.Provider)].Add(r);
            asCustomer[organization.IndexOf(r.Consumer)].Add(r);
        }

        // A department's shortfall as a supplier: the importance-weighted mean gap of its relationships as provider.
        var shortfall = new Dictionary<DepartmentId, double>();
        for (var i = 0; i < n; i++)
        {
            var weight = 0.0;
            var sum = 0.0;
            foreach (var r in asSupplier[i])
            {
                var importance = Importance(r);
                weight += importance;
                sum += importance * r.Gap;
            }

            if (sum > 0)
            {
                shortfall[organization.Departments[i].Id] = Math.Min(1, sum / weight);
            }
        }

        var attribution = UpstreamAttribution.Compute(graph, shortfall, options.Damping).ToFrozenDictionary(a => a.Department);
        var departments = new DepartmentScorecard[n];
        InParts(n, options, quantiles, (from, to, memo) =>
        {
            for (var i = from; i < to; i++)
            {
                departments[i] = Department(i, memo);
            }
        });

        return ImmutableCollectionsMarshal.AsImmutableArray(departments);

        DepartmentScorecard Department(int i, StudentTQuantiles quantiles)
        {
            var department = organization.Departments[i];
            var objectives = asSupplier[i].SelectMany(r => r.Objectives).OrderBy(o => o.Agreement).ThenBy(o => o.Kind).ToImmutableArray();
            var totals = new DepartmentTotals(
                Sum(objectives, ObjectiveKind.FirstResponse),
                Sum(objectives, ObjectiveKind.Resolution),
                asSupplier[i].Aggregate(FeedbackSummary.Empty(options.OverallScale, options.Dimensions), (acc, r) => acc.Merge(r.Feedback)),
                feedback.Trends[i]);
            return new DepartmentScorecard(
                department,
                totals,
                objectives,
                FeedbackMetrics.MeanWith(totals.Feedback.Overall, quantiles),
                totals.Csat(options),
                totals.Nps(options),
                totals.Trend.EstimateWith(quantiles),
                positions[department.Id],
                [.. asSupplier[i]],
                [.. asCustomer[i]],
                attribution[department.Id]);
        }
    }

    private static double Importance(RelationshipHealth r) => (r.Dependence ?? Criticality.Medium).Value / (double)Criticality.MaxValue;

    private static SlaTally Sum(ImmutableArray<ObjectiveCompliance> objectives, ObjectiveKind kind)
    {
        var tally = SlaTally.Empty;
        foreach (var o in objectives)
        {
            if (o.Kind == kind)
            {
                tally = tally.Merge(o.Tally);
            }
        }

        return tally;
    }

    private static ImmutableArray<AttentionItem> Attention(ImmutableArray<RelationshipHealth> relationships, FrozenDictionary<DepartmentId, GraphPosition> positions)
    {
        var scored = relationships
            .Where(r => r.Gap > 0)
            .Select(r =>
            {
                var blast = Math.Max(1, positions[r.Provider].BlastRadius);
                var importance = Importance(r);
                return (Relationship: r, Score: r.Gap * importance * blast, Importance: importance, Blast: blast);
            })
            .OrderByDescending(x => x.Score) // stable: ties stay in the relationships' order, by provider then consumer
            .ToList();
        return [.. scored.Select((x, i) => new AttentionItem(i + 1, x.Relationship, x.Score, x.Importance, x.Blast))];
    }

    // Every finding, by kind (in the order of the Finding remarks); within a kind, relationships in attention-list
    // order (those without a gap after, by provider then consumer), departments by inherited shortfall, reviews by
    // days overdue (ReviewsDue's order).
    private static ImmutableArray<Finding> Findings(
        ImmutableArray<AttentionItem> attention, ImmutableArray<RelationshipHealth> relationships, ImmutableArray<DepartmentScorecard> departments, ImmutableArray<ReviewDue> reviews, ScorecardOptions options)
    {
        var rank = attention.ToDictionary(a => new Relationship(a.Provider, a.Consumer), a => a.Rank);
        var ordered = relationships
            .OrderBy(r => rank.TryGetValue(new Relationship(r.Provider, r.Consumer), out var k) ? k : int.MaxValue) // stable, as above
            .SelectMany(r => r.Findings)
            .ToList();
        var inherited = departments
            .Select(d => d.Attribution)
            .Where(a => a.Shortfall >= options.MinimumShortfall && a.InheritedFraction >= options.MinimumInheritedFraction && !a.BySupplier.IsEmpty)
            .OrderByDescending(a => a.Inherited)
            .ThenBy(a => a.Department)
            .Select(a => new InheritedShortfall(a.Department, a.Shortfall, a.Inherited, a.BySupplier[0], options.MinimumShortfall, options.MinimumInheritedFraction));
        var result = ImmutableArray.CreateBuilder<Finding>();
        result.AddRange(ordered.OfType<SlaMetButUnhappy>());
        result.AddRange(ordered.OfType<HappyButSlaBreached>());
        result.AddRange(ordered.OfType<HeavyDependenceWithoutAgreement>());
        result.AddRange(ordered.OfType<FeedbackOverdue>());
        result.AddRange(ordered.OfType<DecliningSatisfaction>());
        result.AddRange(ordered.OfType<TimeObjectiveBreached>());
        result.AddRange(ordered.OfType<SatisfactionShortfall>());
        result.AddRange(inherited);
        result.AddRange(reviews);
        return result.ToImmutable();
    }

    private static ImmutableArray<ReviewDue> ReviewsDue(Organization organization, ScorecardOptions options)
    {
        var due = new List<ReviewDue>();
        foreach (var a in organization.Agreements)
        {
            var asOfDate = options.AsOf.InZone(organization.GetCalendar(a.Calendar).Zone).Date;
            if (!a.IsEffectiveOn(asOfDate))
            {
                continue;
            }

            var last = LastReview(a, asOfDate, options);
            var dueOn = a.NextReviewDue(last);
            if (dueOn <= asOfDate)
            {
                due.Add(new ReviewDue(a.Id, a.Provider, a.Consumer, last, dueOn, Period.DaysBetween(dueOn, asOfDate)));
            }
        }

        return [.. due.OrderByDescending(d => d.DaysOverdue).ThenBy(d => d.Agreement)];
    }

    private static OrganizationHealth Health(
        DependencyGraph graph,
        ImmutableArray<DepartmentScorecard> departments,
        ImmutableArray<RelationshipHealth> relationships,
        ImmutableArray<AttentionItem> attention,
        ImmutableArray<MutualDependencyCluster> clusters,
        SiloReport silos,
        SinglePointsOfFailure spof,
        BetweennessEstimate betweenness,
        ImmutableArray<ReviewDue> reviews,
        CampaignSummary? campaign,
        ScorecardOptions options)
    {
        var all = departments.Aggregate(DepartmentTotals.Empty(options.OverallScale, options.Dimensions), (acc, d) => acc.Merge(d.Totals));
        var bridging = graph.FindBridgingDepartments();
        var soleSuppliers = graph.FindSoleSuppliers();
        return new OrganizationHealth(
            departments.Length,
            relationships.Length,
            all.Mean(options),
            all.Csat(options),
            all.FirstResponse,
            all.Resolution,
            [.. attention.Take(options.WorstRelationships)],
            clusters,
            silos,
            spof,
            reviews.Length,
            graph.EdgeCount,
            graph.Tiers().Length)
        {
            BridgingDepartmentParts = bridging,
            SoleSuppliers = soleSuppliers,
            GraphFindings = GraphFindings(clusters, silos, bridging, soleSuppliers),
            LatestCampaign = campaign,
            CampaignResponseRate = campaign?.ResponseRate,
            CampaignCoverage = campaign?.Coverage(options.MinimumResponses),
            NonRespondingConsumers = campaign?.NonRespondingConsumers ?? [],
            BetweennessSources = betweenness.Sources.Length,
            BetweennessErrorBound = betweenness.ErrorBound(),
        };
    }

    // The graph findings: mutual-dependency clusters (FindMutualDependencies' order), silos (every weakly connected group
    // but the largest, ties kept by the first id; by their first id), bridging departments (by id), shared sole
    // suppliers (FindSoleSuppliers' ranking).
    private static ImmutableArray<GraphFinding> GraphFindings(
        ImmutableArray<MutualDependencyCluster> clusters, SiloReport silos, ImmutableArray<BridgingDepartment> bridging, ImmutableArray<SoleSupplier> soleSuppliers)
    {
        var result = ImmutableArray.CreateBuilder<GraphFinding>();
        result.AddRange(clusters.Select(c => new MutualDependencyFinding(c)));
        if (silos.Components.Length > 1)
        {
            var main = silos.Components.Select((c, i) => (c.Length, i)).OrderByDescending(x => x.Length).ThenBy(x => x.i).First().i;
            result.AddRange(silos.Components.Where((_, i) => i != main).Select(c => new SiloFinding(c)));
        }

        result.AddRange(bridging.Select(b => new BridgingDepartmentFinding(b)));
        result.AddRange(soleSuppliers.Where(s => s.IsShared).Select(s => new SoleSupplierFinding(s)));
        return result.ToImmutable();
    }
}
