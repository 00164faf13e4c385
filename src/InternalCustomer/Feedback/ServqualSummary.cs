using System.Collections.Immutable;
using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// Mergeable SERVQUAL summaries for one <see cref="DimensionSet"/>: per dimension the perception ratings,
/// the expectation ratings and the paired gaps (perception − expectation of the same response), plus the
/// importance-weighted gap of the responses that rated every dimension.
/// </summary>
/// <remarks>
/// <para>The gap of a dimension is taken per response over the responses that gave both a perception and
/// an expectation for it, so its mean equals mean perception − mean expectation over those responses and
/// its interval is the paired one (R: <c>t.test(p, e, paired = TRUE)</c>). Gaps are whole numbers in
/// [−(max − min), max − min] and are kept as a <see cref="RatingSummary"/> on that scale.</para>
/// <para>The weighted gap of a response is <c>Σ w_d (P_d − E_d)</c> with the set's normalised weights; it is
/// only defined for responses that rated every dimension both ways (the complete responses). The summary keeps, over
/// the n complete responses, the exact integer sums of the gaps <c>S_d = Σ g_d</c> and of their products
/// <c>S_de = Σ g_d·g_e</c> (<see cref="CompleteGapSums"/>, <see cref="CompleteGapProducts"/>), and derives
/// <see cref="WeightedGap"/> from them by one fixed formula: mean <c>Σ_d w_d S_d / n</c>, M2
/// <c>Σ_d Σ_e w_d w_e (n·S_de − S_d·S_e) / n</c> (the bracket exact in integers).</para>
/// <para>Merge law as in <see cref="RatingSummary"/>, exactly: <see cref="Empty"/> is the identity, <see cref="Merge"/>
/// is associative and commutative bit for bit (every part is an integer histogram or an integer sum), and adding
/// responses one by one (<see cref="Add"/>) gives <see cref="Of"/> of all of them. <see cref="FromParts"/> rebuilds a
/// summary from its parts.</para>
/// </remarks>
public sealed class ServqualSummary
{
    private ServqualSummary(
        DimensionSet dimensions,
        ImmutableArray<RatingSummary> perceptions,
        ImmutableArray<RatingSummary> expectations,
        ImmutableArray<RatingSummary> gaps,
        long completeResponses,
        ImmutableArray<long> completeGapSums,
        ImmutableArray<long> completeGapProducts)
    {
        Dimensions = dimensions;
        Perceptions = perceptions;
        Expectations = expectations;
        Gaps = gaps;
        CompleteGapSums = completeGapSums;
        CompleteGapProducts = completeGapProducts;
        WeightedGap = WeightedGapOf(dimensions.Weights.AsSpan(), completeResponses, completeGapSums.AsSpan(), completeGapProducts.AsSpan());
    }

    /// <summary>Gets the dimension set.</summary>
    public DimensionSet Dimensions { get; }

    /// <summary>Gets the perception summaries, in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Perceptions { get; }

    /// <summary>Gets the expectation summaries, in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Expectations { get; }

    /// <summary>Gets the paired gap summaries (perception − expectation), in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Gaps { get; }

    /// <summary>Gets the summary of the per-response weighted gaps <c>Σ w_d (P_d − E_d)</c>, derived from
    /// <see cref="CompleteGapSums"/> and <see cref="CompleteGapProducts"/> by the fixed formula of the remarks.</summary>
    public MomentSummary WeightedGap { get; }

    /// <summary>Gets the number of complete responses (those that rated every dimension both ways): the count of
    /// <see cref="WeightedGap"/>.</summary>
    public long CompleteResponses => WeightedGap.Count;

    /// <summary>Gets, per dimension in the order of <see cref="DimensionSet.Names"/>, the sum of the gaps
    /// <c>S_d = Σ g_d</c> over the complete responses (exact integers).</summary>
    public ImmutableArray<long> CompleteGapSums { get; }

