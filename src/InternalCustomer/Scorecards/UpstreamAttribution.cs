using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Dependencies;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Upstream attribution: how much of each department's shortfall traces to its suppliers, by an
/// input–output (Leontief) model of how shortfalls propagate along the dependency graph.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Let <c>d</c> be the measured shortfall of every department (0–1), and
/// <c>A</c> the technical-coefficient matrix with <c>A[k, j] = α · w[j, k]</c> for every edge
/// "consumer <c>j</c> depends on supplier <c>k</c>", where <c>w[j, k]</c> is the edge's criticality
/// divided by the sum of criticalities of <c>j</c>'s suppliers (so each consumer's weights sum to 1) and
/// <c>α</c> is the damping (the fraction of a supplier's trouble that passes on). Column sums of <c>A</c>
/// are therefore <c>α &lt; 1</c> (or 0 for a department without suppliers): the Hawkins–Simon
/// condition holds, <c>L = (I − A)^-1</c> exists and is non-negative, and the system is well
/// conditioned (∞-norm condition number of <c>I − Aᵀ</c> at most <c>(1 + α)/(1 − α)</c>, 3 for the default 0.5).</para>
/// <para>Treating the measured shortfalls as direct shocks, the total impact on each department is
/// <c>t = d + Aᵀ t</c>, i.e. <c>t = Lᵀ d</c>, solved with MathNet.Numerics (BiCgStab on the sparse
/// matrix). Of <c>t[j]</c>, the part <c>t[j] − d[j] = Σ_k A[k, j] · t[k]</c> arrives from suppliers; the
/// department's measured shortfall is split in that proportion:
/// <c>inherited[j] = d[j] · (t[j] − d[j]) / t[j]</c>, <c>own[j] = d[j] − inherited[j]</c>, and supplier
/// <c>k</c>'s share is <c>d[j] · A[k, j] · t[k] / t[j]</c>. Every result is non-negative and no larger than
/// the shortfall. (Leontief 1936; Miller &amp; Blair, <i>Input–Output Analysis</i>, 2009, ch. 2.)</para>
/// </remarks>
public static class UpstreamAttribution
{
    /// <summary>The default damping: half of a supplier's shortfall passes on to its consumers.</summary>
    public const double DefaultDamping = 0.5;

    /// <summary>The largest damping accepted: 0.95 keeps the condition number of <c>I − Aᵀ</c> at most 39.</summary>
    public const double MaxDamping = 0.95;

