namespace InternalCustomer.Scorecards;

/// <summary>A finding about one provider–consumer relationship.</summary>
public abstract record RelationshipFinding : Finding
{
    private protected RelationshipFinding(DepartmentId provider, DepartmentId consumer)
    {
        Provider = provider;
        Consumer = consumer;
    }

    /// <summary>Gets the supplier.</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the internal customer.</summary>
    public DepartmentId Consumer { get; }
}