    /// <summary>Gets the sums of the products of gaps <c>S_de = Σ g_d·g_e</c> over the complete responses, for
    /// <c>d ≤ e</c> in row-major order of the upper triangle (<c>S_00, S_01, …, S_0(k−1), S_11, …</c>):
    /// <c>k(k + 1)/2</c> exact integers for k dimensions.</summary>
    public ImmutableArray<long> CompleteGapProducts { get; }

    /// <summary>Returns the empty summary for <paramref name="dimensions"/>: the identity of <see cref="Merge"/>.</summary>
    /// <param name="dimensions">The dimension set.</param>
    /// <returns>An empty summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is <see langword="null"/>.</exception>
    public static ServqualSummary Empty(DimensionSet dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var gapScale = GapScale(dimensions.Scale);
        return new ServqualSummary(
            dimensions,
            [.. dimensions.Names.Select(_ => RatingSummary.Empty(dimensions.Scale))],
            [.. dimensions.Names.Select(_ => RatingSummary.Empty(dimensions.Scale))],
            [.. dimensions.Names.Select(_ => RatingSummary.Empty(gapScale))],
            0,
            ImmutableArray.Create(new long[dimensions.Count]),
            ImmutableArray.Create(new long[Triangle(dimensions.Count)]));
    }

    /// <summary>Rebuilds a summary from its parts (for example read back from a serialised state), exactly: a summary
    /// and <c>FromParts</c> of its own parts have the same histograms, sums and weighted gap, bit for bit.</summary>
    /// <param name="dimensions">The dimension set.</param>
    /// <param name="perceptions">The perception summaries, one per dimension, on the set's scale.</param>
    /// <param name="expectations">The expectation summaries, one per dimension, on the set's scale.</param>
    /// <param name="gaps">The paired gap summaries, one per dimension, on the gap scale <c>[−(max − min), max − min]</c>;
    /// each counts at most as many as the dimension's perceptions and expectations.</param>
    /// <param name="completeResponses">The number of complete responses, at most every gap summary's count.</param>
    /// <param name="completeGapSums">The gap sums <see cref="CompleteGapSums"/>, one per dimension.</param>
    /// <param name="completeGapProducts">The gap product sums <see cref="CompleteGapProducts"/>, <c>k(k + 1)/2</c> of them.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The parts disagree: a list of the wrong length, a summary on the wrong scale,
    /// counts that cannot belong together, or sums out of the range the complete responses allow; the message says
    /// what was expected and what came.</exception>
    public static ServqualSummary FromParts(
        DimensionSet dimensions,
        ImmutableArray<RatingSummary> perceptions,
        ImmutableArray<RatingSummary> expectations,
        ImmutableArray<RatingSummary> gaps,
        long completeResponses,
        ImmutableArray<long> completeGapSums,
        ImmutableArray<long> completeGapProducts)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var k = dimensions.Count;
        var gapScale = GapScale(dimensions.Scale);
        CheckSummaries(perceptions, k, dimensions.Scale, nameof(perceptions));
        CheckSummaries(expectations, k, dimensions.Scale, nameof(expectations));
        CheckSummaries(gaps, k, gapScale, nameof(gaps));
        for (var d = 0; d < k; d++)
        {
            var paired = Math.Min(perceptions[d].Count, expectations[d].Count);
            if (gaps[d].Count > paired)
            {
                throw new ArgumentException(
                    Text($"Expected the gaps of dimension '{dimensions.Names[d]}' to count at most the {paired} responses that rated it both ways (perceptions {perceptions[d].Count}, expectations {expectations[d].Count}); got {gaps[d].Count}."),
                    nameof(gaps));
            }
        }

        var fewestGaps = k == 0 ? 0 : gaps.Min(static g => g.Count);
        if (completeResponses < 0 || completeResponses > fewestGaps)
        {
            throw new ArgumentException(
                Text($"Expected the complete responses to number from 0 to {fewestGaps}, the fewest gaps of a dimension; got {completeResponses}."),
                nameof(completeResponses));
        }

