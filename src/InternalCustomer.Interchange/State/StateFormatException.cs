namespace InternalCustomer.Interchange.State;

/// <summary>Unwinds a state reader to its entry point with the problem found; never escapes the public readers, which
/// turn it into a failed result.</summary>
internal sealed class StateFormatException : Exception
{
    internal StateFormatException(Problem problem)
        : base(problem.Message) => Problem = problem;

    internal StateFormatException(ProblemKind kind, ProblemLocation location, string message)
        : this(new Problem(kind, location, message))
    {
    }

    internal StateFormatException(ProblemKind kind, StatePlace place, string message)
        : this(new Problem(kind, place.Resolve(), message))
    {
    }

    public StateFormatException()
        : this(ProblemKind.MalformedInput, ProblemLocation.Root, "The summary state is malformed.")
    {
    }

    public StateFormatException(string message)
        : this(ProblemKind.MalformedInput, ProblemLocation.Root, message)
    {
    }

    public StateFormatException(string message, Exception innerException)
        : base(message, innerException) => Problem = new Problem(ProblemKind.MalformedInput, ProblemLocation.Root, message);

    internal Problem Problem { get; }
}
