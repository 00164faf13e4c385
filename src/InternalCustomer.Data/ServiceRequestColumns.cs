using System.Collections.Immutable;

namespace InternalCustomer.Data;

/// <summary>
/// Which column of a table (or of any <see cref="System.Data.Common.DbDataReader"/>) holds each field of a
/// <see cref="Agreements.ServiceRequest"/>: the mapping <see cref="ServiceRequestTable"/> reads and writes with.
/// </summary>
/// <remarks>
/// <para>The fields are those of the CSV request layout (docs/interchange.md): <c>id</c>, <c>agreement</c>,
/// <c>opened</c>, <c>firstResponse</c>, <c>resolved</c>, <c>pauses</c>, <c>reopen</c>, <c>priority</c>, <c>service</c>,
/// <c>category</c>; <see cref="Default"/> maps each to the column of the same name. <c>id</c>, <c>agreement</c> and
/// <c>opened</c> are required; any other field may be left unmapped (<see cref="WithColumn"/> with <see langword="null"/>):
/// it is then neither read nor written. What each column may hold is in docs/database.md.</para>
/// <para>Immutable. Equality is by the column of every field.</para>
/// </remarks>
public sealed class ServiceRequestColumns : IEquatable<ServiceRequestColumns>
{
    private ServiceRequestColumns(ColumnMap map) => Map = map;

    /// <summary>Gets the mapping of every field to the column of its own name (the CSV column names).</summary>
    public static ServiceRequestColumns Default { get; } = new(ColumnMap.Default("service request", ServiceRequestTable.Fields, ServiceRequestTable.RequiredFields));

    /// <summary>Gets the fields, in the order of the CSV request layout.</summary>
    public static ImmutableArray<string> Fields => Default.Map.Fields;

    internal ColumnMap Map { get; }

    /// <summary>Tells whether two mappings are equal.</summary>
    /// <param name="left">The first mapping.</param>
    /// <param name="right">The second mapping.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ServiceRequestColumns? left, ServiceRequestColumns? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tells whether two mappings differ.</summary>
    /// <param name="left">The first mapping.</param>
    /// <param name="right">The second mapping.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ServiceRequestColumns? left, ServiceRequestColumns? right) => !(left == right);

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
    public ServiceRequestColumns WithColumn(string field, string? column) => new(Map.With(field, column, nameof(field), nameof(column)));

    /// <inheritdoc />
    public bool Equals(ServiceRequestColumns? other) => other is not null && Map.Equals(other.Map);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceRequestColumns);

    /// <inheritdoc />
    public override int GetHashCode() => Map.GetHashCode();

    /// <summary>Returns each field with its column, such as <c>id=id, opened=opened_at, …</c>.</summary>
    /// <returns>The mapping as text.</returns>
    public override string ToString() => Map.ToString();
}
