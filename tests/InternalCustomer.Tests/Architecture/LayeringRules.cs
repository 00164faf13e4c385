using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace InternalCustomer.Tests.Architecture;

/// <summary>
/// The allowed namespace arrows, read from the <c>```layering</c> block of docs/architecture.md, so that the
/// document and the test cannot disagree. Each line is <c>namespace : what it may use, comma-separated</c>; a
/// trailing <c>.*</c> covers the namespace and every namespace below it. Lines starting with <c>#</c> are comments.
/// A second block, <c>```layering-forbidden</c>, lists the outside namespaces the core package must not touch.
/// </summary>
internal sealed partial class LayeringRules
{
    private readonly ImmutableArray<(string Pattern, ImmutableArray<string> MayUse)> _rules;

    private LayeringRules(ImmutableArray<(string, ImmutableArray<string>)> rules, ImmutableArray<string> forbidden)
    {
        _rules = rules;
        ForbiddenInCore = forbidden;
    }

    /// <summary>Gets the outside namespaces (prefixes) that no namespace of the core package may use.</summary>
    public ImmutableArray<string> ForbiddenInCore { get; }

    /// <summary>Gets the namespace patterns the document names.</summary>
    public IEnumerable<string> Patterns => _rules.Select(r => r.Pattern);

    public static LayeringRules Parse(string markdown)
    {
        var block = Block("layering").Match(markdown);
        if (!block.Success)
        {
            throw new InvalidOperationException("docs/architecture.md has no ```layering block.");
        }

        var rules = ImmutableArray.CreateBuilder<(string, ImmutableArray<string>)>();
        foreach (var raw in block.Groups["body"].Value.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new InvalidOperationException($"A ```layering line must be 'namespace : uses'; got \"{line}\".");
            }

            var uses = line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rules.Add((line[..colon].Trim(), [.. uses]));
        }

        var forbidden = Block("layering-forbidden").Match(markdown);
        var outside = forbidden.Success
            ? forbidden.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToImmutableArray()
            : [];
        return new LayeringRules(rules.ToImmutable(), outside);
    }

    /// <summary>Whether the document has a line for <paramref name="ns"/> (exactly or through a <c>.*</c> pattern).</summary>
    public bool Names(string ns) => _rules.Any(r => Matches(r.Pattern, ns));

    /// <summary>Whether the document allows <paramref name="from"/> to use <paramref name="to"/>.</summary>
    public bool Allows(string from, string to) =>
        _rules.Where(r => Matches(r.Pattern, from)).Any(r => r.MayUse.Any(u => Matches(u, to)));

    private static bool Matches(string pattern, string ns) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? ns == pattern[..^2] || ns.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : ns == pattern;

    private static Regex Block(string name) =>
        new("^```" + Regex.Escape(name) + @"[ \t]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
}
