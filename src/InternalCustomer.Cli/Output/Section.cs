namespace InternalCustomer.Cli.Output;

/// <summary>One titled table of a command's output, with notes (findings in words) under it.</summary>
internal sealed record Section(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes)
{
    internal static Section OfNotes(string key, string title, IReadOnlyList<string> notes) => new(key, title, [], [], notes);
}
