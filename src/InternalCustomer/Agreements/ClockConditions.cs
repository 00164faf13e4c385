using System.Collections.Frozen;
using System.Collections.Immutable;

namespace InternalCustomer.Agreements;

/// <summary>
/// Which statuses start, pause, stop, reset and cancel a time objective's clock, for requests given as a status log
/// (<see cref="ServiceRequest.FromStatusLog"/>): the condition model of ServiceNow's SLA definitions, by status.
/// </summary>
/// <remarks>
/// <para><b>The rules</b>, applied to the log in order (see docs/calendars-and-slas.md, "Status logs"):</para>
/// <list type="bullet">
/// <item>The clock starts when the log first enters a <see cref="ClockAction.Start"/> status; with
/// <see cref="RetroactiveStart"/> it then counts from the log's first entry (the request's creation) instead.</item>
/// <item><see cref="ClockAction.Run"/> statuses keep a running clock running and end a pause; they never start a clock or
/// resume a stopped one.</item>
/// <item>While the request is in a <see cref="ClockAction.Pause"/> status the clock is paused; the status is the pause's reason.</item>
/// <item>Entering a <see cref="ClockAction.Stop"/> status stops the clock. Entering a <see cref="ClockAction.Start"/> status
/// afterwards reopens it: the time between counts as paused, and there may be any number of reopens.</item>
/// <item>Entering a <see cref="ClockAction.Reset"/> status restarts the clock at that instant and discards the time before it.</item>
/// <item>Entering a <see cref="ClockAction.Cancel"/> status ends the clock without a verdict (<see cref="SlaState.Cancelled"/>),
/// unless the deadline had already passed, in which case the request stays breached.</item>
/// </list>
/// <para>Every status a log uses must be named here: a status the conditions do not know is reported, never guessed.
/// Status names compare ordinally. Equality is component-wise.</para>
/// </remarks>
public sealed class ClockConditions : IEquatable<ClockConditions>
{
    private readonly FrozenDictionary<string, ClockAction> _actions;

    // The statuses as given, for a reference check before the dictionary: logs that share their status strings (literals,
    // or readers that keep one instance per distinct status) are looked up without hashing.
    private readonly string[] _keys;
    private readonly ClockAction[] _keyActions;

    /// <summary>Creates clock conditions.</summary>
    /// <param name="statuses">Each status the logs use, with what entering it does to the clock; at least one
    /// <see cref="ClockAction.Start"/> and one <see cref="ClockAction.Stop"/> status, each status once.</param>
    /// <param name="retroactiveStart">Whether the clock, once started, counts from the log's first entry rather than from the start status.</param>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A status is blank or named twice, an action is not defined, or there is no
    /// <see cref="ClockAction.Start"/> or no <see cref="ClockAction.Stop"/> status.</exception>
    public ClockConditions(IEnumerable<KeyValuePair<string, ClockAction>> statuses, bool retroactiveStart = false)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var map = new Dictionary<string, ClockAction>(StringComparer.Ordinal);
        foreach (var (status, action) in statuses)
        {
            if (StatusChange.CheckStatus(status) is { } problem)
            {
                throw new ArgumentException(problem, nameof(statuses));
            }

            if (!Enum.IsDefined(action))
            {
                throw new ArgumentException($"Status \"{status}\" must have a defined clock action (Start, Run, Pause, Stop, Reset or Cancel); got {(int)action}.", nameof(statuses));
            }

            if (!map.TryAdd(status, action))
            {
                throw new ArgumentException($"Each status must be named once; \"{status}\" is named as {map[status]} and as {action}.", nameof(statuses));
            }
        }

        foreach (var needed in new[] { ClockAction.Start, ClockAction.Stop })
        {
            if (!map.ContainsValue(needed))
            {
                throw new ArgumentException($"Clock conditions need at least one {needed} status; got [{Describe(map)}].", nameof(statuses));
            }
        }

        _actions = map.ToFrozenDictionary(StringComparer.Ordinal);
        _keys = [.. map.Keys];
        _keyActions = [.. map.Values];
        Statuses = map.ToImmutableSortedDictionary(StringComparer.Ordinal);
        RetroactiveStart = retroactiveStart;
    }

    /// <summary>Gets each status with what entering it does to the clock, sorted by status.</summary>
    public ImmutableSortedDictionary<string, ClockAction> Statuses { get; }

    /// <summary>Gets whether the clock, once started, counts from the log's first entry (the request's creation).</summary>
    public bool RetroactiveStart { get; }

    /// <summary>Tells what entering a status does to the clock.</summary>
    /// <param name="status">The status.</param>
    /// <param name="action">The action, when the status is named.</param>
    /// <returns><see langword="true"/> if the conditions name the status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is <see langword="null"/>.</exception>
    public bool TryGetAction(string status, out ClockAction action)
    {
        ArgumentNullException.ThrowIfNull(status);
        return ActionOf(status, out action);
    }

    /// <summary>What entering a status does, for a status already known to be non-null (the timer's hot path).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool ActionOf(string status, out ClockAction action)
    {
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (ReferenceEquals(keys[i], status))
            {
                action = _keyActions[i];
                return true;
            }
        }

        return _actions.TryGetValue(status, out action);
    }

    /// <inheritdoc />
    public bool Equals(ClockConditions? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (RetroactiveStart == other.RetroactiveStart && Statuses.Count == other.Statuses.Count
                && Statuses.All(p => other._actions.TryGetValue(p.Key, out var a) && a == p.Value)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClockConditions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RetroactiveStart);
        foreach (var (status, action) in Statuses)
        {
            hash.Add(status, StringComparer.Ordinal);
            hash.Add(action);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>Closed: Stop, New: Start, Waiting: Pause</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(Statuses) + (RetroactiveStart ? " (retroactive start)" : string.Empty);

    private static string Describe(IEnumerable<KeyValuePair<string, ClockAction>> map) =>
        string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
}
