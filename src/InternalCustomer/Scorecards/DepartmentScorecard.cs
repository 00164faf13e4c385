using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;

namespace InternalCustomer.Scorecards;

/// <summary>
/// One department's scorecard: how it serves its internal customers (as a supplier), how its
/// suppliers serve it (as a customer), where it sits in the dependency graph, and how much of its
/// shortfall is its own.
/// </summary>
public sealed class DepartmentScorecard
{
    internal DepartmentScorecard(
        Department department,
        DepartmentTotals totals,
        ImmutableArray<ObjectiveCompliance> objectives,
        MetricEstimate mean,
        MetricEstimate csat,
        MetricEstimate nps,
        TrendResult trend,
        GraphPosition position,
        ImmutableArray<RelationshipHealth> asSupplier,
        ImmutableArray<RelationshipHealth> asCustomer,
        Attribution attribution)
    {
        Department = department;
        Totals = totals;
        Objectives = objectives;
        Mean = mean;
        Csat = csat;
        Nps = nps;
        Trend = trend;
        Position = position;
        AsSupplier = asSupplier;
        AsCustomer = asCustomer;
        Attribution = attribution;
        ActionsInFlight = Collect(asSupplier, asCustomer, static r => r.ActionsInFlight, static a => a.Id);
        Effects = Collect(asSupplier, asCustomer, static r => r.Effects, static e => e.Action.Id);
    }

    /// <summary>Gets the department.</summary>
    public Department Department { get; }

    /// <summary>Gets the department's id.</summary>
    public DepartmentId Id => Department.Id;

    /// <summary>Gets the mergeable totals behind the supplier view (used for roll-ups).</summary>
    public DepartmentTotals Totals { get; }

    /// <summary>Gets, as a supplier, every time objective of every agreement it provides, with tally and error budget.</summary>
    public ImmutableArray<ObjectiveCompliance> Objectives { get; }

    /// <summary>Gets the first-response tally over all agreements it provides.</summary>
    public SlaTally FirstResponse => Totals.FirstResponse;

    /// <summary>Gets the resolution tally over all agreements it provides.</summary>
    public SlaTally Resolution => Totals.Resolution;

    /// <summary>Gets its internal customers' feedback about it.</summary>
    public FeedbackSummary Feedback => Totals.Feedback;

    /// <summary>Gets the mean overall rating from its internal customers, with a Student-t interval.</summary>
    public MetricEstimate Mean { get; }

    /// <summary>Gets CSAT from its internal customers, with a Wilson interval.</summary>
    public MetricEstimate Csat { get; }

    /// <summary>Gets NPS from its internal customers, with its normal interval.</summary>
    public MetricEstimate Nps { get; }

    /// <summary>Gets the trend of its overall rating per 30 days, with p-value (as R's <c>lm</c>).</summary>
    public TrendResult Trend { get; }

    /// <summary>Gets its position in the dependency graph.</summary>
    public GraphPosition Position { get; }

    /// <summary>Gets the relationships in which it is the supplier, by consumer id.</summary>
    public ImmutableArray<RelationshipHealth> AsSupplier { get; }

    /// <summary>Gets the relationships in which it is the customer: how each supplier serves it, by provider id.</summary>
    public ImmutableArray<RelationshipHealth> AsCustomer { get; }

    /// <summary>Gets its shortfall as a supplier, split into its own and what it inherits from its suppliers.</summary>
    public Attribution Attribution { get; }

    /// <summary>Gets the improvement actions in flight on its relationships, as supplier and as customer
    /// (<see cref="RelationshipHealth.ActionsInFlight"/>), sorted by id; each names its relationship.</summary>
    public ImmutableArray<ImprovementAction> ActionsInFlight { get; }

    /// <summary>Gets the measured effects of the finished actions on its relationships, as supplier and as customer
    /// (<see cref="RelationshipHealth.Effects"/>), sorted by action id.</summary>
    public ImmutableArray<ActionEffect> Effects { get; }

    private static ImmutableArray<T> Collect<T>(
        ImmutableArray<RelationshipHealth> asSupplier, ImmutableArray<RelationshipHealth> asCustomer, Func<RelationshipHealth, ImmutableArray<T>> select, Func<T, ActionId> id)
    {
        List<T>? items = null;
        foreach (var r in asSupplier.Concat(asCustomer))
        {
            var some = select(r);
            if (!some.IsEmpty)
            {
                (items ??= []).AddRange(some);
            }
        }

        return items is null ? [] : [.. items.OrderBy(id)];
    }
}
