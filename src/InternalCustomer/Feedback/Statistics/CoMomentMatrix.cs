using System.Globalization;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// A mergeable summary of responses for key-driver analysis: the count, the mean of each dimension rating and of
/// the overall rating, and the matrix of centred co-moments <c>C_ij = Σ(v_i − v̄_i)(v_j − v̄_j)</c>.
/// </summary>
/// <remarks>
/// <para>Variables are numbered <c>0 … DimensionCount − 1</c> for the dimensions, in the column order of the
/// ratings matrix, and <see cref="OverallIndex"/> (= <see cref="DimensionCount"/>) for the overall rating.</para>
/// <para>Summaries with the same dimension count form a commutative monoid: <see cref="Empty(int)"/> is the
/// identity and <see cref="Merge(CoMomentMatrix)"/> is associative and commutative (up to rounding), using the
/// pairwise update of Chan, Golub and LeVeque (1979) generalised to co-moments:
/// <c>C = C_a + C_b + (n_a n_b / n)·δδᵀ</c> with <c>δ = v̄_b − v̄_a</c>. Drivers computed from merged partitions
/// equal the drivers of the concatenated data to rounding error.</para>
/// <para>Instances are immutable; equality is reference equality.</para>
/// </remarks>
public sealed class CoMomentMatrix
{
    /// <summary>Above this many variables the per-row scratch buffers move from the stack to the heap.</summary>
    private const int StackLimit = 64;

    private readonly double[] _means;
    private readonly double[] _coMoments;

    private CoMomentMatrix(int dimensionCount, long count, double[] means, double[] coMoments)
    {
        DimensionCount = dimensionCount;
        Count = count;
        _means = means;
        _coMoments = coMoments;
    }

    /// <summary>Gets the number of rated dimensions (the overall rating not included).</summary>
    public int DimensionCount { get; }

    /// <summary>Gets the index of the overall rating among the variables: <see cref="DimensionCount"/>.</summary>
    public int OverallIndex => DimensionCount;

    /// <summary>Gets the number of responses.</summary>
    public long Count { get; }

    /// <summary>Gets the mean of every variable, dimensions first and the overall rating last (index
    /// <see cref="OverallIndex"/>): <c>DimensionCount + 1</c> values, all 0 when <see cref="Count"/> is 0.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>Gets the co-moment matrix, row-major: <c>CoMoments[i·(DimensionCount + 1) + j]</c> is
    /// <see cref="CoMoment(int, int)"/> of <c>i</c> and <c>j</c>; <c>(DimensionCount + 1)²</c> values, symmetric.</summary>
    public ReadOnlySpan<double> CoMoments => _coMoments;

    /// <summary>Returns the summary of no responses with <paramref name="dimensionCount"/> dimensions: the identity of
    /// <see cref="Merge(CoMomentMatrix)"/>.</summary>
    /// <param name="dimensionCount">The number of dimensions, at least 1.</param>
    /// <returns>The empty summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensionCount"/> is less than 1.</exception>
    public static CoMomentMatrix Empty(int dimensionCount)
    {
        CheckDimensionCount(dimensionCount);
        var p = dimensionCount + 1;
        return new CoMomentMatrix(dimensionCount, 0, new double[p], new double[p * p]);
    }