        CheckLength(completeGapSums, k, "gap sums, one per dimension", nameof(completeGapSums));
        CheckLength(completeGapProducts, Triangle(k), Text($"gap product sums, k(k + 1)/2 for k = {k} dimensions"), nameof(completeGapProducts));
        var range = (Int128)(dimensions.Scale.Max - dimensions.Scale.Min);
        for (var d = 0; d < k; d++)
        {
            if (Int128.Abs(completeGapSums[d]) > completeResponses * range)
            {
                throw new ArgumentException(
                    Text($"Expected the gap sum of dimension '{dimensions.Names[d]}' over {completeResponses} complete responses to be at most {completeResponses * range} in magnitude; got {completeGapSums[d]}."),
                    nameof(completeGapSums));
            }
        }

        for (int d = 0, i = 0; d < k; d++)
        {
            for (var e = d; e < k; e++, i++)
            {
                var limit = completeResponses * range * range;
                var value = completeGapProducts[i];
                var square = e == d;
                if (Int128.Abs(value) > limit || (square && (value < 0 || (Int128)completeGapSums[d] * completeGapSums[d] > (Int128)completeResponses * value)))
                {
                    throw new ArgumentException(
                        Text($"Expected the gap product sum of dimensions '{dimensions.Names[d]}' and '{dimensions.Names[e]}' over {completeResponses} complete responses to be {(square ? "at least (S_d)²/n and " : string.Empty)}at most {limit} in magnitude; got {value} (gap sum {completeGapSums[d]})."),
                        nameof(completeGapProducts));
                }
            }
        }

