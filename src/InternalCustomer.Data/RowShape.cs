using System.Collections.Frozen;
using System.Data.Common;

namespace InternalCustomer.Data;

/// <summary>What every row of one reader shares: the ordinal and column of each mapped field, the dimension-rating
/// columns of each kind, and which fields hold instants (read once, before the first row).</summary>
internal sealed class RowShape
{
    private RowShape(FrozenDictionary<string, (int Ordinal, string Column)> fields, FrozenSet<string> instants, IReadOnlyDictionary<string, (string Dimension, int Ordinal, string Column)[]> ratings)
    {
        Fields = fields;
        Instants = instants;
        Ratings = ratings;
    }

    internal FrozenDictionary<string, (int Ordinal, string Column)> Fields { get; }

    internal FrozenSet<string> Instants { get; }

    internal IReadOnlyDictionary<string, (string Dimension, int Ordinal, string Column)[]> Ratings { get; }

    /// <summary>The shape of <paramref name="reader"/>'s rows under <paramref name="map"/>; a mapped column the reader
    /// lacks is an <see cref="ArgumentException"/> (<see cref="ColumnMap.Ordinals"/>).</summary>
    internal static RowShape Of(DbDataReader reader, ColumnMap map, IEnumerable<string> instants, FeedbackResponseColumns? ratings, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(reader, parameterName);
        if (reader.IsClosed)
        {
            throw new ArgumentException("Expected an open data reader; got a closed one.", parameterName);
        }

        var ordinals = map.Ordinals(reader, parameterName);
        var fields = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        for (var i = 0; i < map.Fields.Length; i++)
        {
            if (ordinals[i] >= 0)
            {
                fields.Add(map.Fields[i], (ordinals[i], map.ColumnOf(map.Fields[i], parameterName)!));
            }
        }

        var byKind = new Dictionary<string, (string, int, string)[]>(StringComparer.Ordinal);
        if (ratings is not null)
        {
            var names = ColumnMap.Names(reader);
            foreach (var kind in new[] { "perception", "expectation" })
            {
                var prefix = ratings.PrefixOf(kind);
                byKind.Add(kind, [.. names.Select((n, o) => (Name: n, Ordinal: o))
                    .Where(c => c.Name.Length > prefix.Length && c.Name.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(c => (c.Name[prefix.Length..], c.Ordinal, c.Name))]);
            }
        }

        return new(fields.ToFrozenDictionary(StringComparer.Ordinal), instants.ToFrozenSet(StringComparer.Ordinal), byKind);
    }
}
