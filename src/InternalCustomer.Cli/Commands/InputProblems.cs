using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Cli.Commands;

/// <summary>One file's records as read (those without a problem of their own), each with where it came from.</summary>
/// <typeparam name="T">The type of the records.</typeparam>
internal sealed record FileRecords<T>(string File, ImmutableArray<T> Records, ImmutableArray<RecordOrigin> Origins)
    where T : class
{
    /// <summary>Gets no records, from no file.</summary>
    internal static FileRecords<T> None { get; } = new(Inputs.ExampleName, [], []);
}

/// <summary>Creates <see cref="FileRecords{T}"/>.</summary>
internal static class FileRecords
{
    /// <summary>The records of a read, its problems added to <paramref name="problems"/>, one located line each.</summary>
    internal static FileRecords<T> Of<T>(string file, LocatedRecords<T> read, List<string> problems)
        where T : class
    {
        problems.AddRange(read.Problems.Select(p => InputProblems.Line(file, p)));
        return new(file, read.Records, read.Origins);
    }
}

/// <summary>
/// A cross-reference problem said where a format problem of its file would be: the file, the location of the record's
/// field in it (line and column for CSV, the JSON path for JSON), the library's message, and the near-miss id suggested,
/// if any (as data, and in the message as <c>; did you mean "x"?</c>).
/// </summary>
internal sealed record InputProblem(string File, ProblemKind Kind, ProblemLocation Location, string Message, string? Suggestion = null)
{
    /// <summary>Returns <c>file: location: message</c>, the line the tool writes.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => $"{File}: {Location}: {Message}";
}

/// <summary>
/// The problems of the inputs, said with the file they came from: the readers' (format) problems as they are, and the
/// problems <see cref="Scorecard.Validate"/> finds in the records read (an unknown agreement or department, an undeclared
/// priority, a service the agreement does not cover), located through the records' <see cref="RecordOrigin"/>s, so both
/// kinds read alike (<c>requests.csv: line 3, column 4 (agreement): …</c>, <c>requests.json: $.requests[2].agreement: …</c>).
/// </summary>
/// <remarks>
/// <para>No follow-on problems: a record with a problem of its own was not made (<see cref="LocatedRecords{T}"/>), so it is
/// never checked against the organisation; and the files are checked against the organisation only once it reads without
/// problems (until then an unknown agreement might be one the organisation document failed to define).</para>
/// <para>Only the first <see cref="Limit"/> cross-reference problems of a file are listed, then how many more there are, as
/// the readers do for format problems. Identical lines (a status log's first priority, checked as the request's and as its
/// first entry's) are said once.</para>
/// </remarks>
internal static class InputProblems
{
    /// <summary>The most cross-reference problems listed per file unless <c>--max-problems</c> says otherwise.</summary>
    internal const int Limit = ReadOptions.DefaultMaxProblems;

    /// <summary>A reader's problem as the line the tool writes: <c>file: location: message</c>.</summary>
    internal static string Line(string file, Problem problem) => $"{file}: {problem.Location}: {problem.Message}";