    /// <summary>
    /// Summarises a response × dimension matrix of ratings and the overall rating of each response, in two passes
    /// (means, then centred co-moments) without allocating per response.
    /// </summary>
    /// <param name="ratings">The ratings, row-major: response <c>r</c>'s rating of dimension <c>j</c> is at
    /// <c>r·dimensionCount + j</c>; finite values.</param>
    /// <param name="overall">The overall rating of each response, finite values.</param>
    /// <param name="dimensionCount">The number of dimensions (columns of <paramref name="ratings"/>), at least 1.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensionCount"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="ratings"/> does not hold
    /// <c>overall.Length × dimensionCount</c> values, or a value is NaN or infinite (the message gives the index).</exception>
    public static CoMomentMatrix From(ReadOnlySpan<double> ratings, ReadOnlySpan<double> overall, int dimensionCount)
    {
        CheckDimensionCount(dimensionCount);
        var k = dimensionCount;
        var n = overall.Length;
        if ((long)n * k != ratings.Length)
        {
            throw new ArgumentException(
                $"Expected overall.Length × dimensionCount = {((long)n * k).ToString(CultureInfo.InvariantCulture)} ratings; got {ratings.Length.ToString(CultureInfo.InvariantCulture)}.",
                nameof(ratings));
        }

        var p = k + 1;
        if (n == 0)
        {
            return Empty(k);
        }

        Span<double> shift = p <= StackLimit ? stackalloc double[p] : new double[p];
        Span<double> sums = p <= StackLimit ? stackalloc double[p] : new double[p];
        Span<double> deviation = p <= StackLimit ? stackalloc double[p] : new double[p];
        sums.Clear();
        ratings[..k].CopyTo(shift);
        shift[k] = overall[0];

        // Pass 1: sums shifted by the first response (exact for constant columns, small for the rest).
        for (var r = 0; r < n; r++)
        {
            var row = ratings.Slice(r * k, k);
            for (var j = 0; j < k; j++)
            {
                sums[j] += row[j] - shift[j];
            }

            sums[k] += overall[r] - shift[k];
        }

        for (var j = 0; j < p; j++)
        {
            if (!double.IsFinite(sums[j]))
            {
                StatisticsGuard.AllFinite(ratings, "Ratings", nameof(ratings));
                StatisticsGuard.AllFinite(overall, "Overall ratings", nameof(overall));
            }

            sums[j] /= n;
        }

        // Pass 2: centred co-moments, upper triangle, accumulated row by row.
        var coMoments = new double[p * p];
        for (var r = 0; r < n; r++)
        {
            var row = ratings.Slice(r * k, k);
            for (var j = 0; j < k; j++)
            {
                deviation[j] = row[j] - shift[j] - sums[j];
            }

            deviation[k] = overall[r] - shift[k] - sums[k];
            for (var i = 0; i < p; i++)
            {
                var di = deviation[i];
                var line = coMoments.AsSpan(i * p, p);
                for (var j = i; j < p; j++)
                {
                    line[j] += di * deviation[j];
                }
            }
        }

        Mirror(coMoments, p);
        var means = new double[p];
        for (var j = 0; j < p; j++)
        {
            means[j] = shift[j] + sums[j];
        }

        return new CoMomentMatrix(k, n, means, coMoments);
    }

    /// <summary>Rebuilds a summary from its parts exactly as <see cref="Count"/>, <see cref="Means"/> and
    /// <see cref="CoMoments"/> give them (for example read back from a stored state), bit for bit, checking that
    /// they can be a summary.</summary>
    /// <param name="dimensionCount">The number of dimensions, at least 1.</param>
    /// <param name="count">The number of responses, at least 0.</param>
    /// <param name="means">The means, <c>dimensionCount + 1</c> finite values (all 0 when <paramref name="count"/> is 0).</param>
    /// <param name="coMoments">The co-moments, row-major, <c>(dimensionCount + 1)²</c> finite values: symmetric, with a
    /// diagonal of sums of squares at least 0 (all 0 when <paramref name="count"/> is 0).</param>
    /// <returns>The summary whose parts are the arguments.</returns>
    /// <exception cref="ArgumentException">The parts cannot be a summary (a dimension count below 1, a negative count,
    /// a span of the wrong length, a NaN or infinite value, a negative sum of squares, an asymmetric matrix, moments
    /// of 0 responses that are not 0); the message says what was expected and what came, and the parameter name says
    /// which part.</exception>
    public static CoMomentMatrix FromParts(int dimensionCount, long count, ReadOnlySpan<double> means, ReadOnlySpan<double> coMoments)
    {
        CheckDimensionCount(dimensionCount);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Count must be at least 0; got {count.ToString(CultureInfo.InvariantCulture)}.");
        }

