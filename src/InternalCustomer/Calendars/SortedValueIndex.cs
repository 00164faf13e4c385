using System.Runtime.CompilerServices;

namespace InternalCustomer.Calendars;

/// <summary>
/// Answers "how many values are below v" for a sorted array of cumulative business-time values in constant expected time:
/// a direct index of equal-width buckets over the values, then a short scan.
/// </summary>
/// <remarks>
/// The values (cumulative working time at each zone transition, or at the start of each holiday) grow by about the weekly
/// working time per week, so with buckets a few weeks of working time wide each bucket holds a handful of values and the
/// lookup does not depend on how far apart the queried values are. A leading <see cref="Int128.MinValue"/> sentinel is allowed.
/// </remarks>
internal sealed class SortedValueIndex
{
    private const int MaxBuckets = 1 << 15;

    private readonly Int128[] _values;
    private readonly int _first; // index of the first value that is not the sentinel
    private readonly Int128 _origin;
    private readonly Int128 _last;
    private readonly double _inverseWidth;
    private readonly int[] _bucket; // values below _origin + b * width

    /// <summary>Initializes the index.</summary>
    /// <param name="values">Non-decreasing values, optionally starting with one <see cref="Int128.MinValue"/>.</param>
    /// <param name="width">The preferred bucket width (positive); widened if the buckets would exceed 32,768.</param>
    internal SortedValueIndex(Int128[] values, Int128 width)
    {
        _values = values;
        _first = values.Length > 0 && values[0] == Int128.MinValue ? 1 : 0;
        if (_first >= values.Length)
        {
            _bucket = [];
            return;
        }

        _origin = values[_first];
        _last = values[^1];
        var range = _last - _origin;
        if (width < 1)
        {
            width = 1;
        }

        if (range / width >= MaxBuckets - 1)
        {
            width = (range / (MaxBuckets - 2)) + 1;
        }

        var count = (int)(range / width) + 1;
        _bucket = new int[count];
        _inverseWidth = 1.0 / (double)width;
        var j = _first;
        for (var b = 0; b < count; b++)
        {
            var start = _origin + (b * width);
            while (j < values.Length && values[j] < start)
            {
                j++;
            }

            _bucket[b] = j;
        }
    }

    /// <summary>Returns the number of values strictly below <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The count (the sentinel, if any, counts as below everything).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int CountBelow(Int128 value)
    {
        if (value <= _origin)
        {
            return _first;
        }

        var values = _values;
        if (value > _last)
        {
            return values.Length;
        }

        // The bucket from a double estimate (exact up to rounding); the scans below correct any off-by-one.
        var b = (long)((double)(value - _origin) * _inverseWidth);
        var j = _bucket[(int)Math.Clamp(b, 0, _bucket.Length - 1)];
        while (j < values.Length && values[j] < value)
        {
            j++;
        }

        while (j > _first && values[j - 1] >= value)
        {
            j--;
        }

        return j;
    }
}
