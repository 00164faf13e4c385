using System.Collections.Immutable;

namespace InternalCustomer.Feedback;

/// <summary>
/// The provider × consumer satisfaction matrix: one <see cref="FeedbackSummary"/> per relationship that has
/// feedback, with the providers as rows and the consumers as columns.
/// </summary>
/// <remarks>
/// Rows and columns are sorted ordinally. A cell without feedback is <see langword="null"/>, not an empty
/// summary, so "no data" and "data" never look alike. Apply <see cref="FeedbackMetrics"/> to a cell for its
/// metrics with intervals.
/// </remarks>
public sealed class SatisfactionMatrix
{
    private readonly ImmutableSortedDictionary<Relationship, FeedbackSummary> _cells;

    private SatisfactionMatrix(ImmutableSortedDictionary<Relationship, FeedbackSummary> cells)
    {
        _cells = cells;
        Providers = [.. cells.Keys.Select(k => k.Provider).Distinct().Order()];
        Consumers = [.. cells.Keys.Select(k => k.Consumer).Distinct().Order()];
    }

    /// <summary>Gets the providers (rows) that have feedback, sorted.</summary>
    public ImmutableArray<DepartmentId> Providers { get; }

    /// <summary>Gets the consumers (columns) that gave feedback, sorted.</summary>
    public ImmutableArray<DepartmentId> Consumers { get; }

    /// <summary>Gets the non-empty cells, sorted by provider then consumer.</summary>
    public ImmutableSortedDictionary<Relationship, FeedbackSummary> Cells => _cells;

    /// <summary>Gets the summary of the feedback <paramref name="consumer"/> gave about <paramref name="provider"/>, or <see langword="null"/> if none.</summary>
    /// <param name="provider">The providing department (row).</param>
    /// <param name="consumer">The consuming department (column).</param>
    /// <returns>The cell's summary, or <see langword="null"/>.</returns>
    public FeedbackSummary? this[DepartmentId provider, DepartmentId consumer] =>
        _cells.TryGetValue(new Relationship(provider, consumer), out var s) ? s : null;

    /// <summary>Builds the matrix from responses (see <see cref="FeedbackGrouping.ByRelationship"/>).</summary>
    /// <param name="responses">The responses; empty input gives an empty matrix.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale or dimension set.</exception>
    public static SatisfactionMatrix Of(ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions = null) =>
        new(FeedbackGrouping.ByRelationship(responses, overallScale, dimensions));

    /// <summary>Builds the matrix from summaries already grouped by relationship (for example from partitions); summaries for the same relationship are merged.</summary>
    /// <param name="cells">The summaries per relationship.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> or a summary is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two summaries for the same relationship cannot be merged (different scales or dimension sets).</exception>
    public static SatisfactionMatrix FromCells(IEnumerable<KeyValuePair<Relationship, FeedbackSummary>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var builder = ImmutableSortedDictionary.CreateBuilder<Relationship, FeedbackSummary>();
        foreach (var (key, summary) in cells)
        {
            ArgumentNullException.ThrowIfNull(summary, nameof(cells));
            builder[key] = builder.TryGetValue(key, out var existing) ? existing.Merge(summary) : summary;
        }

        return new SatisfactionMatrix(builder.ToImmutable());
    }
}
