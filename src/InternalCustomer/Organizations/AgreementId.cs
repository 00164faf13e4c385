using System.Diagnostics.CodeAnalysis;

namespace InternalCustomer.Organizations;

/// <summary>
/// The identifier of a service agreement between two departments: 1 to 64 characters, each a Unicode letter, an ASCII digit,
/// '-', '_' or '.' (for example <c>it-service-desk</c> or <c>人力资源部</c>).
/// </summary>
/// <remarks>
/// <para>Identifiers compare ordinally (case-sensitive, culture-independent); ordering is
/// ordinal too, so sorted output is the same on every machine.</para>
/// <para><c>default(AgreementId)</c> is not a valid identifier: its <see cref="Value"/> is the empty
/// string, <see cref="IsDefault"/> is <see langword="true"/>, and every model type rejects it.
/// Obtain instances through <see cref="Parse(string)"/> or <see cref="TryParse(string?, out AgreementId)"/>.</para>
/// </remarks>
public readonly struct AgreementId : IEquatable<AgreementId>, IComparable<AgreementId>, IComparable, IParsable<AgreementId>
{
    private readonly string? _value;

    private AgreementId(string value) => _value = value;

    /// <summary>Gets the identifier text; the empty string for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(AgreementId)</c>, which is not a valid identifier.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses an identifier, enforcing the identifier rule.</summary>
    /// <param name="value">The identifier text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, longer than 64 characters, or has a character outside the rule; the message names the character and its position.</exception>
    public static AgreementId Parse(string value) => new(IdentifierRules.Validate(value, "agreement", nameof(value)));

    /// <summary>Parses an identifier (the format provider is ignored: identifiers are culture-independent).</summary>
    /// <param name="s">The identifier text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="s"/> breaks the identifier rule.</exception>
    public static AgreementId Parse(string s, IFormatProvider? provider) => new(IdentifierRules.Validate(s, "agreement", nameof(s)));

    /// <summary>Tries to parse an identifier.</summary>
    /// <param name="value">The identifier text.</param>
    /// <param name="result">The identifier, or <c>default</c> when the text breaks the rule.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out AgreementId result)
    {
        if (IdentifierRules.Check(value, "agreement") is null)
        {
            result = new(value!);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Tries to parse an identifier (the format provider is ignored).</summary>
    /// <param name="s">The identifier text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The identifier, or <c>default</c> when the text breaks the rule.</param>
    /// <returns><see langword="true"/> if <paramref name="s"/> is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AgreementId result) => TryParse(s, out result);

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The identifier text.</returns>
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(AgreementId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgreementId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ordinally; <c>default</c> sorts first.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>Negative, zero or positive as this identifier sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(AgreementId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="AgreementId"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        AgreementId other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a AgreementId; got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Equality: ordinal comparison of the identifier text.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(AgreementId left, AgreementId right) => left.Equals(right);

    /// <summary>Inequality: ordinal comparison of the identifier text.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(AgreementId left, AgreementId right) => !left.Equals(right);

    /// <summary>Ordinal ordering.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(AgreementId left, AgreementId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</returns>
    public static bool operator <=(AgreementId left, AgreementId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(AgreementId left, AgreementId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</returns>
    public static bool operator >=(AgreementId left, AgreementId right) => left.CompareTo(right) >= 0;
}
