using System.Collections.Immutable;
using System.Runtime.InteropServices;
using InternalCustomer.Agreements;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>The relationships: the SLA and feedback views of each provider–consumer pair, its gaps and its findings.</content>
public static partial class Scorecard
{
    private static ImmutableArray<RelationshipHealth> Relationships(
        Organization organization, DependencyGraph graph, SlaData sla, FeedbackData feedback, ImprovementData improvements, StudentTQuantiles quantiles, ScorecardOptions options)
    {
        // Every relationship with a dependency, an agreement or feedback, keyed by provider index × n + consumer index: the
        // departments are in id order, so the codes sort as the relationships do (provider, then consumer, ordinal), and a
        // sort of integers replaces a tree of string comparisons (at 4,000 departments the tree alone took ~100 ms).
        var n = (long)organization.Departments.Length;
        long Code(DepartmentId provider, DepartmentId consumer) => (organization.IndexOf(provider) * n) + organization.IndexOf(consumer);
        var dependence = new Dictionary<long, Criticality>();
        foreach (var e in graph.GetEdges())
        {
            dependence[Code(e.Provider, e.Consumer)] = e.Criticality;
        }

        var agreementsOf = new Dictionary<long, List<ServiceAgreement>>();
        foreach (var a in organization.Agreements)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(agreementsOf, Code(a.Provider, a.Consumer), out _);
            (list ??= []).Add(a);
        }

        var cells = new Dictionary<long, FeedbackSummary>(feedback.Cells.Count);
        foreach (var (pair, summary) in feedback.Cells)
        {
            cells[Code(pair.Provider, pair.Consumer)] = summary;
        }

