using System.Globalization;

namespace InternalCustomer.Organizations;

/// <summary>
/// A dependency of one department on another that is declared explicitly, whether or not an
/// agreement governs it: "<see cref="Consumer"/> depends on <see cref="Provider"/>".
/// </summary>
/// <remarks>Equality is component-wise.</remarks>
public sealed record DeclaredDependency
{
    /// <summary>Creates a declared dependency.</summary>
    /// <param name="provider">The department depended on (the internal supplier).</param>
    /// <param name="consumer">The department that depends (the internal customer).</param>
    /// <param name="criticality">How much the consumer relies on the provider; <c>default</c> is <see cref="Criticality.Medium"/>.</param>
    /// <param name="volume">Optional request volume per period, used as an edge weight; must be finite and non-negative.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>, the two departments are the same, or <paramref name="volume"/> is negative, NaN or infinite.</exception>
    public DeclaredDependency(DepartmentId provider, DepartmentId consumer, Criticality criticality = default, double? volume = null)
    {
        Provider = ModelGuard.NotDefault(provider, nameof(provider));
        Consumer = ModelGuard.NotDefault(consumer, nameof(consumer));
        if (consumer == provider)
        {
            throw new ArgumentException($"A department cannot depend on itself; got provider and consumer both '{provider}'.", nameof(consumer));
        }

        if (volume is { } v && (!double.IsFinite(v) || v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(volume), v, string.Create(CultureInfo.InvariantCulture, $"Volume must be a finite number >= 0; got {v}."));
        }

        Criticality = criticality;
        Volume = volume;
    }

    /// <summary>Gets the department depended on (the internal supplier).</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the department that depends (the internal customer).</summary>
    public DepartmentId Consumer { get; }

    /// <summary>Gets how much the consumer relies on the provider.</summary>
    public Criticality Criticality { get; }

    /// <summary>Gets the optional request volume per period.</summary>
    public double? Volume { get; }
}
