using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Under an agreement in effect, the consumer has given no feedback about the provider for longer than the agreement's
/// review cadence: <c>Since + Cadence &lt; AsOfDate</c>, dates in the agreement's calendar zone. With several such
/// agreements, the most overdue (then the lowest id) is reported.
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="Agreement">The agreement whose cadence elapsed.</param>
/// <param name="LastFeedback">The instant of the latest feedback, or <see langword="null"/> when there is none.</param>
/// <param name="Since">The date of the latest feedback, or the agreement's first effective day when there is none.</param>
/// <param name="Cadence">The agreement's review cadence (the threshold crossed).</param>
/// <param name="AsOfDate">The as-of date in the agreement's zone.</param>
public sealed record FeedbackOverdue(
    DepartmentId Provider,
    DepartmentId Consumer,
    AgreementId Agreement,
    Instant? LastFeedback,
    LocalDate Since,
    Period Cadence,
    LocalDate AsOfDate) : RelationshipFinding(Provider, Consumer)
{
    /// <summary>Gets the last day feedback was due: <see cref="Since"/> plus <see cref="Cadence"/>.</summary>
    public LocalDate DueBy => Since.Plus(Cadence);

    /// <summary>Gets the days from <see cref="DueBy"/> to <see cref="AsOfDate"/> (at least 1).</summary>
    public int DaysOverdue => Period.DaysBetween(DueBy, AsOfDate);
}
