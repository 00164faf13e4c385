using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>An agreement in effect whose review cadence has elapsed: <c>DueOn ≤ as-of date</c> in the agreement's zone.
/// A finding about the agreement rather than about how the relationship fares, so it is not among
/// <see cref="RelationshipHealth.Findings"/> nor in the attention list's reasons.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Provider">Its provider.</param>
/// <param name="Consumer">Its consumer.</param>
/// <param name="LastReview">When it was last reviewed (<see cref="ScorecardOptions.LastReviews"/>; its first effective day if never).</param>
/// <param name="DueOn">The last review plus the cadence (the threshold crossed).</param>
/// <param name="DaysOverdue">Days from <paramref name="DueOn"/> to the as-of date (0 when due today).</param>
public sealed record ReviewDue(
    AgreementId Agreement,
    DepartmentId Provider,
    DepartmentId Consumer,
    LocalDate LastReview,
    LocalDate DueOn,
    int DaysOverdue) : Finding;
