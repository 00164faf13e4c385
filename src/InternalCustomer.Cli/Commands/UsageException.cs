namespace InternalCustomer.Cli.Commands;

/// <summary>A command-line mistake: a missing file, a directory, a bad option value. Exit code 1, as for invalid input: both are the user's to fix.</summary>
internal sealed class UsageException(string message) : Exception(message);