        var p = dimensionCount + 1;
        if (means.Length != p)
        {
            throw new ArgumentException(
                $"Expected dimensionCount + 1 = {p.ToString(CultureInfo.InvariantCulture)} means; got {means.Length.ToString(CultureInfo.InvariantCulture)}.",
                nameof(means));
        }

        if ((long)coMoments.Length != (long)p * p)
        {
            throw new ArgumentException(
                $"Expected (dimensionCount + 1)² = {((long)p * p).ToString(CultureInfo.InvariantCulture)} co-moments; got {coMoments.Length.ToString(CultureInfo.InvariantCulture)}.",
                nameof(coMoments));
        }

        StatisticsGuard.AllFinite(means, "Means", nameof(means));
        StatisticsGuard.AllFinite(coMoments, "Co-moments", nameof(coMoments));
        for (var i = 0; i < p; i++)
        {
            if (coMoments[(i * p) + i] < 0)
            {
                throw new ArgumentException(
                    $"The diagonal co-moments are sums of squares and must be at least 0; got {StatisticsGuard.Format(coMoments[(i * p) + i])} at ({i.ToString(CultureInfo.InvariantCulture)}, {i.ToString(CultureInfo.InvariantCulture)}).",
                    nameof(coMoments));
            }

            for (var j = 0; j < i; j++)
            {
                if (coMoments[(i * p) + j].CompareTo(coMoments[(j * p) + i]) != 0)
                {
                    throw new ArgumentException(
                        $"The co-moment matrix must be symmetric; got {StatisticsGuard.Format(coMoments[(i * p) + j])} at ({i.ToString(CultureInfo.InvariantCulture)}, {j.ToString(CultureInfo.InvariantCulture)}) and {StatisticsGuard.Format(coMoments[(j * p) + i])} at ({j.ToString(CultureInfo.InvariantCulture)}, {i.ToString(CultureInfo.InvariantCulture)}).",
                        nameof(coMoments));
                }
            }
        }

        if (count == 0 && (HasNonZero(means) || HasNonZero(coMoments)))
        {
            throw new ArgumentException("A summary of 0 responses must have every mean and co-moment 0; got a value that is not 0.", nameof(count));
        }

