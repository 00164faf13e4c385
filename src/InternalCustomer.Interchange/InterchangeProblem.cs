namespace InternalCustomer.Interchange;

/// <summary>
/// One problem found while reading a document: where it is and what is wrong.
/// </summary>
/// <remarks>
/// <see cref="Location"/> is a JSON path such as <c>$.departments[3].parent</c> for problems in the
/// structure or content of a JSON document, <c>line 4, column 17</c> for input that is not well-formed
/// JSON (or not UTF-8) and so has no path yet, and <c>line 12, column 3 (opened)</c> for CSV, where
/// lines and columns count from 1 and the column is the field's position in the record.
/// </remarks>
/// <param name="Location">Where the problem is (a JSON path, or a line and column).</param>
/// <param name="Message">What is wrong: what was expected and what came.</param>
public sealed record InterchangeProblem(string Location, string Message)
{
    /// <summary>Formats the problem as <c>location: message</c>, one line.</summary>
    /// <returns>The location and the message separated by a colon.</returns>
    public override string ToString() => $"{Location}: {Message}";
}
