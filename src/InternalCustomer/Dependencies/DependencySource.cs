namespace InternalCustomer.Dependencies;

/// <summary>Where an edge of the <see cref="DependencyGraph"/> comes from; a merged edge carries every source of the facts merged into it.</summary>
[Flags]
public enum DependencySource
{
    /// <summary>No source; not valid on an edge.</summary>
    None = 0,

    /// <summary>A dependency declared explicitly in the organisation (<see cref="Organizations.DeclaredDependency"/>).</summary>
    Declared = 1,

    /// <summary>A service agreement between the two departments.</summary>
    Agreement = 2,
}
