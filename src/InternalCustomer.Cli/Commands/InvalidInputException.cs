namespace InternalCustomer.Cli.Commands;

/// <summary>Input that was read but is not valid: every problem, each with its file and location. Exit code 1.</summary>
internal sealed class InvalidInputException(IReadOnlyList<string> problems) : Exception(problems.Count + " problem(s)")
{
    internal IReadOnlyList<string> Problems { get; } = problems;
}