        return new ServqualSummary(dimensions, perceptions, expectations, gaps, completeResponses, completeGapSums, completeGapProducts);
    }

    /// <summary>Summarises the dimension ratings of <paramref name="responses"/>; responses without dimension ratings are skipped.</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="dimensions">The dimension set; every response with dimension ratings must use it.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response rates a different dimension set.</exception>
    public static ServqualSummary Of(ReadOnlySpan<FeedbackResponse> responses, DimensionSet dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var acc = new ServqualAccumulator(dimensions);
        for (var i = 0; i < responses.Length; i++)
        {
            acc.Add(responses[i], nameof(responses));
        }

        return acc.ToSummary();
    }

    /// <summary>Returns the perception summary of <paramref name="dimension"/>.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">Unknown dimension.</exception>
    public RatingSummary Perception(string dimension) => Perceptions[Dimensions.IndexOf(dimension, nameof(dimension))];

    /// <summary>Returns the expectation summary of <paramref name="dimension"/>.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">Unknown dimension.</exception>
    public RatingSummary Expectation(string dimension) => Expectations[Dimensions.IndexOf(dimension, nameof(dimension))];

    /// <summary>Returns the paired gap summary of <paramref name="dimension"/>.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">Unknown dimension.</exception>
    public RatingSummary Gap(string dimension) => Gaps[Dimensions.IndexOf(dimension, nameof(dimension))];

    /// <summary>Returns the summary with one more response: its perceptions, expectations and gaps counted, and, when
    /// it rated every dimension both ways, its gaps added to the sums of the weighted gap. Costs O(k·points), nothing
    /// in the responses already summarised; adding responses one by one gives exactly <see cref="Of"/> of all of them.</summary>
    /// <param name="response">The response; one without dimension ratings leaves the summary as it is.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="response"/> rates a different dimension set.</exception>
    public ServqualSummary Add(FeedbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Dimensions is null)
        {
            return this;
        }

        var acc = new ServqualAccumulator(Dimensions);
        acc.Add(this);
        acc.Add(response, nameof(response));
        return acc.ToSummary();
    }

    /// <summary>Returns the summary of both samples (merge law in the remarks).</summary>
    /// <param name="other">A summary for the same dimension set.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is for a different dimension set.</exception>
    public ServqualSummary Merge(ServqualSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Dimensions.Equals(Dimensions))
        {
            throw new ArgumentException(
                $"Only summaries of the same dimension set can be merged; expected [{string.Join(", ", Dimensions.Names)}], got [{string.Join(", ", other.Dimensions.Names)}].",
                nameof(other));
        }

        return new ServqualSummary(
            Dimensions,
            [.. Perceptions.Zip(other.Perceptions, (a, b) => a.Merge(b))],
            [.. Expectations.Zip(other.Expectations, (a, b) => a.Merge(b))],
            [.. Gaps.Zip(other.Gaps, (a, b) => a.Merge(b))],
            CompleteResponses + other.CompleteResponses,
            [.. CompleteGapSums.Zip(other.CompleteGapSums, (a, b) => a + b)],
            [.. CompleteGapProducts.Zip(other.CompleteGapProducts, (a, b) => a + b)]);
    }

    internal static RatingScale GapScale(RatingScale scale) => RatingScale.Custom(-(scale.Max - scale.Min), scale.Max - scale.Min);

    internal static int Triangle(int k) => k * (k + 1) / 2;

    // The weighted gap x = Σ_d w_d g_d of the complete responses from the exact sums, by one fixed formula:
    // mean = Σ_d w_d S_d / n and M2 = Σ_d Σ_e w_d w_e K_de / n with K_de = n·S_de − S_d·S_e (exact in 128 bits),
    // the diagonal once and every off-diagonal pair twice, in index order. M2 is clamped at 0 (it is a sum of squares).
    private static MomentSummary WeightedGapOf(ReadOnlySpan<double> weights, long n, ReadOnlySpan<long> sums, ReadOnlySpan<long> products)
    {
        if (n == 0)
        {
            return MomentSummary.Empty;
        }

        var k = weights.Length;
        double weightedSum = 0;
        for (var d = 0; d < k; d++)
        {
            weightedSum += weights[d] * sums[d];
        }

        double quadratic = 0;
        for (int d = 0, i = 0; d < k; d++)
        {
            for (var e = d; e < k; e++, i++)
            {
                var centred = ((Int128)n * products[i]) - ((Int128)sums[d] * sums[e]);
                quadratic += (e == d ? 1.0 : 2.0) * weights[d] * weights[e] * (double)centred;
            }
        }

        var m2 = Math.Max(0, quadratic / n);
        return MomentSummary.FromParts(n, weightedSum / n, m2);
    }

    private static void CheckSummaries(ImmutableArray<RatingSummary> summaries, int k, RatingScale scale, string parameterName)
    {
        CheckLength(summaries, k, Text($"summaries, one per dimension"), parameterName);
        for (var d = 0; d < k; d++)
        {
            var summary = summaries[d] ?? throw new ArgumentNullException(parameterName, Text($"Expected a summary at index {d}; got null."));
            if (!summary.Scale.Equals(scale))
            {
                throw new ArgumentException(Text($"Expected summaries on the {scale} scale; got one on the {summary.Scale} scale at index {d}."), parameterName);
            }
        }
    }

    private static void CheckLength<T>(ImmutableArray<T> parts, int expected, string what, string parameterName)
    {
        var actual = parts.IsDefault ? 0 : parts.Length;
        if (parts.IsDefault || actual != expected)
        {
            throw new ArgumentException(Text($"Expected {expected} {what}; got {(parts.IsDefault ? "none (a default array)" : actual.ToString(CultureInfo.InvariantCulture))}."), parameterName);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mutable counting state behind <see cref="Of"/> and the grouping; never escapes.</summary>
    internal sealed class ServqualAccumulator
    {
        private readonly DimensionSet _dimensions;
        private readonly int _points;
        private readonly int _gapPoints;
        private readonly long[] _perceptions;
        private readonly long[] _expectations;
        private readonly long[] _gaps;
        private readonly long[] _gapSums;
        private readonly long[] _gapProducts;
        private long _complete;

        internal ServqualAccumulator(DimensionSet dimensions)
        {
            _dimensions = dimensions;
            _points = dimensions.Scale.Points;
            _gapPoints = (2 * _points) - 1;
            _perceptions = new long[dimensions.Count * _points];
            _expectations = new long[dimensions.Count * _points];
            _gaps = new long[dimensions.Count * _gapPoints];
            _gapSums = new long[dimensions.Count];
            _gapProducts = new long[Triangle(dimensions.Count)];
        }

        // Adds the counts and sums of a summary of the same dimension set.
        internal void Add(ServqualSummary summary)
        {
            for (var d = 0; d < _dimensions.Count; d++)
            {
                AddBins(summary.Perceptions[d].Histogram, _perceptions.AsSpan(d * _points, _points));
                AddBins(summary.Expectations[d].Histogram, _expectations.AsSpan(d * _points, _points));
                AddBins(summary.Gaps[d].Histogram, _gaps.AsSpan(d * _gapPoints, _gapPoints));
            }

            AddBins(summary.CompleteGapSums.AsSpan(), _gapSums);
            AddBins(summary.CompleteGapProducts.AsSpan(), _gapProducts);
            _complete += summary.CompleteResponses;
        }

        // Adds another accumulator of the same dimension set.
        internal void Add(ServqualAccumulator other)
        {
            AddBins(other._perceptions, _perceptions);
            AddBins(other._expectations, _expectations);
            AddBins(other._gaps, _gaps);
            AddBins(other._gapSums, _gapSums);
            AddBins(other._gapProducts, _gapProducts);
            _complete += other._complete;
        }

        internal void Add(FeedbackResponse response, string paramName)
        {
            if (response.Dimensions is null)
            {
                return;
            }

            if (!ReferenceEquals(response.Dimensions, _dimensions) && !response.Dimensions.Equals(_dimensions))
            {
                throw new ArgumentException(
                    $"Expected responses rating the dimensions [{string.Join(", ", _dimensions.Names)}]; got a response rating [{string.Join(", ", response.Dimensions.Names)}].",
                    paramName);
            }

            var p = response.PerceptionsByIndex;
            var e = response.ExpectationsByIndex;
            var min = _dimensions.Scale.Min;
            var complete = true;
            for (var d = 0; d < p.Length; d++)
            {
                var hasP = p[d] != FeedbackResponse.NotRated;
                var hasE = e[d] != FeedbackResponse.NotRated;
                if (hasP)
                {
                    _perceptions[(d * _points) + p[d] - min]++;
                }

                if (hasE)
                {
                    _expectations[(d * _points) + e[d] - min]++;
                }

                if (hasP && hasE)
                {
                    var gap = p[d] - e[d];
                    _gaps[(d * _gapPoints) + gap + _points - 1]++;
                }
                else
                {
                    complete = false;
                }
            }

            if (complete)
            {
                _complete++;
                for (int d = 0, i = 0; d < p.Length; d++)
                {
                    var gd = (long)(p[d] - e[d]);
                    _gapSums[d] += gd;
                    for (var f = d; f < p.Length; f++, i++)
                    {
                        _gapProducts[i] += gd * (p[f] - e[f]);
                    }
                }
            }
        }

        internal ServqualSummary ToSummary()
        {
            var scale = _dimensions.Scale;
            var gapScale = GapScale(scale);
            var n = _dimensions.Count;
            var perceptions = ImmutableArray.CreateBuilder<RatingSummary>(n);
            var expectations = ImmutableArray.CreateBuilder<RatingSummary>(n);
            var gaps = ImmutableArray.CreateBuilder<RatingSummary>(n);
            for (var d = 0; d < n; d++)
            {
                perceptions.Add(RatingSummary.FromOwnedHistogram(scale, _perceptions.AsSpan(d * _points, _points).ToArray()));
                expectations.Add(RatingSummary.FromOwnedHistogram(scale, _expectations.AsSpan(d * _points, _points).ToArray()));
                gaps.Add(RatingSummary.FromOwnedHistogram(gapScale, _gaps.AsSpan(d * _gapPoints, _gapPoints).ToArray()));
            }

            return new ServqualSummary(
                _dimensions,
                perceptions.MoveToImmutable(),
                expectations.MoveToImmutable(),
                gaps.MoveToImmutable(),
                _complete,
                [.. _gapSums],
                [.. _gapProducts]);
        }

        private static void AddBins(ReadOnlySpan<long> from, Span<long> into)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += from[i];
            }
        }
    }

    /// <summary>Returns a short description for diagnostics.</summary>
    /// <returns>The dimension names and the number of complete responses.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ServqualSummary([{string.Join(", ", Dimensions.Names)}], complete responses={WeightedGap.Count})");
}