    /// <summary>Computes the attribution of every department of the graph.</summary>
    /// <param name="graph">The dependency graph (edges consumer → provider with criticality).</param>
    /// <param name="shortfall">Measured shortfall per department, each in [0, 1]; departments not listed have none.</param>
    /// <param name="damping">The fraction α of a supplier's shortfall passed on, in [0, <see cref="MaxDamping"/>].</param>
    /// <returns>One attribution per department of the graph, in the graph's department order (by id).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A shortfall is outside [0, 1] or not finite, names a department not in the graph, or <paramref name="damping"/> is outside [0, 0.95].</exception>
    public static ImmutableArray<Attribution> Compute(DependencyGraph graph, IReadOnlyDictionary<DepartmentId, double> shortfall, double damping = DefaultDamping)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(shortfall);
        if (!(damping >= 0 && damping <= MaxDamping))
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, string.Create(CultureInfo.InvariantCulture, $"Damping must be in [0, 0.95]; got {damping}."));
        }

        var departments = graph.Departments;
        var n = departments.Length;
        var index = departments.Select((d, i) => KeyValuePair.Create(d.Id, i)).ToFrozenDictionary();
        var d = new double[n];
        foreach (var (id, value) in shortfall)
        {
            if (!index.TryGetValue(id, out var i))
            {
                throw new ArgumentException($"Expected shortfalls of departments in the graph; got one for '{id}', which is not in it.", nameof(shortfall));
            }

            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(shortfall), value, string.Create(CultureInfo.InvariantCulture, $"A shortfall must be in [0, 1]; got {value} for '{id}'."));
            }

            d[i] = value;
        }

        // Coefficients per consumer j: (supplier k, α · w[j, k]).
        var coefficients = new (int Supplier, double A)[n][];
        var entries = new List<(int, int, double)>(graph.EdgeCount + n);
        for (var j = 0; j < n; j++)
        {
            var providers = graph.ProvidersOf(departments[j].Id);
            var total = 0.0;
            foreach (var edge in providers)
            {
                total += edge.Criticality.Value;
            }

            var row = new (int, double)[providers.Length];
            for (var e = 0; e < providers.Length; e++)
            {
                var k = index[providers[e].Provider];
                var a = damping * providers[e].Criticality.Value / total;
                row[e] = (k, a);
                entries.Add((j, k, -a)); // row j of (I − Aᵀ)
            }

            coefficients[j] = row;
            entries.Add((j, j, 1.0));
        }

        var t = Solve(n, entries, d);
        var result = ImmutableArray.CreateBuilder<Attribution>(n);
        for (var j = 0; j < n; j++)
        {
            if (d[j] <= 0 || t[j] <= 0)
            {
                result.Add(new Attribution(departments[j].Id, d[j], d[j], 0, []));
                continue;
            }

            var shares = new List<SupplierShare>(coefficients[j].Length);
            var inherited = 0.0;
            foreach (var (k, a) in coefficients[j])
            {
                var share = d[j] * a * t[k] / t[j];
                if (share > 0)
                {
                    shares.Add(new SupplierShare(departments[k].Id, share));
                    inherited += share;
                }
            }

            // Rounding can leave inherited a hair above the shortfall; the model guarantees it is not.
            inherited = Math.Min(inherited, d[j]);
            shares.Sort((x, y) => y.Share != x.Share ? y.Share.CompareTo(x.Share) : x.Supplier.CompareTo(y.Supplier));
            result.Add(new Attribution(departments[j].Id, d[j], d[j] - inherited, inherited, [.. shares]));
        }

        return result.MoveToImmutable();
    }

    private static double[] Solve(int n, List<(int Row, int Column, double Value)> entries, double[] d)
    {
        if (n == 0)
        {
            return [];
        }

        var b = Vector<double>.Build.DenseOfArray(d);
        if (b.AbsoluteMaximum() == 0)
        {
            return new double[n];
        }

        var m = SparseMatrix.OfIndexed(n, n, entries);
        var iterator = new Iterator<double>(
            new IterationCountStopCriterion<double>(10 * n + 100),
            new ResidualStopCriterion<double>(1e-10),
            new DivergenceStopCriterion<double>(),
            new FailureStopCriterion<double>());
        Vector<double> x;
        try
        {
            x = m.SolveIterative(b, new BiCgStab(), iterator);
            if (iterator.Status != IterationStatus.Converged)
            {
                x = b.Clone();
            }
        }
        catch (MathNet.Numerics.NumericalBreakdownException)
        {
            // BiCgStab breaks down when it hits the exact solution early (seen on tiny systems);
            // the Richardson refinement below converges from any start because it contracts by α.
            x = b.Clone();
        }

        // Refine to machine precision with Richardson steps x ← x + (b − M x) = d + Aᵀ x, a contraction
        // by α per step (measured: BiCgStab alone stops near 1e-11 relative error on small systems).
        var converged = false;
        for (var step = 0; step < 2000 && !converged; step++)
        {
            var r = b - (m * x);
            x += r;
            converged = r.InfinityNorm() <= 1e-15 * Math.Max(1, x.InfinityNorm());
        }

        if (!converged)
        {
            throw new InvalidOperationException("The attribution system did not converge in 2,000 refinement steps; with damping at most 0.95 this cannot happen and indicates a bug.");
        }

        var t = x.ToArray();
        for (var i = 0; i < n; i++)
        {
            // t ≥ d ≥ 0 exactly; clamp the solver's last-digit noise.
            t[i] = Math.Max(t[i], d[i]);
        }

        return t;
    }
}
