using System.Globalization;

namespace InternalCustomer.Interchange.State;

/// <summary>What the binary and JSON readers share: the core's validating factories called with the parts read, their
/// rejections turned into problems located at the part.</summary>
internal static class StateParts
{
    /// <summary>The names of an improvement window's four on-time counts, in the order they are written.</summary>
    internal static readonly string[] OnTimeParts = ["treatedOnTimeBefore", "treatedOnTimeAfter", "controlOnTimeBefore", "controlOnTimeAfter"];

    /// <summary>Calls a validating factory; an <see cref="ArgumentException"/> it throws becomes a
    /// <see cref="ProblemKind.InvalidValue"/> at <paramref name="at"/>, under the part its parameter names. (A
    /// <see cref="ProblemLocation"/> converts to a <see cref="StatePlace"/>: the JSON readers call it with theirs.)</summary>
    internal static T Build<T>(StatePlace at, Func<T> factory) => Build(at, factory, static f => f());

    /// <summary>The interval from <paramref name="start"/> to <paramref name="end"/> (either open when
    /// <see langword="null"/>); one that ends before it starts is a <see cref="ProblemKind.InvalidValue"/> at <paramref name="at"/>.</summary>
    internal static NodaTime.Interval Window(NodaTime.Instant? start, NodaTime.Instant? end, StatePlace at) =>
        start is { } s && end is { } e && e < s
            ? throw new StateFormatException(ProblemKind.InvalidValue, at, $"Expected a window that ends at or after its start {s}; got the end {e}.")
            : new NodaTime.Interval(start, end);

    /// <summary>As <see cref="Build{T}(StatePlace, Func{T})"/>, with the factory's arguments passed as
    /// <paramref name="state"/> so that a static lambda allocates no closure (the binary readers call it per part).</summary>
    internal static T Build<TState, T>(StatePlace at, TState state, Func<TState, T> factory)
    {
        try
        {
            return factory(state);
        }
        catch (ArgumentException e)
        {
            throw new StateFormatException(ProblemKind.InvalidValue, e.ParamName is { Length: > 0 } part ? at.Property(part) : at, e.Message);
        }
    }

    /// <summary>Parses an identifier; a malformed one is a <see cref="ProblemKind.InvalidId"/> at <paramref name="at"/>.</summary>
    internal static T Id<T>(string value, StatePlace at)
        where T : struct, IParsable<T>
    {
        if (T.TryParse(value, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw new StateFormatException(ProblemKind.InvalidId, at, $"Expected an identifier (1–64 letters, digits, '-', '_', '.'); got '{value}'.");
    }
}
