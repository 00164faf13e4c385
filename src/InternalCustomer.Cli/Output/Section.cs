namespace InternalCustomer.Cli.Output;

/// <summary>
/// One titled table of a command's output, with notes (sentences) under it. <paramref name="Key"/> is the section's
/// stable camelCase name (its JSON property, its CSV file name, its <c>--section</c> value).
/// </summary>
internal sealed record Section(string Key, string Title, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows, IReadOnlyList<string> Notes)
{
    internal static Section OfNotes(string key, string title, IReadOnlyList<string> notes) => new(key, title, [], [], notes);

    /// <summary>The columns a person reads (all but the <see cref="Column.MachineOnly"/> ones).</summary>
    internal IReadOnlyList<int> Visible => [.. Columns.Select((c, i) => (c, i)).Where(x => !x.c.MachineOnly).Select(x => x.i)];

    /// <summary>The headers of the <see cref="Visible"/> columns.</summary>
    internal IReadOnlyList<string> Headers => [.. Visible.Select(i => Columns[i].Header)];

    /// <summary>The rows as a person reads them: each <see cref="Visible"/> cell's <see cref="Cell.Text"/>.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> TextRows
    {
        get
        {
            var visible = Visible;
            return [.. Rows.Select(r => (IReadOnlyList<string>)[.. visible.Select(i => r[i].Text)])];
        }
    }
}
