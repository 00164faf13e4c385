using System.Collections.Immutable;
using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// The quality dimensions a response may rate (perception and expectation per dimension), the scale they
/// are rated on, and their importance weights.
/// </summary>
/// <remarks>
/// <para><see cref="Servqual"/> is the default: the five SERVQUAL dimensions of Parasuraman, Zeithaml &amp;
/// Berry (1988) — reliability, responsiveness, assurance, empathy, tangibles — on a 1–7 scale with equal
/// weights. Custom sets name their own dimensions (non-blank, unique ordinally).</para>
/// <para>Weights are finite and non-negative with a positive total; <see cref="Weights"/> holds them
/// normalised to sum to 1, in the order of <see cref="Names"/>. A name not in the set is rejected with an
/// <see cref="ArgumentException"/> naming it.</para>
/// <para>Two sets are equal when scale, names (in order) and normalised weights are equal.</para>
/// </remarks>
public sealed class DimensionSet : IEquatable<DimensionSet>
{
    private readonly Dictionary<string, int> _index;

    private DimensionSet(RatingScale scale, ImmutableArray<string> names, ImmutableArray<double> weights)
    {
        Scale = scale;
        Names = names;
        Weights = weights;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _index.Add(names[i], i);
        }
    }

    /// <summary>Gets the SERVQUAL set: reliability, responsiveness, assurance, empathy, tangibles; 1–7 scale; equal weights.</summary>
    public static DimensionSet Servqual { get; } = new(
        RatingScale.SevenPoint,
        ["reliability", "responsiveness", "assurance", "empathy", "tangibles"],
        [0.2, 0.2, 0.2, 0.2, 0.2]);

    /// <summary>Gets the scale that perception and expectation ratings are on.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the dimension names in declaration order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Gets the importance weights, normalised to sum to 1, in the order of <see cref="Names"/>.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>Gets the number of dimensions.</summary>
    public int Count => Names.Length;

    /// <summary>Creates a dimension set.</summary>
    /// <param name="scale">The scale the dimensions are rated on.</param>
    /// <param name="dimensions">The dimension names with their importance weights (any positive total; normalised here).</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> or <paramref name="dimensions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No dimensions; a blank or duplicate name; a weight that is negative, NaN or infinite; or all weights zero.</exception>
    public static DimensionSet Create(RatingScale scale, IEnumerable<KeyValuePair<string, double>> dimensions)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(dimensions);
        return Create(scale, dimensions, nameof(dimensions));
    }

    /// <summary>Rebuilds a dimension set from its parts — <see cref="Scale"/>, <see cref="Names"/> and the normalised
    /// <see cref="Weights"/> — exactly: the weights are kept bit for bit, not normalised again (a second division by
    /// their total, which is 1 only up to rounding, could change their last bits).</summary>
    /// <param name="scale">The scale the dimensions are rated on.</param>
    /// <param name="names">The dimension names, non-blank and unique.</param>
    /// <param name="weights">The normalised weights, one per name: finite, non-negative, summing to 1 (within 1e-9).</param>
    /// <returns>The set; equal to the set whose parts were taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No names; a blank or duplicate name; a different number of weights; a weight
    /// that is negative, NaN or infinite; or weights that do not sum to 1.</exception>
    public static DimensionSet FromParts(RatingScale scale, ImmutableArray<string> names, ImmutableArray<double> weights)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (names.IsDefault || weights.IsDefault || names.Length != weights.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected one weight per dimension name; got {(names.IsDefault ? 0 : names.Length)} names and {(weights.IsDefault ? 0 : weights.Length)} weights."),
                nameof(weights));
        }

        var checkedSet = Create(scale, names.Select((name, i) => new KeyValuePair<string, double>(name, weights[i])), nameof(names));
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        if (Math.Abs(total - 1) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected normalised weights that sum to 1; got a sum of {total:R}."), nameof(weights));
        }

        return new DimensionSet(checkedSet.Scale, checkedSet.Names, weights);
    }

    /// <summary>Creates a dimension set, naming <paramref name="parameterName"/> in every argument error.</summary>
    private static DimensionSet Create(RatingScale scale, IEnumerable<KeyValuePair<string, double>> dimensions, string parameterName)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var weights = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, weight) in dimensions)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"A dimension name must be non-blank text; got \"{name}\".", parameterName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Dimension names must be unique; got \"{name}\" twice.", parameterName);
            }

            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The weight of dimension \"{name}\" must be finite and non-negative; got {weight}."),
                    parameterName);
            }

            names.Add(name);
            weights.Add(weight);
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("A dimension set needs at least one dimension; got none.", parameterName);
        }

        var total = weights.Sum();
        if (total <= 0)
        {
            throw new ArgumentException("At least one dimension weight must be positive; got all zero.", parameterName);
        }

        return new DimensionSet(scale, names.ToImmutable(), [.. weights.Select(w => w / total)]);
    }

    /// <summary>Returns this set with new importance weights for the same dimensions.</summary>
    /// <param name="weights">A weight for every dimension of the set (any positive total; normalised here).</param>
    /// <returns>The re-weighted set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A dimension is unknown or missing, or a weight is invalid (see <see cref="Create(RatingScale, IEnumerable{KeyValuePair{string, double}})"/>).</exception>
    public DimensionSet WithWeights(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var name in weights.Keys)
        {
            _ = IndexOf(name, nameof(weights));
        }

        var ordered = new List<KeyValuePair<string, double>>(Count);
        foreach (var name in Names)
        {
            if (!weights.TryGetValue(name, out var w))
            {
                throw new ArgumentException($"Expected a weight for dimension \"{name}\"; got none.", nameof(weights));
            }

            ordered.Add(new(name, w));
        }

        return Create(Scale, ordered, nameof(weights));
    }

    /// <summary>Returns the position of <paramref name="dimension"/> in <see cref="Names"/>.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is not in the set; the message lists the known names.</exception>
    public int IndexOf(string dimension) => IndexOf(dimension, nameof(dimension));

    /// <summary>Returns the normalised importance weight of <paramref name="dimension"/>.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns>The weight in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is not in the set.</exception>
    public double WeightOf(string dimension) => Weights[IndexOf(dimension, nameof(dimension))];

    /// <summary>Whether <paramref name="dimension"/> is in the set.</summary>
    /// <param name="dimension">A dimension name.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool Contains(string dimension) => dimension is not null && _index.ContainsKey(dimension);

    /// <inheritdoc />
    public bool Equals(DimensionSet? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (other.Scale.Equals(Scale) && other.Names.SequenceEqual(Names) && other.Weights.SequenceEqual(Weights)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DimensionSet);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scale, Count, Names[0]);

    internal int IndexOf(string? dimension, string paramName)
    {
        if (dimension is not null && _index.TryGetValue(dimension, out var i))
        {
            return i;
        }

        throw new ArgumentException(
            $"Unknown dimension \"{dimension}\"; expected one of: {string.Join(", ", Names)}.",
            paramName);
    }
}
