using InternalCustomer.Feedback.Statistics;
using static InternalCustomer.Feedback.Statistics.ImportancePerformanceQuadrant;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class ImportancePerformanceAnalysisTests
{
    [Fact]
    public void Splits_at_the_means_with_ties_counted_high()
    {
        // Martilla & James (1977) grid, worked by hand. Importance (1–5) and performance (mean rating):
        // reliability (5, 3.0), responsiveness (4, 4.5), assurance (2, 2.5), empathy (1, 4.0), tangibles (3, 3.5).
        // Mean importance = 15/5 = 3, mean performance = 17.5/5 = 3.5.
        // reliability: 5 ≥ 3, 3.0 < 3.5 → concentrate here; responsiveness: high, high → keep up the good work;
        // assurance: low, low → low priority; empathy: low, high → possible overkill;
        // tangibles sits on both means: ties count as high → keep up the good work.
        var r = ImportancePerformanceAnalysis.Classify([5, 4, 2, 1, 3], [3.0, 4.5, 2.5, 4.0, 3.5]);
        Assert.Equal(3.0, r.ImportanceCut);
        Assert.Equal(3.5, r.PerformanceCut);
        Assert.Equal([ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill, KeepUpTheGoodWork], r.Quadrants);
    }

    [Fact]
    public void Uses_caller_cut_points()
    {
        // Cut importance at 4 and performance at the scale midpoint 3 (1–5 scale):
        // (5, 3.0) → high, at the cut → keep up; (4, 2.9) → concentrate; (3.9, 4.8) → overkill; (1, 1) → low priority.
        var r = ImportancePerformanceAnalysis.Classify([5, 4, 3.9, 1], [3.0, 2.9, 4.8, 1], importanceCut: 4, performanceCut: 3);
        Assert.Equal(4.0, r.ImportanceCut);
        Assert.Equal(3.0, r.PerformanceCut);
        Assert.Equal([KeepUpTheGoodWork, ConcentrateHere, PossibleOverkill, LowPriority], r.Quadrants);
    }

    [Fact]
    public void Single_and_empty_inputs()
    {
        Assert.Equal([KeepUpTheGoodWork], ImportancePerformanceAnalysis.Classify([0.1], [0.1]).Quadrants);
        var empty = ImportancePerformanceAnalysis.Classify([], []);
        Assert.Empty(empty.Quadrants);
        Assert.Null(empty.ImportanceCut);
        Assert.Null(empty.PerformanceCut);
        Assert.Equal(2.5, ImportancePerformanceAnalysis.Classify([], [], performanceCut: 2.5).PerformanceCut);
    }

    [Fact]
    public void Equal_importances_stay_tied_at_their_mean()
    {
        // The mean of equal values is that value exactly, so all are "high importance".
        var r = ImportancePerformanceAnalysis.Classify([0.1, 0.1, 0.1], [1, 2, 3]);
        Assert.Equal(0.1, r.ImportanceCut);
        Assert.Equal([ConcentrateHere, KeepUpTheGoodWork, KeepUpTheGoodWork], r.Quadrants);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Rejects<ArgumentException>("performance", "Expected as many values as importance (2); got 1.", () => ImportancePerformanceAnalysis.Classify([1, 2], [1]));
        Rejects<ArgumentException>("importance", "Importance values must be finite numbers; got NaN at index 1.", () => ImportancePerformanceAnalysis.Classify([1, double.NaN], [1, 2]));
        Rejects<ArgumentException>("performance", "Performance values must be finite numbers; got Infinity at index 0.", () => ImportancePerformanceAnalysis.Classify([1], [double.PositiveInfinity]));
        Rejects<ArgumentException>("performanceCut", "The performance cut point must be a finite number; got NaN.", () => ImportancePerformanceAnalysis.Classify([1], [1], performanceCut: double.NaN));
    }
}
