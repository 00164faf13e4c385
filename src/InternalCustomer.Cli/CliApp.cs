using System.CommandLine;
using System.Globalization;
using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Cli.Output;
using InternalCustomer.Cli.Output.Html;
using InternalCustomer.Scorecards;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Cli;

/// <summary>
/// The <c>internal-customer</c> command line: parses the arguments, runs one command against writers, and
/// returns the exit code: 0 ok; 1 the input is wrong (a malformed or inconsistent file, or a usage error: both are
/// things the user fixes); 2 a bug (an unexpected exception), said in one line, never a stack trace.
/// </summary>
/// <remarks>
/// A command writes nothing to <c>stdout</c> until it has succeeded: its output is rendered in memory
/// first, so a failure leaves <c>stdout</c> empty and says why on <c>stderr</c>, one line per problem.
/// </remarks>
internal static class CliApp
{
    internal const int Ok = 0;
    internal const int Invalid = 1;
    internal const int Usage = 1;
    internal const int Bug = 2;

    /// <summary>Where a bug is reported, named in the one line an unexpected exception gives.</summary>
    internal const string IssuesUrl = "https://github.com/internal-customer/internal-customer/issues";

    internal static int Run(string[] args, TextWriter output, TextWriter error, bool stderrIsTerminal = false, IClock? clock = null, long maxInputBytes = Inputs.DefaultMaxInputBytes)
    {
        try
        {
            return RunCommand(args, output, error, stderrIsTerminal, clock, maxInputBytes);
        }
        catch (Exception e)
        {
            // Anything the command did not expect is a bug of the tool, whatever the input: one line, no stack trace.
            try
            {
                return Report(error, [BugReport(e)], Bug);
            }
            catch (Exception)
            {
                return Bug;
            }
        }
    }

    /// <summary>The one line that reports a bug (an unexpected exception).</summary>
    internal static string BugReport(Exception e) =>
        $"internal-customer: internal error ({e.GetType().FullName}: {e.Message}); this is a bug, please report it at {IssuesUrl} with the command line you ran.";

