using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// One entry of a request's status log, as a ticketing system exports it: at <see cref="At"/> the request entered
/// <see cref="Status"/>, and, when <see cref="Priority"/> is set, its priority changed.
/// </summary>
/// <remarks>An entry may repeat the current status to record a priority change alone. Equality is component-wise
/// (statuses compare ordinally).</remarks>
public readonly struct StatusChange : IEquatable<StatusChange>
{
    /// <summary>Creates a status-log entry.</summary>
    /// <param name="at">When the request entered the status.</param>
    /// <param name="status">The status entered; non-blank (for example <c>In Progress</c>).</param>
    /// <param name="priority">The request's priority from this instant on, or <see langword="null"/> if it did not change.</param>
    /// <exception cref="ArgumentException"><paramref name="status"/> is <see langword="null"/> or blank, or <paramref name="priority"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> lies outside the supported range (<see cref="SupportedRange"/>:
    /// from 1900-01-01T00:00:00Z, inclusive, to 2201-01-01T00:00:00Z, exclusive).</exception>
    public StatusChange(Instant at, string status, PriorityId? priority = null)
    {
        RangeGuard.Instant(at, nameof(at), "a status change");
        if (CheckStatus(status) is { } problem)
        {
            throw new ArgumentException(problem, nameof(status));
        }

        if (priority is { IsDefault: true })
        {
            throw new ArgumentException("Expected a parsed PriorityId or null; got default(PriorityId).", nameof(priority));
        }

        At = at;
        Status = status;
        _priority = priority?.Value;
    }

    // The priority's text, or null: 8 bytes instead of a nullable identifier's 16, so a million logs take less memory to read.
    private readonly string? _priority;

    /// <summary>Gets when the request entered the status.</summary>
    public Instant At { get; }

    /// <summary>Gets the status entered.</summary>
    public string Status { get; }

    /// <summary>Gets the request's priority from this instant on, or <see langword="null"/> if it did not change here.</summary>
    public PriorityId? Priority => _priority is null ? null : PriorityId.FromChecked(_priority);

    /// <summary>Compares two entries component-wise.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public static bool operator ==(StatusChange left, StatusChange right) => left.Equals(right);

    /// <summary>Compares two entries component-wise.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(StatusChange left, StatusChange right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(StatusChange other) =>
        At == other.At && string.Equals(Status, other.Status, StringComparison.Ordinal) && string.Equals(_priority, other._priority, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StatusChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(At, Status is null ? 0 : StringComparer.Ordinal.GetHashCode(Status), Priority);

    /// <summary>Returns a description such as <c>2026-03-02T09:00:00Z In Progress (priority P1)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{At} {Status}{(Priority is { } p ? $" (priority {p})" : string.Empty)}";

    /// <summary>Why a status name is unacceptable, or <see langword="null"/> when it is non-blank text.</summary>
    internal static string? CheckStatus(string? status) =>
        string.IsNullOrWhiteSpace(status) ? $"A status must be non-blank text; got {(status is null ? "null" : $"\"{status}\"")}." : null;
}
