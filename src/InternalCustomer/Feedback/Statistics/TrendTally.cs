using System.Globalization;
using System.Numerics;
using NodaTime;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// An exact, mergeable tally of (instant, integer score) pairs for the least-squares trend of score over time: the
/// count and the integer sums <c>Σt</c>, <c>Σt²</c>, <c>Σy</c>, <c>Σy²</c> and <c>Σt·y</c>, with <c>t</c> the instant
/// in ticks (100 ns) since the Unix epoch.
/// </summary>
/// <remarks>
/// <para><b>Exactness.</b> Every sum is an integer held without rounding (Σt², Σt·y in 192 bits), so
/// <see cref="Add"/> and <see cref="Merge"/> are exactly associative and commutative: a tally is a function of the
/// multiset of its pairs, bit for bit, whatever the order of the pairs and however they were partitioned and merged.
/// That is what lets a scorecard be rolled up from partial states in any order and still equal the scorecard of all
/// the data. (<see cref="TrendSummary"/>, which takes real scores, merges by Chan's update and is exact only to
/// rounding.)</para>
/// <para><b>Estimation.</b> <see cref="ToSummary"/> turns the sums into the centred moments of
/// <see cref="TrendSummary"/> by one fixed formula, with <c>n</c> the count and <c>D = 864,000,000,000</c> ticks per day:
/// <c>Ctt = (nΣt² − (Σt)²) / (n·D²)</c>, <c>Cty = (nΣty − ΣtΣy) / (n·D)</c>, <c>Cyy = (nΣy² − (Σy)²) / n</c>, the
/// numerators computed exactly in integers and each converted to a double once; the mean instant in days is
/// <c>q + r/(n·D)</c> with <c>Σt = q·n·D + r</c>, and the mean score <c>Σy / n</c>. There is no cancellation: the
/// numerators are exact, so the moments are correct to a few units in the last place, at least as accurate as the
/// summary's own updates.</para>
/// <para>The tally is its parts: <see cref="Count"/> and the five sums rebuild it exactly with <see cref="FromParts"/>.
/// <c>default(TrendTally)</c> equals <see cref="Empty"/>.</para>
/// </remarks>
public readonly record struct TrendTally
{
    /// <summary>Ticks (100 ns) per day of 86,400 seconds.</summary>
    private const long TicksPerDay = 864_000_000_000L;

    private static readonly BigInteger TickLimit = BigInteger.One << 63;

    private static readonly BigInteger ScoreLimit = BigInteger.One << 31;

    private readonly Int192 _sumSquaredTicks;
    private readonly Int192 _sumTickScores;

    private TrendTally(long count, Int128 sumTicks, Int192 sumSquaredTicks, Int128 sumScores, Int128 sumSquaredScores, Int192 sumTickScores)
    {
        Count = count;
        SumTicks = sumTicks;
        _sumSquaredTicks = sumSquaredTicks;
        SumScores = sumScores;
        SumSquaredScores = sumSquaredScores;
        _sumTickScores = sumTickScores;
    }

    /// <summary>Gets the tally of no pairs: the identity of <see cref="Merge"/>.</summary>
    public static TrendTally Empty => default;

    /// <summary>Gets the number of pairs.</summary>
    public long Count { get; }

    /// <summary>Gets <c>Σt</c>, the sum of the instants in ticks since the Unix epoch.</summary>
    public Int128 SumTicks { get; }

    /// <summary>Gets <c>Σt²</c>, the sum of the squared instants in ticks (up to 192 bits).</summary>
    public BigInteger SumSquaredTicks => _sumSquaredTicks.ToBigInteger();

    /// <summary>Gets <c>Σy</c>, the sum of the scores.</summary>
    public Int128 SumScores { get; }

    /// <summary>Gets <c>Σy²</c>, the sum of the squared scores.</summary>
    public Int128 SumSquaredScores { get; }

    /// <summary>Gets <c>Σt·y</c>, the sum of the products of instant (in ticks) and score (up to 192 bits).</summary>
    public BigInteger SumTickScoreProducts => _sumTickScores.ToBigInteger();

    /// <summary>Gets a value indicating whether the tally holds no pairs.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Tallies parallel spans of instants and scores.</summary>
    /// <param name="times">The instants.</param>
    /// <param name="scores">The scores, one per instant.</param>
    /// <returns>The tally; <see cref="Empty"/> for empty spans.</returns>
    /// <exception cref="ArgumentException"><paramref name="scores"/> has a different length from <paramref name="times"/>.</exception>
    public static TrendTally Of(ReadOnlySpan<Instant> times, ReadOnlySpan<int> scores)
    {
        StatisticsGuard.SameLength(times.Length, scores.Length, nameof(times), nameof(scores));
        var tally = Empty;
        for (var i = 0; i < times.Length; i++)
        {
            tally = tally.AddTicks(times[i].ToUnixTimeTicks(), scores[i]);
        }

        return tally;
    }

    /// <summary>Rebuilds a tally from its parts (for example read back from a serialised state), checking that they
    /// can be the sums of one set of pairs.</summary>
    /// <param name="count">The number of pairs, at least 0.</param>
    /// <param name="sumTicks"><c>Σt</c>, at most <c>count·2^63</c> in magnitude.</param>
    /// <param name="sumSquaredTicks"><c>Σt²</c>, with <c>count·Σt² ≥ (Σt)²</c> and at most <c>count·2^126</c>.</param>
    /// <param name="sumScores"><c>Σy</c>, at most <c>count·2^31</c> in magnitude.</param>
    /// <param name="sumSquaredScores"><c>Σy²</c>, with <c>count·Σy² ≥ (Σy)²</c>.</param>
    /// <param name="sumTickScoreProducts"><c>Σt·y</c>, with <c>(Σt·y)² ≤ Σt²·Σy²</c>.</param>
    /// <returns>The tally.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException">A sum is out of the range its count allows, the sums of a count of 0 are not
    /// all 0, or the sums contradict each other (Cauchy–Schwarz); the message names the part, what was expected and what came.</exception>
    public static TrendTally FromParts(long count, Int128 sumTicks, BigInteger sumSquaredTicks, Int128 sumScores, Int128 sumSquaredScores, BigInteger sumTickScoreProducts)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, Text($"Expected a count of at least 0; got {count}."));
        }

        if (count == 0)
        {
            if (sumTicks != 0 || !sumSquaredTicks.IsZero || sumScores != 0 || sumSquaredScores != 0 || !sumTickScoreProducts.IsZero)
            {
                throw new ArgumentException("Expected every sum of a tally of 0 pairs to be 0; got a non-zero sum.", nameof(count));
            }

            return Empty;
        }

        // The messages are formatted only for a failed check: formatting the BigIntegers of every check costs more than
        // the checks (a large state reads thousands of tallies).
        BigInteger n = count;
        BigInteger t = sumTicks, y = sumScores, yy = sumSquaredScores;
        if (!(BigInteger.Abs(t) <= n * TickLimit))
        {
            throw new ArgumentException(Text($"Expected Σt of {count} pairs to be at most {count}·2^63 in magnitude; got {t}."), nameof(sumTicks));
        }

        if (!(BigInteger.Abs(y) <= n * ScoreLimit))
        {
            throw new ArgumentException(Text($"Expected Σy of {count} pairs to be at most {count}·2^31 in magnitude; got {y}."), nameof(sumScores));
        }

        if (!(sumSquaredTicks >= 0 && sumSquaredTicks <= n * TickLimit * TickLimit))
        {
            throw new ArgumentException(Text($"Expected Σt² of {count} pairs in [0, {count}·2^126]; got {sumSquaredTicks}."), nameof(sumSquaredTicks));
        }

        if (!(yy >= 0 && yy <= n * ScoreLimit * ScoreLimit))
        {
            throw new ArgumentException(Text($"Expected Σy² of {count} pairs in [0, {count}·2^62]; got {yy}."), nameof(sumSquaredScores));
        }

        if (!(n * sumSquaredTicks >= t * t))
        {
            throw new ArgumentException(Text($"Expected count·Σt² ≥ (Σt)² (Cauchy–Schwarz); got count {count}, Σt {t}, Σt² {sumSquaredTicks}."), nameof(sumSquaredTicks));
        }

        if (!(n * yy >= y * y))
        {
            throw new ArgumentException(Text($"Expected count·Σy² ≥ (Σy)² (Cauchy–Schwarz); got count {count}, Σy {y}, Σy² {yy}."), nameof(sumSquaredScores));
        }

        if (!(sumTickScoreProducts * sumTickScoreProducts <= sumSquaredTicks * yy))
        {
            throw new ArgumentException(Text($"Expected (Σt·y)² ≤ Σt²·Σy² (Cauchy–Schwarz); got Σt·y {sumTickScoreProducts}, Σt² {sumSquaredTicks}, Σy² {yy}."), nameof(sumTickScoreProducts));
        }

        Int192.TryFrom(sumSquaredTicks, out var tt);
        Int192.TryFrom(sumTickScoreProducts, out var ty);
        return new TrendTally(count, sumTicks, tt, sumScores, sumSquaredScores, ty);
    }

    /// <summary>Returns the tally with one more pair. O(1), no allocation.</summary>
    /// <param name="time">The instant.</param>
    /// <param name="score">The score.</param>
    /// <returns>The new tally.</returns>
    public TrendTally Add(Instant time, int score) => AddTicks(time.ToUnixTimeTicks(), score);

    /// <summary>Returns the tally of both sets of pairs: every sum added, exactly.</summary>
    /// <param name="other">The other tally.</param>
    /// <returns>The merged tally.</returns>
    public TrendTally Merge(TrendTally other) =>
        other.Count == 0 ? this
        : Count == 0 ? other
        : new TrendTally(
            Count + other.Count,
            SumTicks + other.SumTicks,
            _sumSquaredTicks.Add(other._sumSquaredTicks),
            SumScores + other.SumScores,
            SumSquaredScores + other.SumSquaredScores,
            _sumTickScores.Add(other._sumTickScores));

    /// <summary>Converts the sums into the moments of a <see cref="TrendSummary"/> by the fixed formula of the remarks.</summary>
    /// <returns>The summary; <see cref="TrendSummary.Empty"/> for an empty tally.</returns>
    public TrendSummary ToSummary()
    {
        if (Count == 0)
        {
            return TrendSummary.Empty;
        }

        BigInteger n = Count;
        BigInteger t = SumTicks, y = SumScores;
        var stt = (n * SumSquaredTicks) - (t * t);
        var sty = (n * SumTickScoreProducts) - (t * y);
        var syy = (n * (BigInteger)SumSquaredScores) - (y * y);
        double count = Count;
        const double PerDay = TicksPerDay;
        var days = BigInteger.DivRem(t, n * TicksPerDay, out var remainder);
        if (remainder.Sign < 0)
        {
            days -= 1;
            remainder += n * TicksPerDay;
        }

        var meanDays = (double)days + ((double)remainder / (count * PerDay));
        return TrendSummary.FromMoments(
            Count,
            meanDays,
            (double)y / count,
            (double)stt / (count * (PerDay * PerDay)),
            (double)sty / (count * PerDay),
            (double)syy / count);
    }

    /// <summary>Estimates the trend: <c>ToSummary().Estimate(level)</c>.</summary>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The trend (see <see cref="TrendSummary.Estimate(double)"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public TrendResult Estimate(double level = StatisticsGuard.DefaultLevel) => ToSummary().Estimate(level);

    /// <summary>Returns the count and the means, for diagnostics.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        Count == 0 ? "TrendTally(n=0)" : Text($"TrendTally(n={Count}, Σt={SumTicks}, Σy={SumScores})");

    internal TrendTally AddTicks(long ticks, int score)
    {
        var magnitude = ticks < 0 ? (ulong)-(Int128)ticks : (ulong)ticks;
        var squareHigh = Math.BigMul(magnitude, magnitude, out var squareLow);
        var productHigh = Math.BigMul(ticks, score, out var productLow);
        return new TrendTally(
            Count + 1,
            SumTicks + ticks,
            _sumSquaredTicks.Add((Int128)new UInt128(squareHigh, squareLow)),
            SumScores + score,
            SumSquaredScores + ((long)score * score),
            _sumTickScores.Add(new Int128((ulong)productHigh, (ulong)productLow)));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
