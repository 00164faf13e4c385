using System.Globalization;

namespace InternalCustomer.Cli.Output;

/// <summary>
/// One typed value of an output table. Text, Markdown and HTML show <see cref="Text"/> (rounded, with its unit where the
/// column's header does not give it); JSON writes the value itself: numbers as numbers at full precision, intervals as
/// objects, statuses as strings from a documented set (<c>docs/schema/report.schema.json</c>), nothing as <c>null</c>.
/// </summary>
internal abstract record Cell
{
    /// <summary>The cell as a person reads it.</summary>
    internal abstract string Text { get; }

    /// <summary>Whether the text is a number (right-aligned in tables).</summary>
    internal virtual bool IsNumeric => false;

    /// <summary>A text cell (an id, a name, a sentence); an empty text is written as JSON <c>""</c>.</summary>
    internal static Cell Of(string text) => new TextCell(text);

    /// <summary>A whole number (its unit belongs in the column's header; the text is the digits).</summary>
    internal static Cell Count(long value) => new CountCell(value);

    /// <summary>A number shown with <paramref name="format"/>; <see langword="null"/> is shown as <paramref name="missing"/> and written as JSON <c>null</c>.</summary>
    internal static Cell Number(double? value, string format, string suffix = "", string missing = "n/a") => new NumberCell(value, format, suffix, missing);

    /// <summary>A fraction shown as a percentage with one decimal and a <c>%</c>; JSON writes the percentage (0–100), not the fraction.</summary>
    internal static Cell Percent(double? fraction, string missing = "n/a") => new NumberCell(fraction * 100, "0.0", "%", missing);

    /// <summary>A status from the documented set of its column (<c>met</c>, <c>breached</c>, <c>no data</c>, …).</summary>
    internal static Cell Status(string value) => new StatusCell(value);

    /// <summary>A date, written <c>yyyy-MM-dd</c>; <see langword="null"/> is shown as <c>-</c> and written as JSON <c>null</c>.</summary>
    internal static Cell Date(NodaTime.LocalDate? date) => new DateCell(date);

    /// <summary>An instant, written in extended ISO (<c>2026-07-01T11:24:43.2Z</c>).</summary>
    internal static Cell Instant(NodaTime.Instant instant) => new InstantCell(instant);
}

/// <summary>Text as it is.</summary>
internal sealed record TextCell(string Value) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Value;
}

/// <summary>A whole number.</summary>
internal sealed record CountCell(long Value) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    internal override bool IsNumeric => true;
}

/// <summary>A real number (or none), shown rounded with a suffix such as <c>%</c>.</summary>
internal sealed record NumberCell(double? Value, string Format, string Suffix, string Missing) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Value is { } v ? v.ToString(Format, CultureInfo.InvariantCulture) + Suffix : Missing;

    /// <inheritdoc/>
    internal override bool IsNumeric => Value is not null;
}

/// <summary>
/// An estimate with its confidence interval, all in the column's unit (already scaled: a CSAT in percent), such as
/// <c>82.4% [78.1%, 86.0%]</c>; JSON writes <c>{"estimate", "lower", "upper", "level"}</c> with <c>level</c> a fraction
/// (0.95). An estimate without an interval has <see langword="null"/> bounds; no estimate at all is <c>null</c>.
/// </summary>
internal sealed record IntervalCell(double? Estimate, double? Lower, double? Upper, double Level, string Format, string Suffix) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Estimate is not { } e
        ? "n/a"
        : Lower is { } l && Upper is { } u
            ? $"{Show(e)} [{Show(l)}, {Show(u)}]"
            : Show(e) + " (no interval)";

    /// <inheritdoc/>
    internal override bool IsNumeric => Estimate is not null;

    private string Show(double value) => value.ToString(Format, CultureInfo.InvariantCulture) + Suffix;
}

/// <summary>A status word from a documented set.</summary>
internal sealed record StatusCell(string Value) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Value;
}

/// <summary>A calendar date (or none).</summary>
internal sealed record DateCell(NodaTime.LocalDate? Value) : Cell
{
    /// <inheritdoc/>
    internal override string Text => Value is { } d ? NodaTime.Text.LocalDatePattern.Iso.Format(d) : "-";
}

/// <summary>An instant on the time line.</summary>
internal sealed record InstantCell(NodaTime.Instant Value) : Cell
{
    /// <inheritdoc/>
    internal override string Text => NodaTime.Text.InstantPattern.ExtendedIso.Format(Value);
}

/// <summary>
/// One column of a table: <paramref name="Key"/> is its stable camelCase name in JSON and CSV headers
/// (<c>budgetLeftPercent</c>); <paramref name="Header"/> is what a person reads, with its unit (<c>budget left (%)</c>).
/// A <paramref name="MachineOnly"/> column (a finding's kind, a long sentence a table shows in short) is in JSON and CSV
/// only, not in the text, Markdown or HTML a person reads.
/// </summary>
internal sealed record Column(string Key, string Header, bool MachineOnly = false)
{
    /// <summary>A column whose header is its key in words.</summary>
    public static implicit operator Column((string Key, string Header) column) => new(column.Key, column.Header);
}