        var codes = new List<long>(dependence.Count + agreementsOf.Count + cells.Count);
        codes.AddRange(dependence.Keys);
        codes.AddRange(agreementsOf.Keys);
        codes.AddRange(cells.Keys);
        codes.Sort();
        var distinct = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            if (i == 0 || codes[i] != codes[i - 1])
            {
                codes[distinct++] = codes[i];
            }
        }

        // Each relationship's health depends on nothing but the views: computed in parts on every core the options allow,
        // each part with its own memo of t quantiles (whose values do not depend on the memo), written at its own index.
        var result = new RelationshipHealth[distinct];
        InParts(distinct, options, quantiles, (from, to, memo) =>
        {
            for (var i = from; i < to; i++)
            {
                result[i] = Health(codes[i], memo);
            }
        });

        return ImmutableCollectionsMarshal.AsImmutableArray(result);

        RelationshipHealth Health(long code, StudentTQuantiles quantiles)
        {
            var key = new Relationship(organization.Departments[(int)(code / n)].Id, organization.Departments[(int)(code % n)].Id);
            var agreements = agreementsOf.GetValueOrDefault(code) ?? [];
            var summary = cells.GetValueOrDefault(code) ?? FeedbackSummary.Empty(options.OverallScale, options.Dimensions);
            var objectives = Objectives(agreements, sla, summary, options);
            var totals = AgreementTotals(agreements, sla);
            var csat = FeedbackMetrics.Csat(summary.Overall, options.CsatTopBoxes, options.ConfidenceLevel);
            var satisfactionTarget = agreements.Where(a => a.Satisfaction is not null).Select(a => a.Satisfaction!.Target).DefaultIfEmpty(options.SatisfactionTarget).Max();
            var decided = objectives.Where(o => o.Kind != ObjectiveKind.Satisfaction && o.HasData).ToList();
            var slaGap = decided.Count > 0 ? decided.Max(o => RelativeShortfall(o.Target, o.Tally.Compliance!.Value)) : 0;
            var satisfactionKnown = summary.Count >= options.MinimumResponses && csat.Value is not null;
            var satisfactionGap = satisfactionKnown ? RelativeShortfall(satisfactionTarget, csat.Value!.Value) : 0;
            var gap = (decided.Count > 0, satisfactionKnown) switch
            {
                (true, true) => options.GapWeights.Combine(slaGap, satisfactionGap),
                (true, false) => slaGap,
                (false, true) => satisfactionGap,
                _ => 0,
            };

            var criticality = dependence.TryGetValue(code, out var c) ? c : (Criticality?)null;
            var timeline = feedback.Timelines.TryGetValue(key, out var t) ? t : (RelationshipTimeline?)null;
            var last = timeline?.Last;
            var trend = (timeline?.Trend ?? TrendSummary.Empty).EstimateWith(quantiles);
            var health = new RelationshipHealth(
                key.Provider,
                key.Consumer,
                [.. agreements.Select(a => a.Id)],
                objectives,
                criticality,
                summary,
                FeedbackMetrics.MeanWith(summary.Overall, quantiles),
                csat,
                trend,
                satisfactionTarget,
                last,
                slaGap,
                satisfactionGap,
                gap,
                [],
                improvements.Actions.GetValueOrDefault(key, []),
                improvements.InFlight.GetValueOrDefault(key, []),
                improvements.Effects.GetValueOrDefault(key, []))
            {
                AgreementTotals = totals,
            };
            return health.WithFindings(RelationshipFindings(organization, health, agreements, satisfactionKnown, options));
        }
    }

    // Runs work(from, to, memo) over [0, count): in one call on this thread with the caller's memo when the options ask for
    // one thread or there is little to do, else in near-equal parts on up to MaxDegreeOfParallelism threads, each part
    // with its own memo of t quantiles. The work must write only what its own range owns. Should a part throw, the work
    // is done again in one call, so that the exception is the one a single thread meets first (not an AggregateException).
    private static void InParts(int count, ScorecardOptions options, StudentTQuantiles quantiles, Action<int, int, StudentTQuantiles> work)
    {
        var parts = Math.Min(Cores(options), count / MinimumItemsPerPart);
        if (parts > 1)
        {
            try
            {
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, TaskScheduler = TaskScheduler.Default }, p =>
                {
                    var (start, length) = Slice(count, p, parts);
                    work(start, start + length, new StudentTQuantiles(quantiles.Level));
                });
                return;
            }
            catch (AggregateException)
            {
                // Fall through to the single pass, which throws the first failure in order.
            }
        }

        work(0, count, quantiles);
    }

    // For an agreement with objectives per request class, one row per time objective kind for all its requests together:
    // the whole-agreement tally (unmatched and unmeasured requests included) against the sets' decided-weighted target
    // (their plain mean while nothing is decided). ObjectiveSet stays null.
    private static ImmutableArray<ObjectiveCompliance> AgreementTotals(List<ServiceAgreement> agreements, SlaData sla)
    {
        var totals = ImmutableArray.CreateBuilder<ObjectiveCompliance>();
        foreach (var a in agreements)
        {
            if (!sla.BySet.TryGetValue(a.Id, out var bySet))
            {
                continue;
            }

            var (first, resolution) = sla.Tallies[a.Id];
            foreach (var (kind, whole, sets) in new[] { (ObjectiveKind.FirstResponse, first, bySet.FirstResponse), (ObjectiveKind.Resolution, resolution, bySet.Resolution) })
            {
                double weighted = 0, decided = 0, plain = 0;
                var count = 0;
                for (var k = 0; k < a.ObjectiveSets.Length; k++)
                {
                    if (a.ObjectiveSets[k].Objective(kind) is { } objective)
                    {
                        weighted += objective.Target * sets[k].Decided;
                        decided += sets[k].Decided;
                        plain += objective.Target;
                        count++;
                    }
                }

                if (count > 0)
                {
                    totals.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, kind, decided > 0 ? weighted / decided : plain / count, whole));
                }
            }
        }

        return totals.ToImmutable();
    }

    private static ImmutableArray<ObjectiveCompliance> Objectives(List<ServiceAgreement> agreements, SlaData sla, FeedbackSummary summary, ScorecardOptions options)
    {
        var objectives = ImmutableArray.CreateBuilder<ObjectiveCompliance>();
        foreach (var a in agreements)
        {
            var (first, resolution) = sla.Tallies[a.Id];
            if (sla.BySet.TryGetValue(a.Id, out var bySet))
            {
                // Objectives per request class: one compliance per set, each against its own target ("P1 breached, P3 met").
                for (var k = 0; k < a.ObjectiveSets.Length; k++)
                {
                    var set = a.ObjectiveSets[k];
                    if (set.FirstResponse is { } sf)
                    {
                        objectives.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, ObjectiveKind.FirstResponse, sf.Target, bySet.FirstResponse[k]) { ObjectiveSet = set.Name });
                    }

                    if (set.Resolution is { } sr)
                    {
                        objectives.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, ObjectiveKind.Resolution, sr.Target, bySet.Resolution[k]) { ObjectiveSet = set.Name });
                    }
                }

                continue;
            }

            if (a.FirstResponse is { } f)
            {
                objectives.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, ObjectiveKind.FirstResponse, f.Target, first));
            }

            if (a.Resolution is { } r)
            {
                objectives.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, ObjectiveKind.Resolution, r.Target, resolution));
            }
        }

        // A satisfaction objective is judged from the relationship's feedback: every response is decided, and one
        // outside the top boxes is breached (the budget of SatisfactionObjective.Judge).
        var satisfied = summary.Overall.CountAtOrAbove(options.OverallScale.Max - options.CsatTopBoxes + 1);
        foreach (var a in agreements)
        {
            if (a.Satisfaction is { } objective)
            {
                var budget = objective.Judge(satisfied, summary.Count);
                objectives.Add(new ObjectiveCompliance(a.Id, a.Provider, a.Consumer, ObjectiveKind.Satisfaction, objective.Target, new SlaTally(budget.Decided, budget.Breached, 0, 0)));
            }
        }

        return objectives.ToImmutable();
    }

    // The findings of one relationship, in the order of the kinds in OrganizationScorecard.Findings.
    private static ImmutableArray<RelationshipFinding> RelationshipFindings(
        Organization organization, RelationshipHealth r, List<ServiceAgreement> agreements, bool satisfactionKnown, ScorecardOptions options)
    {
        var findings = ImmutableArray.CreateBuilder<RelationshipFinding>();

        // Unhappy only when the whole interval lies below the target: with 8 responses a quarter, a CSAT of 79%
        // against 80% is noise, not a finding. Happy likewise only when the whole interval is at or above it.
        if (satisfactionKnown && r.Csat is { Value: { } csat, Interval: { } interval })
        {
            if (r.SlaMet == true && interval.Upper < r.SatisfactionTarget)
            {
                var met = r.Objectives.Where(o => o.Kind != ObjectiveKind.Satisfaction && o.HasData).ToImmutableArray();
                findings.Add(new SlaMetButUnhappy(r.Provider, r.Consumer, met, r.Feedback.Count, csat, interval, r.SatisfactionTarget, options.CsatTopBoxes, options.MinimumResponses));
            }

            if (r.SlaMet == false && interval.Lower >= r.SatisfactionTarget)
            {
                findings.Add(new HappyButSlaBreached(r.Provider, r.Consumer, r.WorstTimeObjective!, r.Feedback.Count, csat, interval, r.SatisfactionTarget, options.CsatTopBoxes, options.MinimumResponses));
            }
        }

        if (agreements.Count == 0 && r.Dependence is { } dependence && dependence >= options.HeavyDependence)
        {
            findings.Add(new HeavyDependenceWithoutAgreement(r.Provider, r.Consumer, dependence, options.HeavyDependence));
        }

        if (FeedbackOverdue(organization, r, agreements, options.AsOf) is { } overdue)
        {
            findings.Add(overdue);
        }

        if (r.Trend is { SlopePer30Days: < 0 and var slope, PValue: { } p } && p < options.TrendSignificance)
        {
            findings.Add(new DecliningSatisfaction(r.Provider, r.Consumer, slope, r.Trend.Interval, p, r.Trend.Count, options.TrendSignificance));
        }

        // Every gap the attention list scores is a finding: an SLA gap is a breached time objective (unless the customer is
        // clearly happy, which HappyButSlaBreached says), a satisfaction gap a CSAT below target (unless SlaMetButUnhappy
        // says it). The shortfalls are the relationship's gaps themselves, so the numbers agree with the attention list.
        if (r.SlaGap > 0 && !findings.Any(f => f is HappyButSlaBreached))
        {
            var decided = r.Objectives.Where(o => o.Kind != ObjectiveKind.Satisfaction && o.HasData).ToList();
            var worst = decided.MaxBy(o => RelativeShortfall(o.Target, o.Tally.Compliance!.Value))!;
            findings.Add(new TimeObjectiveBreached(r.Provider, r.Consumer, worst, decided.Count(o => !o.IsMet), r.SlaGap));
        }

        if (r.SatisfactionGap > 0 && r.Csat is { Value: { } shortCsat, Interval: { } shortInterval } && !findings.Any(f => f is SlaMetButUnhappy))
        {
            findings.Add(new SatisfactionShortfall(r.Provider, r.Consumer, r.Feedback.Count, shortCsat, shortInterval, r.SatisfactionTarget, r.SatisfactionGap, options.CsatTopBoxes, options.MinimumResponses));
        }

        return findings.ToImmutable();
    }

    // Under each agreement in effect on the as-of date (in its zone), feedback is overdue when the last feedback
    // (or, without any, the agreement's first effective day) plus the review cadence is before the as-of date.
    private static FeedbackOverdue? FeedbackOverdue(Organization organization, RelationshipHealth r, List<ServiceAgreement> agreements, Instant asOf)
    {
        FeedbackOverdue? worst = null;
        foreach (var a in agreements.OrderBy(a => a.Id))
        {
            var zone = organization.GetCalendar(a.Calendar).Zone;
            var asOfDate = asOf.InZone(zone).Date;
            if (!a.IsEffectiveOn(asOfDate))
            {
                continue;
            }

            var since = r.LastFeedback is { } l ? l.InZone(zone).Date : a.EffectiveFrom;
            var finding = new FeedbackOverdue(r.Provider, r.Consumer, a.Id, r.LastFeedback, since, a.ReviewCadence, asOfDate);
            if (finding.DueBy < asOfDate && (worst is null || finding.DaysOverdue > worst.DaysOverdue))
            {
                worst = finding;
            }
        }

        return worst;
    }

    private static double RelativeShortfall(double target, double achieved) =>
        target <= 0 ? 0 : Math.Clamp((target - achieved) / target, 0, 1);
}
