namespace InternalCustomer.Cli.Commands;

/// <summary>A command-line mistake: a missing file, a directory, a bad option value. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
