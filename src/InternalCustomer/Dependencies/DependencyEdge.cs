using System.Globalization;

namespace InternalCustomer.Dependencies;

/// <summary>
/// One edge fact of the dependency graph: "<see cref="Consumer"/> depends on <see cref="Provider"/>",
/// with its criticality, optional request volume and where the fact comes from.
/// </summary>
/// <remarks>
/// <para>Facts about the same ordered pair of departments are merged into one edge of the graph:
/// the criticality of the merged edge is the <b>maximum</b> of the facts' criticalities (the pair is
/// as critical as its most critical reason), the volume is the <b>sum</b> of the volumes that are
/// present (<see langword="null"/> if none is), and the source is the union of the sources.
/// <see cref="DependencyGraph.GetEdges"/> returns merged edges in this same type.</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed record DependencyEdge
{
    /// <summary>Creates an edge fact.</summary>
    /// <param name="provider">The department depended on (the internal supplier).</param>
    /// <param name="consumer">The department that depends (the internal customer).</param>
    /// <param name="criticality">How much the consumer relies on the provider; <c>default</c> is <see cref="Criticality.Medium"/>.</param>
    /// <param name="volume">Optional request volume per period; finite and non-negative.</param>
    /// <param name="source">Where the fact comes from: <see cref="DependencySource.Declared"/>, <see cref="DependencySource.Agreement"/> or both.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>; the two departments are the same (a self-dependency); <paramref name="source"/> is <see cref="DependencySource.None"/> or has undefined bits.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="volume"/> is negative, NaN or infinite.</exception>
    public DependencyEdge(DepartmentId provider, DepartmentId consumer, Criticality criticality = default, double? volume = null, DependencySource source = DependencySource.Declared)
    {
        if (provider.IsDefault)
        {
            throw new ArgumentException("Expected a parsed DepartmentId; got default(DepartmentId).", nameof(provider));
        }

        if (consumer.IsDefault)
        {
            throw new ArgumentException("Expected a parsed DepartmentId; got default(DepartmentId).", nameof(consumer));
        }

        if (consumer == provider)
        {
            throw new ArgumentException($"A department cannot depend on itself; got provider and consumer both '{provider}'.", nameof(consumer));
        }

        if (volume is { } v && (!double.IsFinite(v) || v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(volume), v, string.Create(CultureInfo.InvariantCulture, $"Volume must be a finite number >= 0; got {v}."));
        }

        if (source == DependencySource.None || (source & ~(DependencySource.Declared | DependencySource.Agreement)) != 0)
        {
            throw new ArgumentException($"Source must be Declared, Agreement or both; got {source}.", nameof(source));
        }

        Consumer = consumer;
        Provider = provider;
        Criticality = criticality;
        Volume = volume;
        Source = source;
    }

    /// <summary>Creates an edge fact from raw values, for hosts that read text: the ids are parsed and the criticality checked.</summary>
    /// <param name="provider">The id text of the department depended on.</param>
    /// <param name="consumer">The id text of the department that depends.</param>
    /// <param name="criticality">Criticality from 1 to 5.</param>
    /// <param name="volume">Optional request volume per period; finite and non-negative.</param>
    /// <param name="source">Where the fact comes from.</param>
    /// <returns>The edge fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> or <paramref name="consumer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id breaks the identifier rule, the two departments are the same, or <paramref name="source"/> is not valid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criticality"/> is outside 1–5, or <paramref name="volume"/> is negative, NaN or infinite.</exception>
    public static DependencyEdge Create(string provider, string consumer, int criticality = 3, double? volume = null, DependencySource source = DependencySource.Declared)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(consumer);
        if (!DepartmentId.TryParse(provider, out var providerId))
        {
            throw new ArgumentException($"Expected a department id (1 to 64 letters, digits, '-', '_' or '.'); got \"{provider}\".", nameof(provider));
        }

        if (!DepartmentId.TryParse(consumer, out var consumerId))
        {
            throw new ArgumentException($"Expected a department id (1 to 64 letters, digits, '-', '_' or '.'); got \"{consumer}\".", nameof(consumer));
        }

        if (criticality is < Criticality.MinValue or > Criticality.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(criticality),
                criticality,
                string.Create(CultureInfo.InvariantCulture, $"Criticality must be an integer from {Criticality.MinValue} to {Criticality.MaxValue}; got {criticality}."));
        }

        return new DependencyEdge(providerId, consumerId, Criticality.From(criticality), volume, source);
    }

    /// <summary>Gets the department depended on (the internal supplier).</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the department that depends (the internal customer).</summary>
    public DepartmentId Consumer { get; }

    /// <summary>Gets how much the consumer relies on the provider.</summary>
    public Criticality Criticality { get; }

    /// <summary>Gets the optional request volume per period.</summary>
    public double? Volume { get; }

    /// <summary>Gets where the fact comes from (several flags on a merged edge).</summary>
    public DependencySource Source { get; }
}
