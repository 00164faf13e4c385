namespace InternalCustomer.Interchange.Records;

/// <summary>How a value read from a document is quoted in a problem message.</summary>
internal static class Snippet
{
    /// <summary>The text itself, or its first 57 characters and "..." when longer than 60.</summary>
    internal static string Of(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
