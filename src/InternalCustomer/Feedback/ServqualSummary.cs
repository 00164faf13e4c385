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
/// only defined for responses that rated every dimension both ways.</para>
/// <para>Merge law as in <see cref="RatingSummary"/>: <see cref="Empty"/> is the identity, <see cref="Merge"/>
/// is associative and commutative.</para>
/// </remarks>
public sealed class ServqualSummary
{
    private ServqualSummary(
        DimensionSet dimensions,
        ImmutableArray<RatingSummary> perceptions,
        ImmutableArray<RatingSummary> expectations,
        ImmutableArray<RatingSummary> gaps,
        MomentSummary weightedGap)
    {
        Dimensions = dimensions;
        Perceptions = perceptions;
        Expectations = expectations;
        Gaps = gaps;
        WeightedGap = weightedGap;
    }

    /// <summary>Gets the dimension set.</summary>
    public DimensionSet Dimensions { get; }

    /// <summary>Gets the perception summaries, in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Perceptions { get; }

    /// <summary>Gets the expectation summaries, in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Expectations { get; }

    /// <summary>Gets the paired gap summaries (perception − expectation), in the order of <see cref="DimensionSet.Names"/>.</summary>
    public ImmutableArray<RatingSummary> Gaps { get; }

    /// <summary>Gets the summary of the per-response weighted gaps <c>Σ w_d (P_d − E_d)</c>.</summary>
    public MomentSummary WeightedGap { get; }

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
            MomentSummary.Empty);
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
            WeightedGap.Merge(other.WeightedGap));
    }

    internal static RatingScale GapScale(RatingScale scale) => RatingScale.Custom(-(scale.Max - scale.Min), scale.Max - scale.Min);

    /// <summary>Mutable counting state behind <see cref="Of"/> and the grouping; never escapes.</summary>
    internal sealed class ServqualAccumulator
    {
        private readonly DimensionSet _dimensions;
        private readonly int _points;
        private readonly int _gapPoints;
        private readonly long[] _perceptions;
        private readonly long[] _expectations;
        private readonly long[] _gaps;
        private MomentSummary _weightedGap;

        internal ServqualAccumulator(DimensionSet dimensions)
        {
            _dimensions = dimensions;
            _points = dimensions.Scale.Points;
            _gapPoints = (2 * _points) - 1;
            _perceptions = new long[dimensions.Count * _points];
            _expectations = new long[dimensions.Count * _points];
            _gaps = new long[dimensions.Count * _gapPoints];
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
            var weights = _dimensions.Weights;
            var complete = true;
            double weighted = 0;
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
                    weighted += weights[d] * gap;
                }
                else
                {
                    complete = false;
                }
            }

            if (complete)
            {
                _weightedGap = _weightedGap.Add(weighted);
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

            return new ServqualSummary(_dimensions, perceptions.MoveToImmutable(), expectations.MoveToImmutable(), gaps.MoveToImmutable(), _weightedGap);
        }
    }

    /// <summary>Returns a short description for diagnostics.</summary>
    /// <returns>The dimension names and the number of complete responses.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ServqualSummary([{string.Join(", ", Dimensions.Names)}], complete responses={WeightedGap.Count})");
}
