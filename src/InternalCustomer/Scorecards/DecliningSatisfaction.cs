namespace InternalCustomer.Scorecards;

/// <summary>
/// The consumer's overall rating of the provider falls over time, significantly: the least-squares slope is negative
/// and its p-value (two-sided t test of slope = 0, as R's <c>lm</c>) is below <see cref="ScorecardOptions.TrendSignificance"/>.
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="SlopePer30Days">The slope, in rating points per 30 days; negative.</param>
/// <param name="Interval">The slope's confidence interval at the options' level, when there is one.</param>
/// <param name="PValue">The slope's p-value.</param>
/// <param name="Responses">How many responses the trend is fitted to.</param>
/// <param name="Significance">The significance level the p-value is below (the threshold crossed).</param>
public sealed record DecliningSatisfaction(
    DepartmentId Provider,
    DepartmentId Consumer,
    double SlopePer30Days,
    ConfidenceInterval? Interval,
    double PValue,
    long Responses,
    double Significance) : RelationshipFinding(Provider, Consumer);
