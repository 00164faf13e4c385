using System.Runtime.CompilerServices;

namespace InternalCustomer.Feedback;

/// <summary>
/// Maps department ids to dense indexes 0, 1, 2, … for the grouping hot loop.
/// </summary>
/// <remarks>
/// Ids are compared ordinally, but hashing a string's characters on every response is the largest cost of
/// grouping. Responses usually share the string instances of their ids, so a first lookup by reference
/// (identity hash, open addressing, no interface calls) answers almost every call; only a new string
/// instance falls through to the ordinal dictionary, and is then remembered too.
/// </remarks>
internal sealed class DepartmentIndexer
{
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
    private readonly List<DepartmentId> _ids = [];
    private string?[] _keys = new string?[256];
    private int[] _values = new int[256];
    private int _count;

    internal IReadOnlyList<DepartmentId> Ids => _ids;

    internal int IndexOf(DepartmentId id)
    {
        var text = id.Value;
        var mask = _keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(text) & mask;
        while (true)
        {
            var k = _keys[i];
            if (ReferenceEquals(k, text))
            {
                return _values[i];
            }

            if (k is null)
            {
                return Insert(id, text, i);
            }

            i = (i + 1) & mask;
        }
    }

    private int Insert(DepartmentId id, string text, int slot)
    {
        if (!_byValue.TryGetValue(text, out var index))
        {
            index = _ids.Count;
            _byValue.Add(text, index);
            _ids.Add(id);
        }

        _keys[slot] = text;
        _values[slot] = index;
        if (++_count * 2 > _keys.Length)
        {
            Grow();
        }

        return index;
    }

    private void Grow()
    {
        var (oldKeys, oldValues) = (_keys, _values);
        _keys = new string?[oldKeys.Length * 2];
        _values = new int[oldKeys.Length * 2];
        var mask = _keys.Length - 1;
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] is { } k)
            {
                var i = RuntimeHelpers.GetHashCode(k) & mask;
                while (_keys[i] is not null)
                {
                    i = (i + 1) & mask;
                }

                _keys[i] = k;
                _values[i] = oldValues[j];
            }
        }
    }
}
