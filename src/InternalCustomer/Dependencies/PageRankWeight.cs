namespace InternalCustomer.Dependencies;

/// <summary>Which edge weight <see cref="DependencyGraph.PageRank"/> spreads a department's rank by.</summary>
public enum PageRankWeight
{
    /// <summary>Every merged edge weighs 1 (networkx's <c>weight=None</c>).</summary>
    None = 0,

    /// <summary>The merged edge's criticality, 1 to 5.</summary>
    Criticality = 1,

    /// <summary>The merged edge's volume; an edge without a volume weighs 0, and a department whose edges all weigh 0 counts as dangling.</summary>
    Volume = 2,
}
