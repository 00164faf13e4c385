using System.Globalization;
using System.Text;

namespace InternalCustomer;

/// <summary>
/// The one rule every identifier in the model follows (department, service, agreement, calendar):
/// 1 to 64 UTF-16 characters, each a Unicode letter, an ASCII digit, '-', '_' or '.'.
/// </summary>
internal static class IdentifierRules
{
    internal const int MaxLength = 64;

    internal const string RuleText = "1-64 characters, each a letter, a digit, '-', '_' or '.'";

    /// <summary>Returns why <paramref name="value"/> breaks the rule, or <see langword="null"/> if it is valid.</summary>
    internal static string? Check(string? value, string kind)
    {
        if (value is null)
        {
            return $"A {kind} id must be {RuleText}; got null.";
        }

        if (value.Length == 0)
        {
            return $"A {kind} id must be {RuleText}; got an empty string.";
        }

        if (value.Length > MaxLength)
        {
            return $"A {kind} id must be {RuleText}; got {value.Length} characters: \"{Shorten(value)}\".";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c) || c is '-' or '_' or '.')
            {
                continue;
            }

            if (Rune.TryGetRuneAt(value, i, out var rune) && Rune.IsLetter(rune))
            {
                i += rune.Utf16SequenceLength - 1;
                continue;
            }

            var shown = char.IsControl(c) || char.IsWhiteSpace(c)
                ? $"U+{(int)c:X4}"
                : c.ToString();
            return string.Create(
                CultureInfo.InvariantCulture,
                $"A {kind} id must be {RuleText}; got \"{Shorten(value)}\", which has '{shown}' at position {i}.");
        }

        return null;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> if the value breaks the rule.</summary>
    internal static string Validate(string? value, string kind, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, $"A {kind} id must be {RuleText}; got null.");
        }

        var problem = Check(value, kind);
        if (problem is not null)
        {
            throw new ArgumentException(problem, parameterName);
        }

        return value;
    }

    private static string Shorten(string value) =>
        value.Length <= 80 ? value.Replace("\"", "\\\"", StringComparison.Ordinal) : value[..77] + "...";
}
