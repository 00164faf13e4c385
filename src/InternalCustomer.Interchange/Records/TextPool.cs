namespace InternalCustomer.Interchange.Records;

/// <summary>
/// One string instance per distinct text for the fields a document repeats on every record (the statuses of status
/// logs): a million requests read from one document then hold a handful of status strings instead of millions, and the
/// SLA timer's per-thread memo recognises each after the first request by reference instead of hashing its text
/// (docs/benchmarks.md, "Issue 11: the status-log target met"). Shared by the records of one document, also when they
/// are streamed one at a time.
/// </summary>
internal sealed class TextPool
{
    // A document with more distinct texts than this keeps the rest as read, and a text longer than MaxLength is never
    // pooled: the pool holds at most Capacity × MaxLength characters whatever the input (statuses are short words).
    private const int Capacity = 1024;
    private const int MaxLength = 128;

    private Dictionary<string, string>? _texts;

    /// <summary>Returns the pooled instance equal (ordinally) to <paramref name="text"/>, pooling it when there is room and
    /// it is short.</summary>
    internal string Pooled(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        _texts ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_texts.TryGetValue(text, out var kept))
        {
            return kept;
        }

        if (_texts.Count < Capacity)
        {
            _texts.Add(text, text);
        }

        return text;
    }
}
