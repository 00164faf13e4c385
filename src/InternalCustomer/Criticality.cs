using System.Globalization;

namespace InternalCustomer;

/// <summary>
/// How much a consumer department relies on a provider, on a scale from 1 (convenience)
/// to 5 (the consumer stops without it).
/// </summary>
/// <remarks>
/// <c>default(Criticality)</c> is <see cref="Medium"/> (3), so a dependency declared without
/// a criticality is treated as ordinary, never as zero.
/// </remarks>
public readonly struct Criticality : IEquatable<Criticality>, IComparable<Criticality>
{
    /// <summary>The lowest criticality.</summary>
    public const int MinValue = 1;

    /// <summary>The highest criticality.</summary>
    public const int MaxValue = 5;

    // Stored as an offset from Medium so that default(Criticality) is Medium.
    private readonly sbyte _offsetFromMedium;

    private Criticality(int value) => _offsetFromMedium = (sbyte)(value - 3);

    /// <summary>Criticality 1: a convenience.</summary>
    public static Criticality Lowest => new(1);

    /// <summary>Criticality 3: an ordinary dependency (also <c>default</c>).</summary>
    public static Criticality Medium => new(3);

    /// <summary>Criticality 5: the consumer stops without the provider.</summary>
    public static Criticality Highest => new(5);

    /// <summary>Gets the criticality as an integer from 1 to 5.</summary>
    public int Value => _offsetFromMedium + 3;

    /// <summary>Creates a criticality from an integer.</summary>
    /// <param name="value">An integer from 1 to 5.</param>
    /// <returns>The criticality.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 1–5.</exception>
    public static Criticality From(int value)
    {
        if (value is < MinValue or > MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                string.Create(CultureInfo.InvariantCulture, $"Criticality must be an integer from {MinValue} to {MaxValue}; got {value}."));
        }

        return new Criticality(value);
    }

    /// <inheritdoc />
    public bool Equals(Criticality other) => _offsetFromMedium == other._offsetFromMedium;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Criticality other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <inheritdoc />
    public int CompareTo(Criticality other) => Value.CompareTo(other.Value);

    /// <summary>Returns the value as text, for example <c>4</c>.</summary>
    /// <returns>The value as invariant text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Criticality left, Criticality right) => left.Equals(right);

    /// <summary>Inequality of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Criticality left, Criticality right) => !left.Equals(right);

    /// <summary>Ordering of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether <paramref name="left"/> is lower.</returns>
    public static bool operator <(Criticality left, Criticality right) => left.Value < right.Value;

    /// <summary>Ordering of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether <paramref name="left"/> is lower or equal.</returns>
    public static bool operator <=(Criticality left, Criticality right) => left.Value <= right.Value;

    /// <summary>Ordering of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether <paramref name="left"/> is higher.</returns>
    public static bool operator >(Criticality left, Criticality right) => left.Value > right.Value;

    /// <summary>Ordering of values.</summary>
    /// <param name="left">The first criticality.</param>
    /// <param name="right">The second criticality.</param>
    /// <returns>Whether <paramref name="left"/> is higher or equal.</returns>
    public static bool operator >=(Criticality left, Criticality right) => left.Value >= right.Value;
}
