using InternalCustomer.Interchange;
using System.Collections.Immutable;

namespace InternalCustomer.Data;

/// <summary>
/// Which column of a table (or of any <see cref="System.Data.Common.DbDataReader"/>) holds each field of a
/// <see cref="Feedback.FeedbackResponse"/>: the mapping <see cref="FeedbackResponseTable"/> reads and writes with.
/// </summary>
/// <remarks>
/// <para>The fields are those of the CSV response layout (docs/interchange.md): <c>respondent</c>, <c>subject</c>,
/// <c>instant</c>, <c>scaleMin</c>, <c>scaleMax</c>, <c>overall</c>, <c>recommend</c>, <c>effort</c>, <c>agreement</c>,
/// <c>service</c>, <c>comment</c>; <see cref="Default"/> maps each to the column of the same name. <c>respondent</c>,
/// <c>subject</c>, <c>instant</c> and <c>overall</c> are required; any other field may be left unmapped
/// (<see cref="WithColumn"/> with <see langword="null"/>): it is then neither read nor written (an unmapped scale is
/// 1–5, as in the CSV). Dimension ratings are, as in the CSV, the columns named <see cref="PerceptionPrefix"/> or
/// <see cref="ExpectationPrefix"/> followed by the dimension's name (<c>perception.reliability</c>).</para>
/// <para>Immutable. Equality is by the column of every field and the two prefixes.</para>
/// </remarks>
public sealed class FeedbackResponseColumns : IEquatable<FeedbackResponseColumns>
{
    private FeedbackResponseColumns(ColumnMap map, string perceptionPrefix, string expectationPrefix)
    {
        Map = map;
        PerceptionPrefix = perceptionPrefix;
        ExpectationPrefix = expectationPrefix;
    }

    /// <summary>Gets the mapping of every field to the column of its own name (the CSV column names), with the CSV's
    /// rating prefixes <c>perception.</c> and <c>expectation.</c>.</summary>
    public static FeedbackResponseColumns Default { get; } =
        new(ColumnMap.Default("feedback response", FeedbackResponseTable.Fields, FeedbackResponseTable.RequiredFields), FeedbackResponseMapping.RatingPrefixes[0], FeedbackResponseMapping.RatingPrefixes[1]);

    /// <summary>Gets the fields, in the order of the CSV response layout.</summary>
    public static ImmutableArray<string> Fields => Default.Map.Fields;

    /// <summary>Gets the start of the name of each column that holds a perception rating, the rest being the dimension.</summary>
    public string PerceptionPrefix { get; }

    /// <summary>Gets the start of the name of each column that holds an expectation rating, the rest being the dimension.</summary>
    public string ExpectationPrefix { get; }

    internal ColumnMap Map { get; }

    /// <summary>Tells whether two mappings are equal.</summary>
    /// <param name="left">The first mapping.</param>
    /// <param name="right">The second mapping.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(FeedbackResponseColumns? left, FeedbackResponseColumns? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tells whether two mappings differ.</summary>
    /// <param name="left">The first mapping.</param>
    /// <param name="right">The second mapping.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(FeedbackResponseColumns? left, FeedbackResponseColumns? right) => !(left == right);

    /// <summary>The column of a field.</summary>
    /// <param name="field">One of <see cref="Fields"/>.</param>
    /// <returns>The column's name, or <see langword="null"/> when the field is not mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not one of <see cref="Fields"/>.</exception>
    public string? ColumnOf(string field) => Map.ColumnOf(field, nameof(field));

    /// <summary>This mapping with the field read from (and written to) another column, or not at all.</summary>
    /// <param name="field">One of <see cref="Fields"/>.</param>
    /// <param name="column">The column's name; <see langword="null"/> to leave an optional field unmapped.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not one of <see cref="Fields"/>; <paramref name="column"/>
    /// is blank, is the column of another field, or is <see langword="null"/> for a required field.</exception>
    public FeedbackResponseColumns WithColumn(string field, string? column) =>
        new(Map.With(field, column, nameof(field), nameof(column)), PerceptionPrefix, ExpectationPrefix);

    /// <summary>This mapping with other prefixes for the columns of dimension ratings.</summary>
    /// <param name="perceptionPrefix">The start of each perception column's name (<c>p_</c> for <c>p_reliability</c>).</param>
    /// <param name="expectationPrefix">The start of each expectation column's name.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentNullException">A prefix is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A prefix is empty, or one prefix starts with the other (a column would be both).</exception>
    public FeedbackResponseColumns WithRatingPrefixes(string perceptionPrefix, string expectationPrefix)
    {
        ArgumentNullException.ThrowIfNull(perceptionPrefix);
        ArgumentNullException.ThrowIfNull(expectationPrefix);
        if (perceptionPrefix.Length == 0)
        {
            throw new ArgumentException("Expected a non-empty prefix for the perception columns (such as \"perception.\"); got \"\".", nameof(perceptionPrefix));
        }

        if (expectationPrefix.Length == 0)
        {
            throw new ArgumentException("Expected a non-empty prefix for the expectation columns (such as \"expectation.\"); got \"\".", nameof(expectationPrefix));
        }

        if (perceptionPrefix.StartsWith(expectationPrefix, StringComparison.Ordinal) || expectationPrefix.StartsWith(perceptionPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected two prefixes neither of which starts with the other; got \"{perceptionPrefix}\" and \"{expectationPrefix}\".", nameof(expectationPrefix));
        }

        return new(Map, perceptionPrefix, expectationPrefix);
    }

    /// <inheritdoc />
    public bool Equals(FeedbackResponseColumns? other) =>
        other is not null
        && Map.Equals(other.Map)
        && string.Equals(PerceptionPrefix, other.PerceptionPrefix, StringComparison.Ordinal)
        && string.Equals(ExpectationPrefix, other.ExpectationPrefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Map, StringComparer.Ordinal.GetHashCode(PerceptionPrefix), StringComparer.Ordinal.GetHashCode(ExpectationPrefix));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeedbackResponseColumns);

    /// <summary>Returns each field with its column and the two prefixes.</summary>
    /// <returns>The mapping as text.</returns>
    public override string ToString() => $"{Map}, perceptions={PerceptionPrefix}*, expectations={ExpectationPrefix}*";

    internal string PrefixOf(string kind) => kind == "perception" ? PerceptionPrefix : ExpectationPrefix;
}
