using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using MathNet.Numerics.LinearAlgebra;

namespace InternalCustomer.Tests.Scorecards;

public class UpstreamAttributionTests
{
    private static DepartmentId Id(string s) => DepartmentId.Parse(s);

    private static DependencyGraph Graph(string[] departments, params (string Consumer, string Provider, int Criticality)[] edges) =>
        DependencyGraph.Create(
            departments.Select(d => new Department(Id(d), d.ToUpperInvariant())),
            edges.Select(e => DependencyEdge.Create(e.Provider, e.Consumer, e.Criticality)));

    [Fact]
    public void Chain_splits_the_consumers_shortfall_by_the_worked_example()
    {
        // prod depends on it. d_it = 0.4, d_prod = 0.3, α = 0.5, w(prod → it) = 1.
        // t_it = 0.4 (no suppliers); t_prod = 0.3 + 0.5 · 0.4 = 0.5.
        // inherited_prod = 0.3 · (0.5 − 0.3) / 0.5 = 0.12; own_prod = 0.18.
        var graph = Graph(["it", "prod"], ("prod", "it", 3));
        var result = UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double> { [Id("it")] = 0.4, [Id("prod")] = 0.3 });

        var prod = result.Single(a => a.Department == Id("prod"));
        var it = result.Single(a => a.Department == Id("it"));
        Assert.Equal(0.12, prod.Inherited, 12);
        Assert.Equal(0.18, prod.Own, 12);
        Assert.Equal(0.4, prod.InheritedFraction, 12);
        Assert.Equal(Id("it"), Assert.Single(prod.BySupplier).Supplier);
        Assert.Equal(0, it.Inherited);
        Assert.Equal(0.4, it.Own);
    }

    [Fact]
    public void Mutual_dependence_is_solved_as_a_system_by_the_worked_example()
    {
        // a ↔ b, α = 0.5, d_a = 0.2, d_b = 0.4.
        // t_a = 0.2 + 0.5 t_b, t_b = 0.4 + 0.5 t_a  ⇒  t_a = 8/15, t_b = 10/15.
        // inherited_a = 0.2 · (8/15 − 3/15) / (8/15) = 0.125; inherited_b = 0.4 · (10/15 − 6/15) / (10/15) = 0.16.
        var graph = Graph(["a", "b"], ("a", "b", 2), ("b", "a", 5));
        var result = UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double> { [Id("a")] = 0.2, [Id("b")] = 0.4 });

        Assert.Equal(0.125, result[0].Inherited, 12);
        Assert.Equal(0.16, result[1].Inherited, 12);
    }

    [Fact]
    public void Supplier_shares_follow_criticality_weights()
    {
        // line depends on it (criticality 4) and hr (criticality 1); only the suppliers fall short.
        // w = 4/5 and 1/5; t_it = t_hr = 0.5; t_line = 0.1 + 0.5 · (0.8 · 0.5 + 0.2 · 0.5) = 0.35.
        // shares: it = 0.1 · 0.4 · 0.5 / 0.35, hr = 0.1 · 0.1 · 0.5 / 0.35.
        var graph = Graph(["hr", "it", "line"], ("line", "it", 4), ("line", "hr", 1));
        var result = UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double> { [Id("it")] = 0.5, [Id("hr")] = 0.5, [Id("line")] = 0.1 });

        var line = result.Single(a => a.Department == Id("line"));
        Assert.Equal([Id("it"), Id("hr")], line.BySupplier.Select(s => s.Supplier));
        Assert.Equal(0.1 * 0.4 * 0.5 / 0.35, line.BySupplier[0].Share, 12);
        Assert.Equal(0.1 * 0.1 * 0.5 / 0.35, line.BySupplier[1].Share, 12);
    }

    [Fact]
    public void Bad_input_is_rejected_with_clear_messages()
    {
        var graph = Graph(["a", "b"], ("a", "b", 3));

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double> { [Id("a")] = 1.5 }));
        var unknown = Assert.Throws<ArgumentException>(() => UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double> { [Id("zz")] = 0.1 }));
        var damping = Assert.Throws<ArgumentOutOfRangeException>(() => UpstreamAttribution.Compute(graph, new Dictionary<DepartmentId, double>(), damping: 1));

        Assert.Equal("shortfall", range.ParamName);
        Assert.Contains("A shortfall must be in [0, 1]; got 1.5 for 'a'.", range.Message, StringComparison.Ordinal);
        Assert.Equal("shortfall", unknown.ParamName);
        Assert.Contains("got one for 'zz', which is not in it", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("damping", damping.ParamName);
        Assert.Contains("Damping must be in [0, 0.95]; got 1.", damping.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public Property Attribution_is_non_negative_bounded_and_matches_the_dense_Leontief_inverse(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 25);
        var names = Enumerable.Range(0, n).Select(i => $"d{i}").ToArray();
        var edges = new HashSet<(string, string)>();
        for (var e = random.Next(0, 3 * n); e > 0; e--)
        {
            var c = random.Next(n);
            var p = random.Next(n);
            if (c != p)
            {
                edges.Add((names[c], names[p]));
            }
        }

        var criticality = edges.ToDictionary(e => e, _ => random.Next(1, 6));
        var graph = Graph(names, [.. edges.Select(e => (e.Item1, e.Item2, criticality[e]))]);
        var shortfall = names.Where(_ => random.Next(3) > 0).ToDictionary(Id, _ => random.NextDouble());
        var damping = random.NextDouble() * 0.9;

        var result = UpstreamAttribution.Compute(graph, shortfall, damping);

        // Independent reference: the dense inverse L = (I − A)^-1 with MathNet, t = Lᵀ d.
        var sorted = names.Order(StringComparer.Ordinal).ToArray();
        var at = sorted.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var a = Matrix<double>.Build.Dense(n, n);
        foreach (var consumer in names)
        {
            var own = edges.Where(e => e.Item1 == consumer).ToList();
            var total = own.Sum(e => criticality[e]);
            foreach (var e in own)
            {
                a[at[e.Item2], at[consumer]] = damping * criticality[e] / total;
            }
        }

        var d = Vector<double>.Build.Dense(n, i => shortfall.GetValueOrDefault(Id(sorted[i])));
        var l = (Matrix<double>.Build.DenseIdentity(n) - a).Inverse();
        var t = l.Transpose() * d;

        var ok = true;
        for (var i = 0; i < n; i++)
        {
            var r = result[i];
            var expectedInherited = d[i] > 0 ? d[i] * (t[i] - d[i]) / t[i] : 0;
            ok &= r.Department == Id(sorted[i])
                && r.Own >= 0 && r.Inherited >= 0
                && r.Inherited <= r.Shortfall + 1e-15
                && Math.Abs(r.Own + r.Inherited - r.Shortfall) < 1e-12
                && Math.Abs(r.BySupplier.Sum(s => s.Share) - r.Inherited) < 1e-9
                && Math.Abs(r.Inherited - expectedInherited) < 1e-9;
        }

        return ok.Label($"n={n}, edges={edges.Count}, damping={damping}");
    }
}
