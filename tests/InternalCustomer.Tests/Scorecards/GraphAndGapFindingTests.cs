using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Cli;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>
/// The findings agree with the attention list (every gap the list scores is a finding with the same number), and the
/// graph findings of the built-in example: the departments are the networkx reference values of
/// <c>Dependencies/bridging_reference.py</c>, the sentences worked from them and the example's names.
/// </summary>
public sealed class GraphAndGapFindingTests
{
    /// <summary>
    /// The law of docs/scorecards.md: every attention item (a positive score) has a finding naming its relationship;
    /// its SLA gap is exactly one <see cref="TimeObjectiveBreached"/> or <see cref="HappyButSlaBreached"/>, its satisfaction
    /// gap exactly one <see cref="SatisfactionShortfall"/> or <see cref="SlaMetButUnhappy"/>, each a finding of
    /// <see cref="OrganizationScorecard.Findings"/> whose shortfall is the gap; and every inherited-shortfall finding
    /// carries its department's attribution numbers.
    /// </summary>
    [Property(MaxTest = 30)]
    public Property Every_attention_item_has_findings_naming_its_relationship_with_its_gap_numbers(int seed, bool satisfactionHeavy)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 10, agreements: 18, requests: 160, responses: 220);
        var options = new ScorecardOptions(ScorecardScenario.AsOf) { GapWeights = satisfactionHeavy ? new GapWeights(1, 3) : new GapWeights(1, 1) };
        var card = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
        var failures = new List<string>();
        foreach (var item in card.Attention)
        {
            var r = item.Relationship;
            var mine = card.Findings.OfType<RelationshipFinding>().Where(f => f.Provider == item.Provider && f.Consumer == item.Consumer).ToList();
            if (item.Score <= 0 || mine.Count == 0)
            {
                failures.Add($"{item.Provider}→{item.Consumer}: score {item.Score}, {mine.Count} findings");
                continue;
            }

            var sla = mine.Where(f => f is TimeObjectiveBreached or HappyButSlaBreached).ToList();
            if ((r.SlaGap > 0 ? 1 : 0) != sla.Count || sla.OfType<TimeObjectiveBreached>().Any(f => f.Shortfall != r.SlaGap || f.Objective.IsMet))
            {
                failures.Add($"{item.Provider}→{item.Consumer}: SLA gap {r.SlaGap}, {sla.Count} SLA findings");
            }

            var satisfaction = mine.Where(f => f is SatisfactionShortfall or SlaMetButUnhappy).ToList();
            if ((r.SatisfactionGap > 0 ? 1 : 0) != satisfaction.Count || satisfaction.OfType<SatisfactionShortfall>().Any(f => f.Shortfall != r.SatisfactionGap || f.Csat >= f.Target))
            {
                failures.Add($"{item.Provider}→{item.Consumer}: satisfaction gap {r.SatisfactionGap}, {satisfaction.Count} satisfaction findings");
            }

            if (!mine.All(f => item.Findings.Contains(f)))
            {
                failures.Add($"{item.Provider}→{item.Consumer}: the attention item does not hold its findings");
            }
        }

        foreach (var f in card.Findings.OfType<InheritedShortfall>())
        {
            var a = card.GetDepartment(f.Department).Attribution;
            if (f.Shortfall != a.Shortfall || f.Inherited != a.Inherited || f.MainSupplier != a.BySupplier[0] || f.InheritedFraction != a.InheritedFraction)
            {
                failures.Add($"{f.Department}: inherited shortfall differs from its attribution");
            }
        }

        return (failures.Count == 0).Label(string.Join("; ", failures));
    }

    [Fact]
    public void The_built_in_example_has_its_graph_findings_in_order_and_in_words()
    {
        var organization = ExampleOrganization.Organization();
        var card = Scorecard.Compute(organization, [], [], new ScorecardOptions(Instant.FromUtc(2026, 7, 1, 0, 0)));
        var health = card.Health;
        string Name(DepartmentId id) => $"{organization.GetDepartment(id).Name} ({id})";

        Assert.Equal(health.SinglePointsOfFailure.ArticulationPoints, health.BridgingDepartments);
        Assert.Equal(["controlling", "maintenance", "payroll", "procurement", "quality"], health.BridgingDepartments.Select(d => d.Value));
        Assert.Equal("it-service-desk", health.SoleSuppliers[0].Supplier.Value);
        Assert.True(card.GetDepartment(DepartmentId.Parse("controlling")).Position.IsBridgingDepartment);
        Assert.False(card.GetDepartment(DepartmentId.Parse("it-service-desk")).Position.IsBridgingDepartment);

        // One mutual-dependency cluster, two silos (every weakly connected group but the largest), five bridging
        // departments, eleven shared sole suppliers (two or more dependants; bridging_reference.py).
        var kinds = health.GraphFindings.Select(f => f.GetType()).ToList();
        Assert.Equal(
            [typeof(MutualDependencyFinding), typeof(SiloFinding), typeof(SiloFinding), .. Enumerable.Repeat(typeof(BridgingDepartmentFinding), 5), .. Enumerable.Repeat(typeof(SoleSupplierFinding), 11)],
            kinds);
        Assert.Equal(
            ["it-service-desk", "maintenance", "hr", "logistics", "planning", "quality", "payroll", "procurement", "ehs", "tooling", "controlling"],
            health.GraphFindings.OfType<SoleSupplierFinding>().Select(f => f.Supplier.Supplier.Value));

        var words = health.GraphFindings.Select(f => FindingText.Describe(f, Name)).ToList();
        Assert.Equal("Mutual dependency: IT infrastructure (it-infrastructure) → Maintenance (maintenance) → IT infrastructure (it-infrastructure) (2 departments depend on each other, directly or through the others).", words[0]);
        Assert.Equal("Silo: Controlling (controlling), Manufacturing division (manufacturing) and Shared services (shared-services) work only with each other: none of them serves or is served by a department outside the group.", words[1]);
        Assert.Equal("Silo: Innovation lab (innovation-lab) neither serves nor is served by any other department.", words[2]);
        Assert.Equal("Bridging department: Controlling (controlling) is the only link between 2 otherwise separate parts of the organisation: Manufacturing division (manufacturing); Shared services (shared-services).", words[3]);
        Assert.Equal("Bridging department: Maintenance (maintenance) is the only link between 2 otherwise separate parts of the organisation: 19 departments linked through Line 4 – Final assembly (assembly), Line 2 – Body shop (body-shop), Dispatch preparation (dispatch) and 5 more; IT infrastructure (it-infrastructure).", words[4]);
        Assert.Equal("Sole supplier: IT service desk (it-service-desk) is the only provider of “IT support” to 11 departments (Line 4 – Final assembly (assembly), Line 2 – Body shop (body-shop), Dispatch preparation (dispatch) and 8 more), none of which has an alternative; its failure reaches 15 departments directly or through their suppliers.", words[8]);
        Assert.Equal("Sole supplier: Human resources (hr) is the only provider of “Staffing and shift cover” and “Training” to 6 departments (Line 4 – Final assembly (assembly), Line 2 – Body shop (body-shop), Dispatch preparation (dispatch) and 3 more), none of which has an alternative; its failure reaches 6 departments directly or through their suppliers.", words[10]);
        Assert.Equal("Sole supplier: Controlling (controlling) is the only provider of “Cost reports” to 2 departments (Manufacturing division (manufacturing) and Shared services (shared-services)), none of which has an alternative; its failure reaches 2 departments directly or through their suppliers.", words[^1]);

        // The graph findings are not among the scorecard's findings (which are about how relationships fare).
        Assert.DoesNotContain(card.Findings, f => f is GraphFinding);
    }

    [Fact]
    public void Gap_findings_are_worded_with_their_numbers()
    {
        var breached = new TimeObjectiveBreached(
            DepartmentId.Parse("it"),
            DepartmentId.Parse("ops"),
            new ObjectiveCompliance(AgreementId.Parse("it-ops"), DepartmentId.Parse("it"), DepartmentId.Parse("ops"), ObjectiveKind.Resolution, 0.9, new SlaTally(8, 4, 0, 0)),
            1,
            (0.9 - 0.5) / 0.9);
        Assert.Equal("SLA breached: it serving ops, resolution on time in 50% of 8 decided requests (target 90%) under agreement it-ops, 44.4% short of the target.", breached.ToString());

        var noisy = new SatisfactionShortfall(DepartmentId.Parse("it"), DepartmentId.Parse("ops"), 20, 0.75, new ConfidenceInterval(0.531, 0.888, 0.95), 0.8, 0.0625, 2, 5);
        Assert.False(noisy.IsWhollyBelowTarget);
        Assert.Equal("Satisfaction below target: ops about it, only 75% of 20 responses satisfied (95% interval 53.1%–88.8%, target 80%), 6.3% short of the target; the interval reaches the target, so the shortfall may be sampling noise.", noisy.ToString());
        var clear = noisy with { Interval = new ConfidenceInterval(0.6, 0.79, 0.95) };
        Assert.True(clear.IsWhollyBelowTarget);
        Assert.EndsWith("6.3% short of the target; the whole interval is below it.", clear.ToString());
    }
}
