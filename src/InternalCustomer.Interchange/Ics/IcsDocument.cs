using System.Globalization;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Ics;

/// <summary>One parameter of a content line: <c>NAME=value[,value...]</c>, values unquoted.</summary>
internal sealed record IcsParameter(string Name, IReadOnlyList<string> Values);

/// <summary>
/// One unfolded content line (RFC 5545 §3.1): <c>NAME[;param=value...]:value</c>. <see cref="Line"/> is the
/// 1-based number of its first physical line; the name is upper-cased (names are case-insensitive).
/// </summary>
internal sealed record IcsContentLine(int Line, string Name, IReadOnlyList<IcsParameter> Parameters, string Value)
{
    internal string? Parameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return string.Join(",", parameter.Values);
            }
        }

        return null;
    }

    internal ProblemLocation Location => ProblemLocation.InText(Line).Property(Name);
}

/// <summary>A component between <c>BEGIN:NAME</c> and <c>END:NAME</c>, with its properties and sub-components in file order.</summary>
internal sealed class IcsComponent(string name, int line)
{
    internal string Name { get; } = name;

    /// <summary>Gets the line of the component's <c>BEGIN</c>.</summary>
    internal int Line { get; } = line;

    internal List<IcsContentLine> Properties { get; } = [];

    internal List<IcsComponent> Components { get; } = [];

    internal ProblemLocation Location => ProblemLocation.InText(Line);
}

/// <summary>
/// The light structural pass over an iCalendar text that gives every problem its line: line unfolding,
/// the content-line shape, BEGIN/END balance and a VCALENDAR root. The values are left to the caller.
/// </summary>
internal static class IcsDocument
{
    private const string Calendar = "VCALENDAR";

    /// <summary>
    /// Parses <paramref name="text"/> (a leading byte-order mark is skipped) into its root VCALENDAR, or reports why not.
    /// A text that does not start with <c>BEGIN:VCALENDAR</c> gets one problem, at its first line, and nothing else.
    /// </summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="firstBadUtf8Line">The line of the first byte that was not UTF-8, if the text came from bytes that were not all UTF-8.</param>
    /// <param name="problems">Receives the problems.</param>
    /// <returns>The root, or <see langword="null"/> when the text is not iCalendar at all.</returns>
    internal static IcsComponent? Parse(string text, int? firstBadUtf8Line, ProblemCollector problems)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var lines = Unfold(text, start);
        if (lines.Count == 0 || !IsBeginCalendar(lines[0].Text))
        {
            var got = lines.Count == 0 ? "an empty file" : "\"" + Snippet.Of(Printable(lines[0].Text)) + "\"";
            problems.Add(
                ProblemKind.MalformedInput,
                ProblemLocation.InText(lines.Count == 0 ? 1 : lines[0].Line),
                $"Expected an iCalendar file (RFC 5545) starting with the line BEGIN:VCALENDAR; got {got}.");
            return null;
        }

        if (firstBadUtf8Line is { } bad)
        {
            problems.Add(ProblemKind.MalformedInput, ProblemLocation.InText(bad), "Expected UTF-8 text; this line holds bytes that are not UTF-8.");
            return null;
        }

        IcsComponent? root = null;
        var open = new Stack<IcsComponent>();
        var reportedTrailing = false;
        var rootEnd = 0;
        foreach (var (line, content, controlLine) in lines)
        {
            if (controlLine is { } at)
            {
                var c = content.First(IsControl);
                problems.Add(
                    ProblemKind.MalformedInput,
                    ProblemLocation.InText(at),
                    string.Create(CultureInfo.InvariantCulture, $"Expected text; got the control character U+{(int)c:X4}, which iCalendar does not allow in a content line."));
                continue;
            }

            if (ParseLine(line, content, problems) is not { } parsed)
            {
                continue;
            }

            if (root is null && parsed.Name != "BEGIN")
            {
                // The first line was BEGIN:VCALENDAR but unreadable (a control character in it), already reported.
                continue;
            }

            if (root is not null && open.Count == 0)
            {
                if (!reportedTrailing)
                {
                    problems.Add(ProblemKind.MalformedInput, ProblemLocation.InText(line), string.Create(CultureInfo.InvariantCulture, $"Expected the end of the file after END:VCALENDAR (line {rootEnd}); got \"{Snippet.Of(content)}\". A file holds one calendar."));
                    reportedTrailing = true;
                }

                continue;
            }

            if (parsed.Name == "BEGIN")
            {
                var name = parsed.Value.Trim(' ').ToUpperInvariant();
                if (!IsName(name))
                {
                    problems.Add(ProblemKind.MalformedInput, parsed.Location, $"Expected a component name after BEGIN: (letters, digits and '-'), such as VEVENT; got \"{Snippet.Of(parsed.Value)}\".");
                    name = "?";
                }

                var component = new IcsComponent(name, line);
                if (open.Count == 0)
                {
                    root = component;
                }
                else
                {
                    var parent = open.Peek();
                    if (name == Calendar || (name == "VEVENT" && parent.Name != Calendar))
                    {
                        problems.Add(ProblemKind.MalformedInput, ProblemLocation.InText(line), string.Create(CultureInfo.InvariantCulture, $"BEGIN:{name} cannot stand inside {parent.Name} (line {parent.Line}); a {name} belongs directly in the VCALENDAR."));
                    }

                    parent.Components.Add(component);
                }

                open.Push(component);
            }
            else if (parsed.Name == "END")
            {
                var name = parsed.Value.Trim(' ').ToUpperInvariant();
                var top = open.Peek();
                if (name == top.Name)
                {
                    open.Pop();
                    rootEnd = line;
                }
                else if (open.Any(c => c.Name == name))
                {
                    problems.Add(ProblemKind.MalformedInput, ProblemLocation.InText(line), string.Create(CultureInfo.InvariantCulture, $"END:{Snippet.Of(name)} does not close BEGIN:{top.Name} (line {top.Line}); expected END:{top.Name} first."));
                    while (open.Pop().Name != name)
                    {
                    }

                    rootEnd = line;
                }
                else
                {
                    problems.Add(ProblemKind.MalformedInput, ProblemLocation.InText(line), string.Create(CultureInfo.InvariantCulture, $"END:{Snippet.Of(name)} closes no open component; expected END:{top.Name} for BEGIN:{top.Name} at line {top.Line}."));
                }
            }
            else
            {
                open.Peek().Properties.Add(parsed);
            }
        }

