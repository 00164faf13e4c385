using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>The timers' per-thread working memory.</content>
public sealed partial class SlaTimer
{
    /// <summary>
    /// Per-thread working memory of the timers: buffers for the pauses a status log or a merge produces (no allocation and,
    /// unlike <c>stackalloc</c>, no zeroing per request), and a memo of the status texts already resolved against one set of
    /// clock conditions. A reader returns logs whose statuses share one string per distinct text (but not the clock
    /// conditions' own strings), so with the memo every lookup after the first request is one reference comparison instead
    /// of hashing the text (measured: hashing made the status-log evaluation 1.9× the shorthand, against 1.2× with the memo).
    /// One object per thread, so one thread-static access per request; nothing in it is shared between threads.
    /// </summary>
    private sealed class ThreadScratch
    {
        // Status instances remembered per clock: beyond this many distinct instances the lookup falls back to the clock's
        // own (still correct, only slower), so hostile logs with millions of distinct texts cannot grow it.
        private const int MemoSize = 16;

        [ThreadStatic]
        private static ThreadScratch? t_current;

        private readonly string?[] _statuses = new string?[MemoSize];
        private readonly ClockAction[] _actions = new ClockAction[MemoSize];
        private Interval[] _pauses = new Interval[32];
        private Interval[] _merged = new Interval[32];
        private ClockConditions? _clock;
        private int _count;

        internal static ThreadScratch Current => t_current ??= new ThreadScratch();

        /// <summary>A buffer for the pauses a log produces, of at least <paramref name="capacity"/> intervals.</summary>
        internal Span<Interval> Pauses(int capacity) => Grow(ref _pauses, capacity);

        /// <summary>A buffer for merged pauses, of at least <paramref name="capacity"/> intervals (another than <see cref="Pauses"/>).</summary>
        internal Span<Interval> Merged(int capacity) => Grow(ref _merged, capacity);

        /// <summary>Makes the memo answer for <paramref name="clock"/>, forgetting what it knew of another clock.</summary>
        internal void Use(ClockConditions clock)
        {
            if (!ReferenceEquals(clock, _clock))
            {
                Array.Clear(_statuses);
                _count = 0;
                _clock = clock;
            }
        }

        /// <summary>What entering <paramref name="status"/> does under the clock given to <see cref="Use"/>: the memo by
        /// reference, else the clock (whose answer for this instance is remembered while there is room).</summary>
        internal bool ActionOf(string status, out ClockAction action)
        {
            var statuses = _statuses;
            var count = _count;
            for (var i = 0; i < count; i++)
            {
                if (ReferenceEquals(statuses[i], status))
                {
                    action = _actions[i];
                    return true;
                }
            }

            if (!_clock!.ActionOf(status, out action))
            {
                return false;
            }

            if (count < MemoSize)
            {
                statuses[count] = status;
                _actions[count] = action;
                _count = count + 1;
            }

            return true;
        }

        private static Span<Interval> Grow(ref Interval[] buffer, int capacity)
        {
            if (buffer.Length < capacity)
            {
                buffer = new Interval[Math.Max(capacity, 2 * buffer.Length)];
            }

            return buffer.AsSpan(0, capacity);
        }
    }
}
