using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>An agreement whose review cadence has elapsed.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Provider">Its provider.</param>
/// <param name="Consumer">Its consumer.</param>
/// <param name="LastReview">When it was last reviewed (its first effective day if never).</param>
/// <param name="DueOn">The last review plus the cadence.</param>
/// <param name="DaysOverdue">Days from <paramref name="DueOn"/> to the as-of date (0 when due today).</param>
public sealed record ReviewDue(AgreementId Agreement, DepartmentId Provider, DepartmentId Consumer, LocalDate LastReview, LocalDate DueOn, int DaysOverdue);
