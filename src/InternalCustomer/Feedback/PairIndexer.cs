namespace InternalCustomer.Feedback;

/// <summary>
/// Maps (provider index, consumer index) pairs to dense group indexes 0, 1, 2, … with open addressing
/// over one packed <see cref="long"/> key: the grouping hot loop's second lookup. Key and value sit in one
/// entry so a lookup touches one cache line.
/// </summary>
internal sealed class PairIndexer
{
    private const long Empty = -1;
    private readonly List<long> _pairs = [];
    private Entry[] _entries;

    internal PairIndexer()
    {
        _entries = new Entry[1024];
        _entries.AsSpan().Fill(new Entry(Empty, 0));
    }

    internal int Count => _pairs.Count;

    /// <summary>Returns the group index of the pair, and whether it was new.</summary>
    internal int IndexOf(int provider, int consumer, out bool added)
    {
        var key = ((long)provider << 32) | (uint)consumer;
        var entries = _entries;
        var mask = entries.Length - 1;
        var i = Slot(key, mask);
        while (true)
        {
            var e = entries[i];
            if (e.Key == key)
            {
                added = false;
                return e.Value;
            }

            if (e.Key == Empty)
            {
                added = true;
                var index = _pairs.Count;
                _pairs.Add(key);
                entries[i] = new Entry(key, index);
                if (_pairs.Count * 2 > entries.Length)
                {
                    Grow();
                }

                return index;
            }

            i = (i + 1) & mask;
        }
    }

    internal (int Provider, int Consumer) PairAt(int index) => ((int)(_pairs[index] >> 32), (int)(_pairs[index] & 0xFFFF_FFFF));

    private static int Slot(long key, int mask) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32) & mask;

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _entries.AsSpan().Fill(new Entry(Empty, 0));
        var mask = _entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Key != Empty)
            {
                var i = Slot(e.Key, mask);
                while (_entries[i].Key != Empty)
                {
                    i = (i + 1) & mask;
                }

                _entries[i] = e;
            }
        }
    }

    private readonly record struct Entry(long Key, int Value);
}