        foreach (var component in open.Reverse())
        {
            problems.Add(ProblemKind.MalformedInput, component.Location, $"BEGIN:{component.Name} is never closed; expected END:{component.Name} before the end of the file.");
        }

        return root;
    }

    private static bool IsBeginCalendar(string content)
    {
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        return colon == 5
            && content.AsSpan(0, 5).Equals("BEGIN", StringComparison.OrdinalIgnoreCase)
            && content.AsSpan(6).Trim(' ').Equals(Calendar, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Splits the text into physical lines (CRLF or LF) and joins each line that starts with a space or tab to the one before
    /// (RFC 5545 §3.1), dropping that first character. Empty lines are skipped. Each content line keeps the number of its first
    /// physical line, and the number of the first physical line that holds a control character, if any.
    /// </summary>
    private static List<(int Line, string Text, int? ControlLine)> Unfold(string text, int start)
    {
        var result = new List<(int Line, string Text, int? ControlLine)>();
        System.Text.StringBuilder? current = null;
        var currentLine = 0;
        int? control = null;
        var number = 0;
        var position = start;
        while (position < text.Length)
        {
            number++;
            var end = text.IndexOf('\n', position);
            var stop = end < 0 ? text.Length : end;
            var physical = text.AsSpan(position, (stop > position && text[stop - 1] == '\r' && end >= 0 ? stop - 1 : stop) - position);
            position = end < 0 ? text.Length : end + 1;
            if (physical.IsEmpty)
            {
                continue;
            }

            if (physical[0] is ' ' or '\t' && current is not null)
            {
                current.Append(physical[1..]);
                if (control is null && physical[1..].ContainsAny(Controls))
                {
                    control = number;
                }

                continue;
            }

            if (current is not null)
            {
                result.Add((currentLine, current.ToString(), control));
            }

            current = new System.Text.StringBuilder().Append(physical);
            currentLine = number;
            control = physical.ContainsAny(Controls) ? number : null;
        }

        if (current is not null)
        {
            result.Add((currentLine, current.ToString(), control));
        }

        return result;
    }

    private static readonly System.Buffers.SearchValues<char> Controls =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(i => i != '\t').Append(0x7F).Select(i => (char)i)]);

    private static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == 0x7F;

    private static string Printable(string text) => new([.. text.Select(c => IsControl(c) ? '?' : c)]);

    private static bool IsName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Parses one unfolded content line: <c>name *(";" param) ":" value</c>, with quoted parameter values.</summary>
    private static IcsContentLine? ParseLine(int line, string content, ProblemCollector problems)
    {
        var at = ProblemLocation.InText(line);
        var i = 0;
        while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] == '-'))
        {
            i++;
        }

        if (i == 0 || i == content.Length || content[i] is not (':' or ';'))
        {
            var message = content.Contains(':', StringComparison.Ordinal)
                ? $"Expected a content line NAME[;param=value]:value, the name made of letters, digits and '-'; got \"{Snippet.Of(Printable(content))}\"."
                : $"Expected a content line NAME[;param=value]:value; got \"{Snippet.Of(Printable(content))}\", which has no ':'.";
            problems.Add(ProblemKind.MalformedInput, at, message);
            return null;
        }

        var name = content[..i].ToUpperInvariant();
        at = at.Property(name);
        var parameters = new List<IcsParameter>();
        while (content[i] == ';')
        {
            i++;
            var nameStart = i;
            while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] == '-'))
            {
                i++;
            }

            if (i == nameStart || i == content.Length || content[i] != '=')
            {
                problems.Add(ProblemKind.MalformedInput, at, $"Expected a parameter NAME=value after ';' in {name}; got \"{Snippet.Of(Printable(content[nameStart..]))}\".");
                return null;
            }

            var parameterName = content[nameStart..i].ToUpperInvariant();
            var values = new List<string>();
            do
            {
                i++;
                if (i < content.Length && content[i] == '"')
                {
                    var close = content.IndexOf('"', i + 1);
                    if (close < 0)
                    {
                        problems.Add(ProblemKind.MalformedInput, at, $"The quoted value of the parameter {parameterName} is never closed; expected a closing '\"'.");
                        return null;
                    }

                    values.Add(content[(i + 1)..close]);
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < content.Length && content[i] is not (';' or ':' or ',' or '"'))
                    {
                        i++;
                    }

                    values.Add(content[valueStart..i]);
                }
            }
            while (i < content.Length && content[i] == ',');

            if (i == content.Length || content[i] is not (':' or ';'))
            {
                var what = i == content.Length ? "the end of the line" : $"'{content[i]}'";
                problems.Add(ProblemKind.MalformedInput, at, $"Expected ';' or ':' after the parameter {parameterName} of {name}; got {what}. A content line is NAME[;param=value]:value.");
                return null;
            }

            parameters.Add(new IcsParameter(parameterName, values));
        }

        return new IcsContentLine(line, name, parameters, content[(i + 1)..]);
    }
}
