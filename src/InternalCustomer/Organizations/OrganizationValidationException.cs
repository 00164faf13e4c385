namespace InternalCustomer.Organizations;

/// <summary>
/// Thrown by <see cref="OrganizationBuilder.Build"/> when the organisation is not valid.
/// Carries every problem found, not just the first (<see cref="ProblemException.Problems"/>).
/// </summary>
public sealed class OrganizationValidationException : ProblemException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public OrganizationValidationException(IEnumerable<Problem> problems)
        : base("The organization", problems)
    {
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
    }

    /// <summary>Creates the exception with a message and an inner exception (no problems).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OrganizationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
