using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;

namespace InternalCustomer.Cli;

/// <summary>
/// Loads the organisation, requests and responses a command works on: from files named on the command line
/// (JSON or CSV by extension), or the built-in example organisation when no file at all is given.
/// </summary>
/// <remarks>The readers do not throw on bad input: each file's problems are added to one list, one located line each, and
/// the records read without a problem of their own are kept with where they came from, so that one run reports every
/// file's problems and the cross-references of the good records (<see cref="InputProblems"/>).</remarks>
internal sealed class Inputs(TextWriter error, bool showProgress, long maxBytes = Inputs.DefaultMaxInputBytes, ReadOptions? readOptions = null)
{
    /// <summary>The largest input file read: 256 MiB. A larger file, or a device or pipe that yields more, is a problem (exit 1).</summary>
    internal const long DefaultMaxInputBytes = 256L * 1024 * 1024;

    /// <summary>Files larger than this show a progress indicator while read (when stderr is a terminal).</summary>
    internal const long ProgressThreshold = 4 * 1024 * 1024;

    internal const string ExampleName = "built-in example";

    /// <summary>Gets how the files are read (<c>--max-problems</c>); the cross-reference problems are capped alike.</summary>
    internal ReadOptions ReadOptions { get; } = readOptions ?? ReadOptions.Default;

    /// <summary>The organisation, or its problems thrown (for <c>graph</c>, which reads nothing else).</summary>
    internal (Organization Organization, string Name) Organization(string? file)
    {
        var problems = new List<string>();
        var (organization, name) = Organization(file, problems);
        return organization is null ? throw new InvalidInputException(problems) : (organization, name);
    }

    /// <summary>The organisation from the file (the built-in example's without one), or <see langword="null"/> with its
    /// problems added to <paramref name="problems"/>, one line each.</summary>
    internal (Organization? Organization, string Name) Organization(string? file, List<string> problems)
    {
        if (file is null)
        {
            return (OrganizationJson.Read(Example("organization.json")).GetValueOrThrow(), ExampleName);
        }

        var result = OrganizationJson.Read(ReadFile(file, "an organisation document"), ReadOptions);
        problems.AddRange(result.Problems.Select(p => InputProblems.Line(file, p)));
        return (result.Value, file);
    }

    /// <summary>The requests of the file (the example's when <paramref name="example"/>, else none without a file): every
    /// request read without a problem of its own, with where it came from; the file's problems are added to
    /// <paramref name="problems"/>.</summary>
    internal FileRecords<ServiceRequest> Requests(string? file, bool example, List<string> problems)
    {
        if (file is null)
        {
            return example ? FileRecords.Of(ExampleName, ServiceRequestCsv.ReadLocated(Example("requests.csv")), problems) : FileRecords<ServiceRequest>.None;
        }

        var bytes = ReadFile(file, "a request file");
        return FileRecords.Of(file, IsCsv(file) ? ServiceRequestCsv.ReadLocated(bytes, ReadOptions) : ServiceRequestJson.ReadLocated(bytes, ReadOptions), problems);
    }

    /// <summary>The responses of the file, as <see cref="Requests"/> reads requests.</summary>
    internal FileRecords<FeedbackResponse> Responses(string? file, bool example, List<string> problems)
    {
        if (file is null)
        {
            return example ? FileRecords.Of(ExampleName, FeedbackResponseCsv.ReadLocated(Example("responses.csv"), null), problems) : FileRecords<FeedbackResponse>.None;
        }

        var bytes = ReadFile(file, "a response file");
        return FileRecords.Of(file, IsCsv(file) ? FeedbackResponseCsv.ReadLocated(bytes, null, ReadOptions) : FeedbackResponseJson.ReadLocated(bytes, null, ReadOptions), problems);
    }

    /// <summary>The improvement record (campaigns, review meetings, actions) of the organisation: from the file, else the
    /// example's when <paramref name="example"/>, else an empty record; <see langword="null"/> when the file has problems,
    /// which are added to <paramref name="problems"/>.</summary>
    internal ImprovementRecord? Improvement(string? file, Organization organization, bool example, List<string> problems)
    {
        if (file is null)
        {
            return example ? ImprovementJson.Read(Example("improvement.json"), organization).GetValueOrThrow() : ImprovementRecord.Empty;
        }

        var result = ImprovementJson.Read(ReadFile(file, "an improvement document"), organization, ReadOptions);
        problems.AddRange(result.Problems.Select(p => InputProblems.Line(file, p)));
        return result.Value;
    }

    /// <summary>Checks that an improvement file exists and can be read, for a run that cannot read it against an organisation.</summary>
    internal void Touch(string file, string what) => ReadFile(file, what);

    internal static byte[] Example(string name)
    {
        using var stream = typeof(Inputs).Assembly.GetManifestResourceStream("example/" + name)
            ?? throw new InvalidOperationException($"The built-in example lacks {name}; the tool was built without docs/examples.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A size in bytes and in MiB (one decimal), such as "300,000,000 bytes (286.1 MiB)".</summary>
    internal static string Size(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes ({bytes / (1024.0 * 1024.0):0.0} MiB)");

    private static bool IsCsv(string file) => file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

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

            // A regular file says its size, so a too-large one is refused before it is read; a device or a pipe
            // (/dev/zero, a FIFO) says 0 or nothing, so every read is counted against the same limit.
            long? length = stream.CanSeek && stream.Length > 0 ? stream.Length : null;
            if (length > maxBytes)
            {
                throw new InvalidInputException([$"{file}: the file is {Size(length.Value)}, more than the input limit of {Size(maxBytes)}."]);
            }

            var progress = showProgress && length >= ProgressThreshold;
            using var copy = new MemoryStream(length is { } l ? (int)Math.Min(l, int.MaxValue) : 0);
            var buffer = new byte[1 << 20];
            var lastPercent = -1;
            while (true)
            {
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - copy.Length));
                if (n == 0)
                {
                    break;
                }

                copy.Write(buffer, 0, n);
                if (copy.Length > maxBytes)
                {
                    throw new InvalidInputException([$"{file}: more than the input limit of {Size(maxBytes)} read{(length is null ? " (it is not a regular file of known size, such as a device or a pipe)" : " (the file grew while it was read)")}; reading stopped there."]);
                }

                if (progress)
                {
                    var percent = (int)Math.Min(100L, 100L * copy.Length / length!.Value);
                    if (percent != lastPercent)
                    {
                        error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreading {Path.GetFileName(file)}: {percent,3}%"));
                        lastPercent = percent;
                    }
                }
            }

            if (progress)
            {
                error.Write("\r" + new string(' ', 40) + "\r");
            }

            return copy.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot be read: {e.Message}");
        }
    }
}