    private static int RunCommand(string[] args, TextWriter output, TextWriter error, bool stderrIsTerminal, IClock? clock, long maxInputBytes)
    {
        var file = new Argument<string?>("file")
        {
            Description = "The organisation document (JSON). Without it (and without --requests, --responses, --improvement), the built-in example manufacturer is used.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: table (default), json, markdown, csv or html (one self-contained page; report draws its charts in it).",
        };
        var graphFormat = new Option<string?>("--format")
        {
            Description = "Graph format: dot (default) or mermaid.",
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Judge everything as of the end of this date (yyyy-MM-dd, UTC). Default: the latest instant in the data.",
        };
        var requests = new Option<string?>("--requests")
        {
            Description = "Service requests (.csv or .json) of the organisation file. With no file at all: the example's.",
        };
        var responses = new Option<string?>("--responses")
        {
            Description = "Feedback responses (.csv or .json) of the organisation file. With no file at all: the example's.",
        };

        var database = new Option<string?>("--database")
        {
            Description = "Read the service requests and feedback responses from a database instead: sqlite:FILE, or a PostgreSQL connection string (\"Host=...;Username=...;Password=...;Database=...\"); tables service_requests and feedback_responses (docs/database.md). The organisation is the file's, else the built-in example's.",
        };

        var outputPath = new Option<string?>("--output")
        {
            Description = "Write the output to this file instead of stdout; with --format csv, to this directory, one <section>.csv per section.",
        };
        var section = new Option<string?>("--section")
        {
            Description = "Only this section (its key, such as sla or attention); --format csv of a command with several sections needs it or --output DIR.",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Every row of the SLA table; by default report shows only the objectives breached or at risk.",
        };

        var improvement = new Option<string?>("--improvement")
        {
            Description = "Improvement document (JSON: campaigns, review meetings, actions) of the organisation file. With no file at all: the example's.",
        };

        var maxProblems = new Option<string?>("--max-problems")
        {
            Description = "List at most this many problems of each input file, and as many cross-reference problems (a whole number of at least 1; default 100), then one line saying how many more. Tables read with --database keep 100.",
        };

        var root = new RootCommand("internal-customer: departments as internal customers and suppliers of each other.");
        Command Add(string name, string description, params Option[] options)
        {
            var command = new Command(name, description);
            command.Arguments.Add(file);
            command.Options.Add(maxProblems);
            foreach (var option in options)
            {
                command.Options.Add(option);
            }

            root.Subcommands.Add(command);
            return command;
        }

        var commands = new Dictionary<Command, string>
        {
            [Add("validate", "Check an organisation document (and --requests/--responses/--improvement files); list every problem with its location.", format, requests, responses, improvement, outputPath)] = "validate",
            [Add("graph", "Write the dependency graph as Graphviz DOT or a Mermaid flowchart.", graphFormat, outputPath)] = "graph",
            [Add("sla", "SLA compliance and error budget per agreement and objective.", format, asOf, requests, outputPath, section)] = "sla",
            [Add("feedback", "Satisfaction per provider and per relationship, with intervals and trends.", format, asOf, responses, outputPath, section)] = "feedback",
            [Add("improvements", "Improvement actions with their measured effect (verdict, CSAT and on time before → after, p-values), and each feedback campaign's response rate and coverage.", format, asOf, requests, responses, improvement, outputPath, section)] = "improvements",
            [Add("report", "The organisation report, headline first: headline, attention list, findings, department scorecards, then the detail (SLA objectives breached or at risk, satisfaction, improvement actions, graph, calendars, departments).", format, asOf, requests, responses, database, improvement, outputPath, section, all)] = "report",
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // An unknown word is the likeliest mistake, so it is reported first (from the parse result, not from a message).
            var first = parsed.UnmatchedTokens.Count > 0 ? $"Unrecognized command or argument '{parsed.UnmatchedTokens[0]}'." : parsed.Errors[0].Message;
            return Report(error, ["error: " + first + " (see --help)"], Usage);
        }

        if (!commands.TryGetValue(parsed.CommandResult.Command, out var name))
        {
            // The root itself, --help or --version: System.CommandLine prints them.
            return Flushed(output, error, parsed.Invoke(new InvocationConfiguration { Output = output, Error = error }) == 0 && args.Length > 0 ? Ok : Usage);
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return Flushed(output, error, Ok);
        }

        // An optional file argument swallows an unknown option; report it as the unknown option it is.
        foreach (var value in new[] { parsed.GetValue(file), parsed.GetValue(requests), parsed.GetValue(responses), parsed.GetValue(database), parsed.GetValue(improvement) })
        {
            if (value is { Length: > 1 } && value[0] == '-')
            {
                return Report(error, [$"error: unknown option '{value}' (see --help)"], Usage);
            }
        }

        IReadOnlyList<(string? Path, string Text)> outputs;
        try
        {
            var inputs = new Inputs(error, stderrIsTerminal, maxInputBytes, ReadOptionsOf(parsed.GetValue(maxProblems)));
            var target = parsed.GetValue(outputPath);
            outputs = name == "graph"
                ? [(target, Graph(inputs, parsed.GetValue(file), parsed.GetValue(graphFormat)))]
                : Tabular(name, inputs, new Request(parsed.GetValue(file), parsed.GetValue(format), parsed.GetValue(asOf), parsed.GetValue(requests), parsed.GetValue(responses), parsed.GetValue(improvement), target, parsed.GetValue(section), parsed.GetValue(all), parsed.GetValue(database)), clock ?? SystemClock.Instance);
        }
        catch (UsageException e)
        {
            return Report(error, ["error: " + e.Message], Usage);
        }
        catch (InvalidInputException e)
        {
            return Report(error, e.Problems, Invalid);
        }

        return outputs is [(null, var text)] ? Flushed(output, error, Ok, text) : Written(outputs, output, error);
    }

