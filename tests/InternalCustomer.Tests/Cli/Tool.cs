using InternalCustomer.Cli;
using NodaTime;
using NodaTime.Testing;

namespace InternalCustomer.Tests.Cli;

/// <summary>Runs <c>internal-customer</c> in-process, as the CLI tests do: stdout, stderr and the exit code, with the clock
/// at 2026-07-01 (after the built-in example's data ends).</summary>
internal static class Tool
{
    internal static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 7, 1, 0, 0));

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, stderrIsTerminal: false, Clock);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The non-empty lines of a text, without their carriage returns.</summary>
    internal static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