        return count == 0 ? Empty(dimensionCount) : new CoMomentMatrix(dimensionCount, count, means.ToArray(), coMoments.ToArray());
    }

    /// <summary>Returns the summary with one more response: O(k²) for k dimensions, whatever the number of
    /// responses, and the same summary, bit for bit, as merging the summary of that one response
    /// (<c>Merge(From(ratings, [overall], DimensionCount))</c>).</summary>
    /// <param name="ratings">The response's rating of each dimension, <see cref="DimensionCount"/> finite values.</param>
    /// <param name="overall">The response's overall rating, finite.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="ratings"/> does not hold <see cref="DimensionCount"/>
    /// values, or a value is NaN or infinite.</exception>
    public CoMomentMatrix Add(ReadOnlySpan<double> ratings, double overall)
    {
        if (ratings.Length != DimensionCount)
        {
            throw new ArgumentException(
                $"Expected {DimensionCount.ToString(CultureInfo.InvariantCulture)} dimension ratings; got {ratings.Length.ToString(CultureInfo.InvariantCulture)}.",
                nameof(ratings));
        }

        StatisticsGuard.AllFinite(ratings, "Ratings", nameof(ratings));
        StatisticsGuard.Finite(overall, "Overall rating", nameof(overall));
        var p = DimensionCount + 1;
        var x = new double[p];
        for (var j = 0; j < DimensionCount; j++)
        {
            x[j] = ratings[j] + 0.0; // as From's shifted mean x + (x − x)/1: a rating of −0 becomes +0
        }

        x[DimensionCount] = overall + 0.0;
        if (Count == 0)
        {
            return new CoMomentMatrix(DimensionCount, 1, x, new double[p * p]);
        }

        // Merge with the summary of the one response (means x, co-moments 0), term for term as Merge computes it.
        double na = Count, nb = 1;
        var w = na * nb / (na + nb);
        var means = new double[p];
        for (var j = 0; j < p; j++)
        {
            means[j] = TrendSummary.MergeMean(_means[j], na, x[j], nb);
            x[j] -= _means[j];
        }

        var coMoments = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var at = (i * p) + j;
                coMoments[at] = _coMoments[at] + 0.0 + (x[i] * x[j] * w);
            }
        }

        return new CoMomentMatrix(DimensionCount, Count + 1, means, coMoments);
    }

    /// <summary>Returns the mean of a variable.</summary>
    /// <param name="variable">A dimension index in <c>[0, DimensionCount)</c>, or <see cref="OverallIndex"/>.</param>
    /// <returns>The mean; 0 when <see cref="Count"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variable"/> is outside <c>[0, DimensionCount]</c>.</exception>
    public double Mean(int variable) => _means[CheckVariable(variable, nameof(variable))];

    /// <summary>Returns the centred co-moment <c>Σ(v_i − v̄_i)(v_j − v̄_j)</c> of two variables (a sum of squares when they are equal).</summary>
    /// <param name="row">A variable index in <c>[0, DimensionCount]</c>.</param>
    /// <param name="column">A variable index in <c>[0, DimensionCount]</c>.</param>
    /// <returns>The co-moment; symmetric in its arguments.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <c>[0, DimensionCount]</c>.</exception>
    public double CoMoment(int row, int column) =>
        _coMoments[(CheckVariable(row, nameof(row)) * (DimensionCount + 1)) + CheckVariable(column, nameof(column))];

    /// <summary>Merges two summaries (Chan et al. pairwise update); see the remarks of <see cref="CoMomentMatrix"/>.</summary>
    /// <param name="other">A summary with the same dimension count.</param>
    /// <returns>The summary of both sets of responses.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> has a different dimension count.</exception>
    public CoMomentMatrix Merge(CoMomentMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.DimensionCount != DimensionCount)
        {
            throw new ArgumentException(
                $"Expected a summary with {DimensionCount.ToString(CultureInfo.InvariantCulture)} dimensions; got {other.DimensionCount.ToString(CultureInfo.InvariantCulture)}.",
                nameof(other));
        }

        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var p = DimensionCount + 1;
        double na = Count, nb = other.Count;
        var n = na + nb;
        var w = na * nb / n;
        var means = new double[p];
        Span<double> delta = p <= StackLimit ? stackalloc double[p] : new double[p];
        for (var j = 0; j < p; j++)
        {
            means[j] = TrendSummary.MergeMean(_means[j], na, other._means[j], nb);
            delta[j] = other._means[j] - _means[j];
        }

        var coMoments = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var at = (i * p) + j;
                coMoments[at] = _coMoments[at] + other._coMoments[at] + (delta[i] * delta[j] * w);
            }
        }

        return new CoMomentMatrix(DimensionCount, Count + other.Count, means, coMoments);
    }

    private static bool HasNonZero(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (v != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Mirror(double[] matrix, int p)
    {
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < i; j++)
            {
                matrix[(i * p) + j] = matrix[(j * p) + i];
            }
        }
    }

    private static void CheckDimensionCount(int dimensionCount)
    {
        if (dimensionCount < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimensionCount),
                $"Dimension count must be at least 1; got {dimensionCount.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private int CheckVariable(int variable, string parameterName)
    {
        if (variable < 0 || variable > DimensionCount)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"Variable index must be in [0, {DimensionCount.ToString(CultureInfo.InvariantCulture)}]; got {variable.ToString(CultureInfo.InvariantCulture)}.");
        }

        return variable;
    }
}