    /// <summary>The read options of <c>--max-problems</c> (the readers' defaults without it).</summary>
    /// <exception cref="UsageException">The value is not a whole number of at least 1.</exception>
    private static ReadOptions ReadOptionsOf(string? maxProblems)
    {
        if (maxProblems is null)
        {
            return ReadOptions.Default;
        }

        return int.TryParse(maxProblems, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? ReadOptions.Default with { MaxProblems = value }
            : throw new UsageException($"--max-problems: expected a whole number of at least 1; got '{maxProblems}'.");
    }

    /// <summary>What a tabular command was asked for: its files and output options.</summary>
    private sealed record Request(string? File, string? Format, string? AsOf, string? Requests, string? Responses, string? Improvement, string? Output, string? Section, bool All, string? Database = null);

    /// <summary>
    /// Writes each output to its file (all rendered before the first is written), then says on stdout which files were
    /// written; a file that cannot be written is one line on stderr with exit code 1.
    /// </summary>
    private static int Written(IReadOnlyList<(string? Path, string Text)> outputs, TextWriter output, TextWriter error)
    {
        var lines = new StringBuilder();
        foreach (var (path, text) in outputs)
        {
            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path!)) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllText(path!, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Report(error, [$"error: cannot write {path}: {e.Message}"], Invalid);
            }

            lines.Append(CultureInfo.InvariantCulture, $"wrote {path} ({Encoding.UTF8.GetByteCount(text)} bytes)\n");
        }

