using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;

namespace InternalCustomer.Cli;

/// <summary>
/// Loads the organisation, requests and responses a command works on: from files named on the command line
/// (JSON or CSV by extension), or the built-in example organisation when no organisation file is given.
/// </summary>
internal sealed class Inputs(TextWriter error, bool showProgress)
{
    /// <summary>Files larger than this show a progress indicator while read (when stderr is a terminal).</summary>
    internal const long ProgressThreshold = 4 * 1024 * 1024;

    internal const string ExampleName = "built-in example";

    internal (Organization Organization, string Name) Organization(string? file)
    {
        if (file is null)
        {
            return (OrganizationJson.Read(Example("organization.json")).GetValueOrThrow(), ExampleName);
        }

        var result = OrganizationJson.Read(ReadFile(file, "an organisation document"));
        return (Valid(result, file), file);
    }

    internal IReadOnlyList<ServiceRequest> Requests(string? file, bool example)
    {
        if (file is null)
        {
            return example ? ServiceRequestCsv.Read(Example("requests.csv")).GetValueOrThrow() : [];
        }

        var bytes = ReadFile(file, "a request file");
        return Valid(IsCsv(file) ? ServiceRequestCsv.Read(bytes) : ServiceRequestJson.Read(bytes), file);
    }

    internal IReadOnlyList<FeedbackResponse> Responses(string? file, bool example)
    {
        if (file is null)
        {
            return example ? FeedbackResponseCsv.Read(Example("responses.csv"), null).GetValueOrThrow() : [];
        }

        var bytes = ReadFile(file, "a response file");
        return Valid(IsCsv(file) ? FeedbackResponseCsv.Read(bytes, null) : FeedbackResponseJson.Read(bytes, null), file);
    }

    internal static byte[] Example(string name)
    {
        using var stream = typeof(Inputs).Assembly.GetManifestResourceStream("example/" + name)
            ?? throw new InvalidOperationException($"The built-in example lacks {name}; the tool was built without docs/examples.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsCsv(string file) => file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static T Valid<T>(Result<T> result, string file)
        where T : class =>
        result.Value ?? throw new InvalidInputException([.. result.Problems.Select(p => $"{file}: {p.Location}: {p.Message}")]);

    private byte[] ReadFile(string file, string what)
    {
        if (Directory.Exists(file))
        {
            throw new UsageException($"{file}: expected {what}; got a directory.");
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file (expected {what}).");
        }

        try
        {
            using var stream = File.OpenRead(file);
            var length = stream.Length;
            if (!showProgress || length < ProgressThreshold)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }

            var bytes = new byte[length];
            var read = 0;
            var lastPercent = -1;
            while (read < length)
            {
                var n = stream.Read(bytes, read, (int)Math.Min(1 << 20, length - read));
                if (n == 0)
                {
                    break;
                }

                read += n;
                var percent = (int)(100L * read / length);
                if (percent != lastPercent)
                {
                    error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreading {Path.GetFileName(file)}: {percent,3}%"));
                    lastPercent = percent;
                }
            }

            error.Write("\r" + new string(' ', 40) + "\r");
            return read == length ? bytes : bytes[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot be read: {e.Message}");
        }
    }
}
