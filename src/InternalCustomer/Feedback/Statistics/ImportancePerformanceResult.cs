namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="ImportancePerformanceAnalysis.Classify"/>: the cut points used and one quadrant
/// per dimension.</summary>
public sealed record ImportancePerformanceResult
{
    internal ImportancePerformanceResult(double? importanceCut, double? performanceCut, IReadOnlyList<ImportancePerformanceQuadrant> quadrants)
    {
        ImportanceCut = importanceCut;
        PerformanceCut = performanceCut;
        Quadrants = quadrants;
    }

    /// <summary>Gets the importance cut point used (the mean unless given); <see langword="null"/> for empty input without a given cut.</summary>
    public double? ImportanceCut { get; }

    /// <summary>Gets the performance cut point used (the mean unless given); <see langword="null"/> for empty input without a given cut.</summary>
    public double? PerformanceCut { get; }

    /// <summary>Gets the quadrant of each dimension, in input order.</summary>
    public IReadOnlyList<ImportancePerformanceQuadrant> Quadrants { get; }
}
