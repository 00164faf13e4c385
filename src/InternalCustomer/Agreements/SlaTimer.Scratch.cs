using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>The timers' per-thread working memory.</content>
public sealed partial class SlaTimer
{
    /// <summary>
    /// Per-thread working memory of the timers: buffers for the pauses a status log or a merge produces (no allocation and,
    /// unlike <c>stackalloc</c>, no zeroing per request), and a memo of the status strings already resolved against the last
    /// few clock conditions read. A reader returns logs whose statuses share one string per distinct text (but not the clock
    /// conditions' own strings), so with the memo every lookup after the first request is a reference comparison instead of
    /// hashing the text (docs/benchmarks.md, "Issue 11: the status-log target met"). It keeps several clocks because a
    /// scorecard reads each request with its first-response clock and then its resolution clock, and agreements' clocks
    /// interleave. One object per thread, so one thread-static access per request; nothing in it is shared between threads.
    /// </summary>
    private sealed class ThreadScratch
    {
        // The clocks remembered (replaced in turn), and the status instances remembered per clock (replaced in turn once
        // full): bounded, so hostile logs with millions of distinct strings cannot grow it, and never stuck on the strings
        // of an earlier document.
        private const int Clocks = 8;
        private const int MemoSize = 16;

        [ThreadStatic]
        private static ThreadScratch? t_current;

        private readonly ClockConditions?[] _clocks = new ClockConditions?[Clocks];
        private readonly string?[] _statuses = new string?[Clocks * MemoSize];
        private readonly ClockAction[] _actions = new ClockAction[Clocks * MemoSize];
        private readonly int[] _counts = new int[Clocks];
        private readonly int[] _nextStatus = new int[Clocks];
        private Interval[] _pauses = new Interval[32];
        private Interval[] _merged = new Interval[32];
        private int _slot;
        private int _nextClock;

        internal static ThreadScratch Current => t_current ??= new ThreadScratch();

        /// <summary>A buffer for the pauses a log produces, of at least <paramref name="capacity"/> intervals.</summary>
        internal Span<Interval> Pauses(int capacity) => Grow(ref _pauses, capacity);

        /// <summary>A buffer for merged pauses, of at least <paramref name="capacity"/> intervals (another than <see cref="Pauses"/>).</summary>
        internal Span<Interval> Merged(int capacity) => Grow(ref _merged, capacity);

        /// <summary>Makes the memo answer for <paramref name="clock"/>: its slot if it has one, else the next slot in turn,
        /// emptied of what it knew of another clock.</summary>
        internal void Use(ClockConditions clock)
        {
            if (ReferenceEquals(_clocks[_slot], clock))
            {
                return;
            }

            for (var i = 0; i < Clocks; i++)
            {
                if (ReferenceEquals(_clocks[i], clock))
                {
                    _slot = i;
                    return;
                }
            }

            var slot = _nextClock;
            _nextClock = (slot + 1) % Clocks;
            _clocks[slot] = clock;
            Array.Clear(_statuses, slot * MemoSize, MemoSize);
            _counts[slot] = 0;
            _nextStatus[slot] = 0;
            _slot = slot;
        }

        /// <summary>What entering <paramref name="status"/> does under the clock given to <see cref="Use"/>: the memo by
        /// reference, else the clock (whose answer for this instance is remembered, in place of the oldest once full).</summary>
        internal bool ActionOf(string status, out ClockAction action)
        {
            var slot = _slot;
            var first = slot * MemoSize;
            var statuses = _statuses.AsSpan(first, MemoSize);
            var count = _counts[slot];
            for (var i = 0; i < count; i++)
            {
                if (ReferenceEquals(statuses[i], status))
                {
                    action = _actions[first + i];
                    return true;
                }
            }

            if (!_clocks[slot]!.ActionOf(status, out action))
            {
                return false;
            }

            var at = count < MemoSize ? count : _nextStatus[slot];
            if (count < MemoSize)
            {
                _counts[slot] = count + 1;
            }
            else
            {
                _nextStatus[slot] = (at + 1) % MemoSize;
            }

            statuses[at] = status;
            _actions[first + at] = action;
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
