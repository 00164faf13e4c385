using InternalCustomer.Interchange.Json;
using InternalCustomer.Interchange.Records;
using NodaTime;

namespace InternalCustomer.Interchange;

/// <summary>The one date rule of every JSON document (here, beside <see cref="NodaText"/>, so that the JSON walker needs no
/// NodaTime text patterns).</summary>
internal static class DocumentDates
{
    /// <summary>A date property (ISO-8601 <c>yyyy-MM-dd</c>), or null with a problem when it is there and not a date
    /// (or missing when required).</summary>
    internal static LocalDate? Date(this JsonFields f, string name, bool required)
    {
        var text = required ? f.RequiredString(name) : f.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        if (NodaText.TryParseDate(text, out var date))
        {
            return date;
        }

        f.Problem(name, ProblemKind.InvalidValue, $"Expected {NodaText.DateExpected}; got \"{Snippet.Of(text)}\".");
        return null;
    }
}
