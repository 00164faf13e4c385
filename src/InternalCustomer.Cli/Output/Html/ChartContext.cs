using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>
/// What the HTML report's pictures are drawn from, beside the sections' tables: the organisation (for its dependency
/// graph and department names), the library's scorecard (relationships, objectives, health) and the responses (for the
/// satisfaction per month). Without it, <c>--format html</c> shows the tables only.
/// </summary>
internal sealed record ChartContext(Organization Organization, OrganizationScorecard Scorecard, IReadOnlyList<FeedbackResponse> Responses)
{
    /// <summary>A department's name, or its id when it has none or is unknown.</summary>
    internal string Name(DepartmentId id) =>
        Organization.Contains(id) && Organization.GetDepartment(id).Name is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name : id.Value;

    /// <summary>An estimate on a 0–1 scale as the tables show it, in percent with its interval (<c>82.4% [78.1%, 86.0%]</c>).</summary>
    internal static string PercentText(MetricEstimate estimate) =>
        new IntervalCell(estimate.Value * 100, estimate.Interval?.Lower * 100, estimate.Interval?.Upper * 100, estimate.Interval?.Level ?? FeedbackMetrics.DefaultLevel, "0.0", "%").Text;
}
