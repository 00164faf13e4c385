namespace InternalCustomer.Organizations;

/// <summary>One problem found while validating an organisation: what is wrong and where.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Location">Where it is, as a path into the builder's entries or a document,
/// for example <c>departments[3].parent</c>; entries are numbered from 0 in the order they were added.</param>
/// <param name="Message">What is wrong, naming the values at fault.</param>
public sealed record ValidationProblem(ValidationProblemKind Kind, string Location, string Message)
{
    /// <summary>Returns <c>Location: Message</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => $"{Location}: {Message}";
}