    /// <summary>
    /// The problems <see cref="Scorecard.Validate"/> finds in the records, located in their files; and the as-of problem
    /// apart (an <c>--as-of</c> before the data begins is a command-line mistake, said as a usage error when the data has no
    /// problem of its own). <paramref name="recordSource"/> names the file of any other problem (the improvement record's).
    /// At most <paramref name="limit"/> of a file's problems are listed (<c>--max-problems</c>), then how many more.
    /// </summary>
    internal static (IReadOnlyList<InputProblem> Problems, Problem? AsOf) CrossReferences(
        Organization organization,
        FileRecords<ServiceRequest> requests,
        FileRecords<FeedbackResponse> responses,
        ScorecardOptions options,
        string recordSource,
        int limit = Limit)
    {
        var problems = new List<InputProblem>();
        var seen = new HashSet<InputProblem>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var suggestions = new Suggestions(organization);
        Problem? asOf = null;
        foreach (var p in Scorecard.Validate(organization, requests.Records.AsSpan(), responses.Records.AsSpan(), options))
        {
            // Located as $.requests[i]…, $.responses[i]…, $.options…: the location says which file the problem is in,
            // which record and which part of it; the record's origin says where that part is in the file.
            var located = p.Location.Segments switch
            {
                [{ Name: "options" }, { Name: "asOf" }] when p.Kind == ProblemKind.InvalidValue => null,
                [{ Name: "requests" }, { Index: { } i }, .. var rest] =>
                    Locate(requests.File, requests.Origins[i], p, rest, suggestions.ForRequest(requests.Records[i], p.Kind, rest)),
                [{ Name: "responses" }, { Index: { } i }, .. var rest] =>
                    Locate(responses.File, responses.Origins[i], p, rest, suggestions.ForResponse(responses.Records[i], p.Kind, rest)),
                // The improvement record's (which its reader has checked against the same organisation already): at the record's path.
                _ => new InputProblem(recordSource, p.Kind, p.Location, p.Message),
            };
            if (located is null)
            {
                asOf = p;
                continue;
            }

            if (!seen.Add(located))
            {
                continue;
            }

            var count = counts[located.File] = counts.GetValueOrDefault(located.File) + 1;
            if (count <= limit)
            {
                problems.Add(located);
            }
        }

        foreach (var (file, count) in counts.Where(c => c.Value > limit))
        {
            problems.Add(new InputProblem(
                file,
                ProblemKind.UnknownReference,
                ProblemLocation.Root,
                string.Create(CultureInfo.InvariantCulture, $"… and {count - limit} more cross-reference problem{(count - limit == 1 ? string.Empty : "s")}; only the first {limit} are listed.")));
        }

        return (problems, asOf);
    }

    private static InputProblem Locate(string file, RecordOrigin origin, Problem problem, ImmutableArray<PathSegment> rest, string? suggestion) =>
        new(
            file,
            problem.Kind,
            origin.Locate(ProblemLocation.FromPath(rest)),
            suggestion is null ? problem.Message : IdentifierSuggestion.WithSuggestion(problem.Message, suggestion),
            suggestion);

    /// <summary>The near-miss suggestions for the ids a record names (<see cref="IdentifierSuggestion.Suggest"/>), each
    /// unknown text worked out once per kind.</summary>
    private sealed class Suggestions(Organization organization)
    {
        private readonly Dictionary<(string Kind, string Text), string?> _memo = [];

        internal string? ForRequest(ServiceRequest request, ProblemKind kind, ImmutableArray<PathSegment> part)
        {
            if (kind != ProblemKind.UnknownReference)
            {
                return null;
            }

            return part switch
            {
                [{ Name: "agreement" }] => Suggest("agreement", request.Agreement.Value, () => organization.Agreements.Select(a => a.Id.Value)),
                [{ Name: "priority" }] when request.Priority is { } p => Suggest("priority", p.Value, Priorities),
                [{ Name: "statusLog" }, { Index: { } j }, { Name: "priority" }] when j < request.StatusLog.Length && request.StatusLog[j].Priority is { } p => Suggest("priority", p.Value, Priorities),
                [{ Name: "service" }] when request.Service is { } s && organization.Agreements.FirstOrDefault(a => a.Id == request.Agreement) is { } agreement =>
                    Suggest("service of " + agreement.Id.Value, s.Value, () => agreement.Services.Select(v => v.Value)),
                _ => null,
            };
        }

        internal string? ForResponse(FeedbackResponse response, ProblemKind kind, ImmutableArray<PathSegment> part) => (kind, part) switch
        {
            (ProblemKind.UnknownReference, [{ Name: "subject" }]) => Suggest("department", response.Subject.Value, Departments),
            (ProblemKind.UnknownReference, [{ Name: "respondent" }]) => Suggest("department", response.Respondent.Value, Departments),
            _ => null,
        };

        private IEnumerable<string> Priorities() => organization.Priorities.Select(p => p.Value);

        private IEnumerable<string> Departments() => organization.Departments.Select(d => d.Id.Value);

        private string? Suggest(string kind, string text, Func<IEnumerable<string>> known)
        {
            if (!_memo.TryGetValue((kind, text), out var suggestion))
            {
                suggestion = IdentifierSuggestion.Suggest(text, known());
                _memo.Add((kind, text), suggestion);
            }

            return suggestion;
        }
    }
}
