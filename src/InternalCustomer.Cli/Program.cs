using System.Text;
using InternalCustomer.Cli;
using Microsoft.Win32.SafeHandles;

return CliApp.Run(args, StandardOutput(), Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);

// Console.Out drops writes to a closed pipe silently (EPIPE is ignored), so a truncated `| head` run would look like
// success; on Unix stdout is written through a stream on file descriptor 1, whose write errors (a closed pipe, a full
// disk) reach CliApp as IOException. The writer is never disposed: a failed flush is not retried at exit.
static TextWriter StandardOutput()
{
    if (OperatingSystem.IsWindows())
    {
        return Console.Out;
    }

    try
    {
        return new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
    catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
    {
        return Console.Out;
    }
}
