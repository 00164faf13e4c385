using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NodaTime;

namespace InternalCustomer.Calendars;

/// <summary>
/// The wall offsets of one tzdb zone as a table of transitions with a direct index, shared by every calendar on that zone.
/// </summary>
/// <remarks>
/// <para>Entry 0 is a sentinel at <see cref="long.MinValue"/> carrying the zone's earliest offset; entry <c>i &gt; 0</c> is a
/// transition at <see cref="Seconds"/>[i] (Unix seconds; tzdb transitions fall on whole seconds) after which the wall offset
/// is <see cref="OffsetSeconds"/>[i]. Consecutive intervals with the same wall offset are merged: they change nothing here.</para>
/// <para>The table is explicit up to <see cref="PeriodStart"/> plus one period <see cref="PeriodSeconds"/> of 400 Gregorian
/// years (146,097 days, exactly 20,871 weeks). From <see cref="PeriodStart"/> on the zone follows its recurring tzdb rules
/// (month, day and weekday rules repeat exactly every 400 years), so an instant at or after the end of the table is reduced by
/// whole periods. An entry at exactly <see cref="PeriodStart"/> always exists (a transition there, or an artificial entry with
/// an unchanged offset) at index <see cref="PeriodStartIndex"/>. The unit tests check the reduction against NodaTime for every
/// tzdb zone.</para>
/// <para>Tables are built once per zone and period start and cached in a <see cref="ConcurrentDictionary{TKey, TValue}"/>;
/// they are immutable after construction, so publication through the dictionary is safe.</para>
/// </remarks>
internal sealed class ZoneTransitionTable
{
    /// <summary>400 Gregorian years in seconds.</summary>
    internal const long PeriodSeconds = 146_097L * 86_400L;

    private static readonly ConcurrentDictionary<(string ZoneId, long PeriodStart), ZoneTransitionTable> Cache = new();

    /// <summary>Bucket width of the direct index: 2^22 s, about 48.5 days (no tzdb zone changes offset twice within it in modern times).</summary>
    private const int BucketShift = 22;

    /// <summary>The direct index covers at most this many buckets (about 1,100 years, 32 KiB).</summary>
    private const int MaxBuckets = 8_192;

    private readonly long _bucketOrigin;
    private readonly int[] _bucket;

    private ZoneTransitionTable(long[] seconds, int[] offsetSeconds, long periodStart, int periodStartIndex)
    {
        Seconds = seconds;
        OffsetSeconds = offsetSeconds;
        PeriodStart = periodStart;
        PeriodStartIndex = periodStartIndex;

        // Direct index: _bucket[b] = last entry at or before _bucketOrigin + b * 2^22 s. It covers the table from its first
        // transition (or 1850) for up to MaxBuckets buckets; lookups outside fall back to binary search.
        _bucketOrigin = seconds.Length > 1 ? Math.Max(seconds[1], -3_786_825_600L) : 0; // 1850-01-01
        var count = seconds.Length > 1
            ? (int)Math.Min(MaxBuckets, ((Math.Min(seconds[^1], long.MaxValue - (2L << BucketShift)) - _bucketOrigin) >> BucketShift) + 2)
            : 0;
        _bucket = new int[Math.Max(count, 0)];
        var index = 0;
        for (var b = 0; b < _bucket.Length; b++)
        {
            var at = _bucketOrigin + ((long)b << BucketShift);
            while (index + 1 < seconds.Length && seconds[index + 1] <= at)
            {
                index++;
            }

            _bucket[b] = index;
        }
    }

    /// <summary>Gets the transition instants in Unix seconds (entry 0 is <see cref="long.MinValue"/>).</summary>
    internal long[] Seconds { get; }

    /// <summary>Gets the wall offset in seconds from each transition on.</summary>
    internal int[] OffsetSeconds { get; }

    /// <summary>Gets the Unix second from which the zone repeats every <see cref="PeriodSeconds"/>; <see cref="long.MaxValue"/> when the table covers all of time.</summary>
    internal long PeriodStart { get; }

    /// <summary>Gets the index of the entry at <see cref="PeriodStart"/> (the table's length when there is no period).</summary>
    internal int PeriodStartIndex { get; }