        return Flushed(output, error, Ok, lines.ToString());
    }

    /// <summary>
    /// Writes the text (if any) and flushes stdout, then returns the code; a write error (a full disk, a closed pipe,
    /// a closed descriptor, reported as access denied) leaves the output incomplete, which is said in one line with
    /// exit code 1, not a stack trace.
    /// </summary>
    private static int Flushed(TextWriter output, TextWriter error, int code, string? text = null)
    {
        try
        {
            output.Write(text);
            output.Flush();
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Report(error, ["error: cannot write the output: " + e.Message], Invalid);
        }
    }

    /// <summary>
    /// Writes the lines to stderr with their control characters escaped (file names, ids and values come from the
    /// input) and returns the exit code; an stderr that cannot be written to either leaves only the exit code.
    /// </summary>
    private static int Report(TextWriter error, IEnumerable<string> lines, int code)
    {
        try
        {
            foreach (var line in lines)
            {
                error.WriteLine(SafeText.Escape(line));
            }

            error.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nowhere left to say it; the exit code still does.
        }

        return code;
    }

    /// <summary>The --database value as it may be shown: sqlite:FILE as given, a connection string as "a PostgreSQL
    /// connection string" (it may hold a password).</summary>
    private static string DatabaseName(string database) =>
        database.StartsWith(DatabaseInputs.SqlitePrefix, StringComparison.OrdinalIgnoreCase) ? database : "<PostgreSQL connection string>";

    private static string Graph(Inputs inputs, string? file, string? format)
    {
        var kind = (format ?? "dot").ToLowerInvariant();
        if (kind is not ("dot" or "mermaid"))
        {
            throw new UsageException($"--format: expected dot or mermaid for the graph; got \"{format}\".");
        }

        var (organization, _) = inputs.Organization(file);
        var graph = Dependencies.DependencyGraph.FromOrganization(organization);
        var text = kind == "dot" ? graph.ToDot() : graph.ToMermaid();
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static IReadOnlyList<(string? Path, string Text)> Tabular(string command, Inputs inputs, Request request, IClock clock)
    {
        var (file, format, asOfText, requestFile, responseFile, improvementFile) = (request.File, request.Format, request.AsOf, request.Requests, request.Responses, request.Improvement);
        var kind = (format ?? "table").ToLowerInvariant();
        if (!Renderer.Formats.Contains(kind))
        {
            throw new UsageException($"--format: expected table, json, markdown, csv or html; got \"{format}\".");
        }

        Instant? asOf = null;
        if (asOfText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                throw new UsageException($"--as-of: expected a date yyyy-MM-dd such as 2026-06-30; got \"{asOfText}\".");
            }

            // The evaluation instant is the end of the day (the next midnight in UTC), which must lie inside the supported range,
            // so the last date is the day before SupportedRange.MaxDate.
            var lastDate = SupportedRange.MaxDate.PlusDays(-1);
            if (parsed.Value < SupportedRange.MinDate || parsed.Value > lastDate)
            {
                throw new UsageException(
                    $"--as-of: expected a date from {LocalDatePattern.Iso.Format(SupportedRange.MinDate)} to {LocalDatePattern.Iso.Format(lastDate)} "
                    + $"(the end of the day must lie before {InstantPattern.ExtendedIso.Format(SupportedRange.MaxInstant)}, where the range the library supports ends); got \"{asOfText}\".");
            }

            asOf = parsed.Value.PlusDays(1).AtMidnight().InUtc().ToInstant();
        }

        var example = file is null;
        if (request.Database is { } db && (requestFile is not null ? ("--requests", requestFile) : responseFile is not null ? ("--responses", responseFile) : default) is ({ } fileOption, { } fileGiven))
        {
            throw new UsageException($"--database {DatabaseName(db)} and {fileOption} {fileGiven}: the database holds the requests and the responses; give either --database or --requests/--responses, not both.");
        }

        if (example && (requestFile is not null ? ("--requests", requestFile) : responseFile is not null ? ("--responses", responseFile) : improvementFile is not null ? ("--improvement", improvementFile) : default) is ({ } option, { } given))
        {
            // The example's records name the example's agreements and departments; a file of one's own belongs to an organisation of one's own.
            throw new UsageException($"{option} {given}: an organisation file is needed to read {given} (internal-customer {command} my-org.json {option} {given}); the built-in example's own requests, responses and improvement record are used only when no file at all is given.");
        }

        // Every file is read and every problem collected, so one run reports them all (InputProblems).
        var problems = new List<string>();
        var (organization, source) = inputs.Organization(file, problems);
        var (requests, responses) = request.Database is { } connection
            ? DatabaseInputs.Read(connection, problems)
            : (command is "sla" or "report" or "validate" or "improvements" ? inputs.Requests(requestFile, example && command != "validate", problems) : FileRecords<ServiceRequest>.None,
                command is "feedback" or "report" or "validate" or "improvements" ? inputs.Responses(responseFile, example && command != "validate", problems) : FileRecords<FeedbackResponse>.None);
        ImprovementRecord? record = null;
        if (organization is null)
        {
            // Until the organisation reads, what the other files name cannot be checked against it.
            if (improvementFile is not null)
            {
                inputs.Touch(improvementFile, "an improvement document");
            }

            problems.AddRange(new[] { requestFile, responseFile, improvementFile }.OfType<string>().Select(f => $"{f}: not checked against the organisation, which has problems: its agreements, departments and services are checked once {source} reads."));
            throw new InvalidInputException(problems);
        }

        if (command is "improvements" or "report" || improvementFile is not null)
        {
            record = inputs.Improvement(improvementFile, organization, example && command != "validate", problems);
        }

        var latest = Scorecard.DataEnds(requests.Records.AsSpan(), responses.Records.AsSpan());
        if (asOf is null && latest is null)
        {
            // With neither requests nor responses the default as-of instant is now; agreements that take effect later
            // are not the --as-of mistake the library's check would otherwise be worded as.
            var now = clock.GetCurrentInstant();
            if (problems.Count == 0 && Scorecard.DataBegins(organization, [], []) is { } begins && now < begins)
            {
                var date = begins.InUtc().Date;
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{source}: the data begins at {begins} (the first agreement takes effect), after the current time {now}; pass --as-of {LocalDatePattern.Iso.Format(date)} or a later date to judge it as of then."));
            }

            latest = now;
        }

        var analysis = new OrganizationAnalysis(organization, requests.Records, responses.Records, asOf ?? latest ?? clock.GetCurrentInstant(), source, record);
        var (crossProblems, asOfProblem) = InputProblems.CrossReferences(organization, requests, responses, analysis.Options, improvementFile ?? source, inputs.ReadOptions.MaxProblems);
        problems.AddRange(crossProblems.Select(p => p.ToString()));
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        if (asOfProblem is not null)
        {
            throw new UsageException("--as-of: " + asOfProblem.Message);
        }

        IReadOnlyList<Section> sections = command switch
        {
            "validate" => [Section.OfNotes("validation", "Validation", [
                string.Create(CultureInfo.InvariantCulture, $"{source}: valid: {organization.Departments.Length} departments, {organization.Services.Length} services, {organization.Calendars.Count} calendars, {organization.Agreements.Length} agreements, {organization.Dependencies.Length} declared dependencies."),
                .. requestFile is null ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture, $"{requestFile}: valid: {requests.Records.Length} service requests.")],
                .. responseFile is null ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture, $"{responseFile}: valid: {responses.Records.Length} feedback responses.")],
                .. improvementFile is null || record is null ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture, $"{improvementFile}: valid: {record.Campaigns.Length} feedback campaigns, {record.Meetings.Length} review meetings, {record.Actions.Length} improvement actions.")],
            
                .. responseFile is null || analysis.SetAsideNote() is not { } setAside ? Array.Empty<string>() : [setAside],
            ])],
            "sla" => [analysis.SlaSection()],
            "feedback" => [.. analysis.FeedbackSections(), analysis.RelationshipsSection()],
            "improvements" => new ImprovementReport(analysis).Sections(),
            _ => Report(analysis, request.All),
        };
        return Outputs(sections, kind, request, command == "report" ? new ChartContext(organization, analysis.Scorecard, analysis.Responses) : null);
    }

    /// <summary>
    /// The rendered output: one stream (stdout, or the --output file), or with csv one table per file. A csv of several
    /// sections needs --section or an --output directory: one stream never holds two headers.
    /// </summary>
    private static IReadOnlyList<(string? Path, string Text)> Outputs(IReadOnlyList<Section> sections, string kind, Request request, ChartContext? charts)
    {
        if (request.Section is { } key)
        {
            sections = [sections.FirstOrDefault(s => s.Key == key) ?? throw new UsageException($"--section: expected one of {string.Join(", ", sections.Select(s => s.Key))}; got \"{key}\".")];
        }

        if (kind != "csv")
        {
            return [(request.Output, kind == "html" ? HtmlReport.Render(sections, charts) : Renderer.Render(sections, kind))];
        }

        if (sections.Count == 1)
        {
            return [(request.Output is { } path && Directory.Exists(path) ? Path.Combine(path, sections[0].Key + ".csv") : request.Output, Renderer.Render(sections, kind))];
        }

        if (request.Output is not { } directory)
        {
            throw new UsageException($"--format csv writes one table per file: pass --section (one of {string.Join(", ", sections.Select(s => s.Key))}) or --output DIRECTORY for one <section>.csv each.");
        }

        return [.. sections.Select(s => ((string?)Path.Combine(directory, s.Key + ".csv"), Renderer.Render([s], kind)))];
    }

    /// <summary>
    /// The sections of <c>report</c>, in a manager's order: the headline, what needs attention and why (attention list,
    /// findings), the department scorecards, then the detail: the SLA objectives breached or at risk (every objective with
    /// <paramref name="all"/>), satisfaction, improvement actions, the dependency graph, calendars, objective sets,
    /// maintenance windows, departments and the inputs' counts.
    /// </summary>
    internal static IReadOnlyList<Section> Report(OrganizationAnalysis analysis, bool all = false) =>
    [
        analysis.HeadlineSection(),
        analysis.AttentionSection(),
        analysis.FindingsSection(),
        analysis.ScorecardSection(),
        analysis.GapsSection(),
        analysis.SlaSection(all),
        .. analysis.FeedbackSections(),
        analysis.ImprovementSection(),
        analysis.GraphSection(),
        analysis.CalendarExceptionsSection(),
        analysis.ObjectiveSetsSection(),
        analysis.ExclusionsSection(),
        analysis.DepartmentsSection(),
        analysis.SummarySection(),
    ];
}
