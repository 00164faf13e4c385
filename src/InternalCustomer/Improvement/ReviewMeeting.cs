using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// A recorded review meeting between a provider and its consumer: when it took place, who was present, what was noted
/// and which improvement actions were agreed. A meeting reviews the agreements it names on its date (or, naming none,
/// every agreement between the pair in effect on that date), so they are no longer due for review.
/// </summary>
/// <remarks>Immutable; equality is by value (every property, the lists element by element). Whether the departments,
/// agreements and actions it names exist is checked against an organisation by <see cref="ImprovementRecord.TryCreate"/>.</remarks>
public sealed class ReviewMeeting : IEquatable<ReviewMeeting>
{
    /// <summary>Creates a meeting.</summary>
    /// <param name="id">The meeting's id.</param>
    /// <param name="relationship">The provider and consumer who met.</param>
    /// <param name="date">The day of the meeting.</param>
    /// <param name="present">The departments present: at least one, each once (others than the pair may attend). Stored sorted.</param>
    /// <param name="notes">Optional notes; <see langword="null"/> or non-blank.</param>
    /// <param name="actionsAgreed">The improvement actions agreed at the meeting, each once; stored sorted. <see langword="null"/> for none.</param>
    /// <param name="agreements">The agreements reviewed, each once; stored sorted. <see langword="null"/> or empty: every agreement between the pair in effect on <paramref name="date"/>.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>, the relationship is not a pair of two different departments,
    /// <paramref name="present"/> is empty or repeats a department, a list repeats an id, or <paramref name="notes"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="present"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside the supported dates, 1900-01-01 to
    /// 2200-12-31 (<see cref="SupportedRange"/>).</exception>
    public ReviewMeeting(
        MeetingId id,
        Relationship relationship,
        LocalDate date,
        IEnumerable<DepartmentId> present,
        string? notes = null,
        IEnumerable<ActionId>? actionsAgreed = null,
        IEnumerable<AgreementId>? agreements = null)
    {
        ArgumentNullException.ThrowIfNull(present);
        Id = ModelGuard.NotDefault(id, nameof(id));
        Relationship = ImprovementGuard.Pair(relationship, nameof(relationship));
        Date = RangeGuard.Date(date, nameof(date), "a meeting date");
        Present = ImprovementGuard.SortedDistinct(present, "the departments present", nameof(present));
        if (Present.IsEmpty)
        {
            throw new ArgumentException($"Expected at least one department present at meeting '{id}'; got none.", nameof(present));
        }

        Notes = ImprovementGuard.OptionalText(notes, "Notes", nameof(notes));
        ActionsAgreed = ImprovementGuard.SortedDistinct(actionsAgreed, "the actions agreed", nameof(actionsAgreed));
        Agreements = ImprovementGuard.SortedDistinct(agreements, "the agreements reviewed", nameof(agreements));
    }

    /// <summary>Gets the meeting's id.</summary>
    public MeetingId Id { get; }

    /// <summary>Gets the provider and consumer who met.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets the day of the meeting.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the departments present, sorted by id.</summary>
    public ImmutableArray<DepartmentId> Present { get; }

    /// <summary>Gets the notes, or <see langword="null"/>.</summary>
    public string? Notes { get; }

    /// <summary>Gets the actions agreed at the meeting, sorted by id.</summary>
    public ImmutableArray<ActionId> ActionsAgreed { get; }

    /// <summary>Gets the agreements reviewed, sorted by id; empty means every agreement between the pair in effect on <see cref="Date"/>.</summary>
    public ImmutableArray<AgreementId> Agreements { get; }

    /// <summary>Compares every property, the lists element by element.</summary>
    /// <param name="other">The meeting to compare with.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(ReviewMeeting? other) =>
        other is not null
        && Id == other.Id
        && Relationship == other.Relationship
        && Date == other.Date
        && Notes == other.Notes
        && Present.SequenceEqual(other.Present)
        && ActionsAgreed.SequenceEqual(other.ActionsAgreed)
        && Agreements.SequenceEqual(other.Agreements);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReviewMeeting);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Relationship);
        hash.Add(Date);
        hash.Add(Notes);
        foreach (var d in Present)
        {
            hash.Add(d);
        }

        foreach (var a in ActionsAgreed)
        {
            hash.Add(a);
        }

        foreach (var a in Agreements)
        {
            hash.Add(a);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Review meeting '{Id}' of {ImprovementGuard.Describe(Relationship)} on {ImprovementGuard.Day(Date)}";
}
