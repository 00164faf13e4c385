using System.Collections.Immutable;

namespace InternalCustomer;

/// <summary>
/// Thrown when input has problems and a value was demanded anyway (<see cref="Result{T}.GetValueOrThrow"/>);
/// carries every problem, not just the first.
/// </summary>
public class ProblemException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public ProblemException(IEnumerable<Problem> problems)
        : this(Check(problems, nameof(problems)))
    {
    }

    /// <summary>Creates the exception with a message only (no problems); prefer the constructor taking problems.</summary>
    public ProblemException()
        : this("The input has problems.")
    {
    }

    /// <summary>Creates the exception with a message only (no problems); prefer the constructor taking problems.</summary>
    /// <param name="message">The message.</param>
    public ProblemException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception (no problems).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception from checked problems, with a heading naming what has them.</summary>
    /// <param name="subject">What has the problems, for the message's heading (for example "The organization").</param>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    protected ProblemException(string subject, IEnumerable<Problem> problems)
        : this(subject, Check(problems, nameof(problems)))
    {
    }

    private ProblemException(ImmutableArray<Problem> problems)
        : this("The input", problems)
    {
    }

    private ProblemException(string subject, ImmutableArray<Problem> problems)
        : base(Describe(subject + " has", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, in the order found; empty only when created with a message alone.</summary>
    public ImmutableArray<Problem> Problems { get; }

    internal static string Describe(string heading, ImmutableArray<Problem> problems)
    {
        var head = problems.Length == 1 ? $"{heading} 1 problem:" : $"{heading} {problems.Length} problems:";
        return head + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }

    internal static ImmutableArray<Problem> Check(IEnumerable<Problem> problems, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(problems, parameterName);
        var list = problems.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("Expected at least one problem; got none.", parameterName);
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(parameterName, $"Expected a problem at index {i}; got null.");
            }
        }

        return list;
    }
}