    /// <summary>Gets the number of entries.</summary>
    internal int Count => Seconds.Length;

    /// <summary>Gets (building once) the table of a zone whose periodic part starts at <paramref name="periodStart"/>.</summary>
    /// <param name="zone">The tzdb zone.</param>
    /// <param name="periodStart">Unix seconds of the period start, or <see cref="long.MaxValue"/> for a table covering all of time.</param>
    /// <returns>The table.</returns>
    internal static ZoneTransitionTable For(DateTimeZone zone, long periodStart) =>
        Cache.GetOrAdd((zone.Id, periodStart), static (key, z) => Build(z, key.PeriodStart), zone);

    /// <summary>Finds the entry in force at an instant, reducing instants past the table by whole periods.</summary>
    /// <param name="unixSeconds">The instant's Unix seconds (rounded down).</param>
    /// <param name="periods">The number of whole periods removed (0 inside the table).</param>
    /// <returns>The index of the last entry at or before the (reduced) instant.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Find(long unixSeconds, out long periods)
    {
        var seconds = Seconds;
        periods = 0;
        var lo = 0;
        var hi = Math.Min(PeriodStartIndex, seconds.Length);
        if (unixSeconds >= PeriodStart)
        {
            periods = (unixSeconds - PeriodStart) / PeriodSeconds;
            unixSeconds -= periods * PeriodSeconds;
            lo = PeriodStartIndex;
            hi = seconds.Length;
        }

        var b = (unixSeconds - _bucketOrigin) >> BucketShift;
        if ((ulong)b < (ulong)_bucket.Length)
        {
            var i = Math.Max(_bucket[b], lo);
            while (i + 1 < hi && seconds[i + 1] <= unixSeconds)
            {
                i++;
            }

            return i;
        }

        return LastAtOrBefore(seconds, lo, hi, unixSeconds);
    }

    private static int LastAtOrBefore(long[] seconds, int lo, int hi, long value)
    {
        // Invariant: seconds[lo] <= value; answer in [lo, hi).
        while (hi - lo > 1)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (seconds[mid] <= value)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static ZoneTransitionTable Build(DateTimeZone zone, long periodStart)
    {
        var maxSeconds = Instant.MaxValue.ToUnixTimeSeconds();
        var periodic = periodStart != long.MaxValue && periodStart <= maxSeconds - PeriodSeconds;
        if (!periodic)
        {
            periodStart = long.MaxValue;
        }

        var limit = periodic ? periodStart + PeriodSeconds : long.MaxValue;
        var seconds = new List<long>();
        var offsets = new List<int>();
        var interval = zone.GetZoneInterval(Instant.MinValue);
        var offset = interval.WallOffset.Seconds;
        seconds.Add(long.MinValue);
        offsets.Add(offset);
        var periodStartIndex = -1;
        while (interval.HasEnd)
        {
            var end = interval.End;
            var (endSeconds, endNanoseconds) = end.ToUnixTimeSecondsAndNanoseconds();
            if (endNanoseconds != 0)
            {
                throw new InvalidOperationException($"Zone {zone.Id} has a transition at {end} that is not on a whole second.");
            }

            if (endSeconds >= limit)
            {
                break;
            }

            if (periodic && periodStartIndex < 0 && endSeconds >= periodStart)
            {
                if (endSeconds > periodStart)
                {
                    seconds.Add(periodStart);
                    offsets.Add(offset);
                }

                periodStartIndex = seconds.Count - (endSeconds > periodStart ? 1 : 0);
            }

            interval = zone.GetZoneInterval(end);
            var next = interval.WallOffset.Seconds;
            if (next != offset || (periodic && endSeconds == periodStart))
            {
                seconds.Add(endSeconds);
                offsets.Add(next);
                offset = next;
            }
        }

        if (periodic && periodStartIndex < 0)
        {
            periodStartIndex = seconds.Count;
            seconds.Add(periodStart);
            offsets.Add(offset);
        }

        if (!periodic)
        {
            periodStartIndex = seconds.Count;
        }

        return new ZoneTransitionTable([.. seconds], [.. offsets], periodStart, periodStartIndex);
    }
}
