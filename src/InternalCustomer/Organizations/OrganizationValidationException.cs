using System.Collections.Immutable;

namespace InternalCustomer.Organizations;

/// <summary>
/// Thrown by <see cref="OrganizationBuilder.Build"/> when the organisation is not valid.
/// Carries every problem found, not just the first.
/// </summary>
public sealed class OrganizationValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public OrganizationValidationException(ImmutableArray<ValidationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only (no problems); prefer the constructor taking problems.</summary>
    public OrganizationValidationException()
        : this("The organization is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only (no problems); prefer the constructor taking problems.</summary>
    /// <param name="message">The message.</param>
    public OrganizationValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception (no problems).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OrganizationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Gets every problem found, in the order of the builder's sections and entries.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    private static string Describe(ImmutableArray<ValidationProblem> problems)
    {
        if (problems.IsDefaultOrEmpty)
        {
            throw new ArgumentException("Expected at least one validation problem; got none.", nameof(problems));
        }

        var head = problems.Length == 1
            ? "The organization has 1 problem:"
            : $"The organization has {problems.Length} problems:";
        return head + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
