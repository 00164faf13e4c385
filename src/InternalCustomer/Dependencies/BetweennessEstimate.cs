using System.Collections.Immutable;
using System.Globalization;

namespace InternalCustomer.Dependencies;

/// <summary>
/// Betweenness centrality estimated from the shortest paths of a sample of source departments
/// (<see cref="DependencyGraph.EstimateBetweenness(int, int)"/>): the values, the sources they came from and how far
/// they can be from the exact <see cref="DependencyGraph.Betweenness"/>.
/// </summary>
public sealed class BetweennessEstimate
{
    internal BetweennessEstimate(DepartmentValues<double> values, ImmutableArray<DepartmentId> sources, int departmentCount)
    {
        Values = values;
        Sources = sources;
        DepartmentCount = departmentCount;
    }

    /// <summary>Gets the estimated betweenness of every department, normalised as <see cref="DependencyGraph.Betweenness"/> is.
    /// An estimate can exceed the exact value's maximum of 1 (up to <c>n / (n − 1)</c>): a department searched through by
    /// every sampled source is scaled up as if every source did.</summary>
    public DepartmentValues<double> Values { get; }

    /// <summary>Gets the source departments whose shortest paths were searched, in id order.</summary>
    public ImmutableArray<DepartmentId> Sources { get; }

    /// <summary>Gets the number of departments of the graph.</summary>
    public int DepartmentCount { get; }

    /// <summary>Gets a value indicating whether every department was a source, so that <see cref="Values"/> are the exact
    /// betweenness (bit for bit those of <see cref="DependencyGraph.Betweenness"/>).</summary>
    public bool IsExact => Sources.Length == DepartmentCount;

    /// <summary>
    /// Gets the half-width <c>ε</c> of a confidence interval around each department's estimate: with probability at
    /// least <paramref name="confidence"/> over a uniformly random sample of the sources (as
    /// <see cref="DependencyGraph.EstimateBetweenness(int, int)"/> draws), one department's estimate is within <c>ε</c> of
    /// its exact betweenness. For sources a caller picked (<see cref="DependencyGraph.EstimateBetweenness(IEnumerable{DepartmentId})"/>)
    /// it says what a random sample of that size would give, nothing about those sources.
    /// </summary>
    /// <param name="confidence">The confidence level, in (0, 1); default 0.95. For every department at once, pass
    /// <c>1 − (1 − confidence) / n</c> (the union bound over the <c>n</c> departments).</param>
    /// <returns><c>ε = n / (n − 1) × √((1 − (k − 1) / n) × ln(2 / (1 − confidence)) / (2k))</c> for <c>k</c> sources of
    /// <c>n</c> departments; 0 when the estimate is exact or the graph has at most 2 departments (every value is 0 then).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1).</exception>
    /// <remarks>Serfling's inequality for sampling without replacement (Serfling 1974, "Probability inequalities for the
    /// sum in sampling without replacement", Ann. Statist. 2(1), Corollary 1.1), two-sided: the estimate is the mean of
    /// <c>k</c> of the <c>n</c> terms <c>n δ_s(v) / ((n − 1)(n − 2))</c>, each in <c>[0, n / (n − 1)]</c> because a
    /// dependency <c>δ_s(v)</c> is at most the <c>n − 2</c> targets other than <c>s</c> and <c>v</c>. The bound is
    /// distribution-free and so conservative: typical errors are far smaller.</remarks>
    public double ErrorBound(double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, string.Create(CultureInfo.InvariantCulture, $"Confidence must be in (0, 1); got {confidence}."));
        }

        var n = (double)DepartmentCount;
        var k = (double)Sources.Length;
        if (IsExact || DepartmentCount <= 2)
        {
            return 0;
        }

        return n / (n - 1) * Math.Sqrt((1 - ((k - 1) / n)) * Math.Log(2 / (1 - confidence)) / (2 * k));
    }
}
