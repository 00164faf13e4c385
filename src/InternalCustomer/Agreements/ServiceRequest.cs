using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A service request (a ticket) from a consumer department to a provider under a service agreement: when it was
/// opened, first answered and resolved, when it waited on the customer, and whether it was reopened.
/// </summary>
/// <remarks>
/// <para><b>Lifetime.</b> A request lives from <see cref="Opened"/> to <see cref="Resolved"/> (or without end while unresolved).
/// Every recorded instant lies in it: the first response, the pauses, the reopen gap.</para>
/// <para><b>Pauses</b> are half-open intervals <c>[start, end)</c> during which the request waits on the customer; the SLA
/// timers stop during them. They are sorted and disjoint; only the last may be open-ended (still waiting), and only
/// while the request is unresolved.</para>
/// <para><b>Reopen.</b> <see cref="Reopen"/> is the gap from the first resolution to the reopening. The resolution timer
/// treats it as a pause (the provider was not on the clock) and stops at the final <see cref="Resolved"/>.
/// The first-response timer is not affected.</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed class ServiceRequest : IEquatable<ServiceRequest>
{
    /// <summary>Creates a service request.</summary>
    /// <param name="id">The request's identifier (any non-blank text, for example a ticket number).</param>
    /// <param name="agreement">The agreement the request is measured against.</param>
    /// <param name="opened">When the request was opened.</param>
    /// <param name="firstResponse">When the provider first responded, if it has.</param>
    /// <param name="resolved">When the request was finally resolved, if it has been.</param>
    /// <param name="pauses">The intervals spent waiting on the customer: sorted, disjoint, inside the lifetime; <see langword="null"/> for none.</param>
    /// <param name="reopen">The gap from the first resolution to the reopening, if the request was reopened.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="agreement"/> is <c>default</c>,
    /// an instant lies before <paramref name="opened"/> or after <paramref name="resolved"/>, a pause lacks a start,
    /// the pauses are unsorted or overlap each other or the reopen gap, or the reopen gap is not a closed interval.</exception>
    public ServiceRequest(
        string id,
        AgreementId agreement,
        Instant opened,
        Instant? firstResponse = null,
        Instant? resolved = null,
        IEnumerable<Interval>? pauses = null,
        Interval? reopen = null)
    {
        Id = string.IsNullOrWhiteSpace(id)
            ? throw new ArgumentException($"A request id must be non-blank text; got {(id is null ? "null" : $"\"{id}\"")}.", nameof(id))
            : id;
        Agreement = ModelGuard.NotDefault(agreement, nameof(agreement));
        Opened = opened;

        if (resolved is { } r && r < opened)
        {
            throw new ArgumentException($"Resolution must be at or after the opening ({opened}); got {r}.", nameof(resolved));
        }

        if (firstResponse is { } f)
        {
            if (f < opened)
            {
                throw new ArgumentException($"First response must be at or after the opening ({opened}); got {f}.", nameof(firstResponse));
            }

            if (resolved is { } r2 && f > r2)
            {
                throw new ArgumentException($"First response must be at or before the resolution ({r2}); got {f}.", nameof(firstResponse));
            }
        }

        if (reopen is { } g)
        {
            if (!g.HasStart || !g.HasEnd)
            {
                throw new ArgumentException($"The reopen gap must run from the first resolution to the reopening; got the open interval {g}.", nameof(reopen));
            }

            if (g.Start < opened || (resolved is { } r3 && g.End > r3))
            {
                throw new ArgumentException($"The reopen gap must lie inside the request's lifetime {Lifetime(opened, resolved)}; got {g}.", nameof(reopen));
            }
        }

        Resolved = resolved;
        FirstResponse = firstResponse;
        Reopen = reopen;
        Pauses = pauses is null ? [] : CheckPauses([.. pauses], opened, resolved, reopen);
    }

    /// <summary>Gets the request's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the agreement the request is measured against.</summary>
    public AgreementId Agreement { get; }

    /// <summary>Gets when the request was opened.</summary>
    public Instant Opened { get; }

    /// <summary>Gets when the provider first responded, or <see langword="null"/> if it has not.</summary>
    public Instant? FirstResponse { get; }

    /// <summary>Gets when the request was finally resolved, or <see langword="null"/> if it has not been.</summary>
    public Instant? Resolved { get; }

    /// <summary>Gets the intervals spent waiting on the customer, sorted and disjoint; the last may be open-ended.</summary>
    public ImmutableArray<Interval> Pauses { get; }

    /// <summary>Gets the gap from the first resolution to the reopening, or <see langword="null"/> if the request was never reopened.</summary>
    public Interval? Reopen { get; }

    /// <inheritdoc />
    public bool Equals(ServiceRequest? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Agreement == other.Agreement
                && Opened == other.Opened
                && FirstResponse == other.FirstResponse
                && Resolved == other.Resolved
                && Reopen == other.Reopen
                && Pauses.SequenceEqual(other.Pauses)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceRequest);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Agreement);
        hash.Add(Opened);
        hash.Add(FirstResponse);
        hash.Add(Resolved);
        hash.Add(Reopen);
        foreach (var p in Pauses)
        {
            hash.Add(p);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>INC-1 (it-desk, opened 2026-03-02T09:00:00Z, resolved 2026-03-02T12:00:00Z, 1 pause)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Id} ({Agreement}, opened {Opened}{(Resolved is { } r ? $", resolved {r}" : string.Empty)}, {Pauses.Length} pause{(Pauses.Length == 1 ? string.Empty : "s")})";

    private static string Lifetime(Instant opened, Instant? resolved) =>
        resolved is { } r ? $"[{opened}, {r}]" : $"[{opened}, ...)";

    private static ImmutableArray<Interval> CheckPauses(ImmutableArray<Interval> pauses, Instant opened, Instant? resolved, Interval? reopen)
    {
        for (var i = 0; i < pauses.Length; i++)
        {
            var p = pauses[i];
            if (!p.HasStart)
            {
                throw new ArgumentException($"Pause {i} must have a start; got {p}.", nameof(pauses));
            }

            if (p.Start < opened || (resolved is { } r && (!p.HasEnd || p.End > r)))
            {
                throw new ArgumentException($"Pause {i} must lie inside the request's lifetime {Lifetime(opened, resolved)}; got {p}.", nameof(pauses));
            }

            if (i > 0 && (!pauses[i - 1].HasEnd || p.Start < pauses[i - 1].End))
            {
                throw new ArgumentException($"Pauses must be sorted and disjoint; pause {i} {p} starts before pause {i - 1} {pauses[i - 1]} ends.", nameof(pauses));
            }

            if (reopen is { } g && p.Start < g.End && (!p.HasEnd || g.Start < p.End))
            {
                throw new ArgumentException($"Pause {i} {p} overlaps the reopen gap {g}.", nameof(pauses));
            }
        }

        return pauses;
    }
}
