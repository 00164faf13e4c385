using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace InternalCustomer.Organizations;

/// <summary>The outcome of <see cref="OrganizationBuilder.TryBuild"/>: an organisation, or every problem that prevents one.</summary>
public sealed class OrganizationBuildResult
{
    internal OrganizationBuildResult(Organization? organization, ImmutableArray<ValidationProblem> problems)
    {
        Organization = organization;
        Problems = problems;
    }

    /// <summary>Gets the organisation, or <see langword="null"/> when there are problems.</summary>
    public Organization? Organization { get; }

    /// <summary>Gets every problem found; empty when the organisation is valid.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    /// <summary>Gets a value indicating whether the organisation is valid (then <see cref="Organization"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Organization))]
    public bool IsValid => Organization is not null;
}
