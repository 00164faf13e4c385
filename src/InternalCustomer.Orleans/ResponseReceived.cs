using InternalCustomer.Feedback;
using InternalCustomer.Interchange;

namespace InternalCustomer.Orleans;

/// <summary>
/// The event "a feedback response was received": one response, counted into its relationship (subject ← respondent),
/// with an identity given by the caller (a survey answer's id, a message id), since a response has none of its own.
/// </summary>
/// <remarks>
/// <para>Immutable. Orleans serialises it through a surrogate carrying the id, the response's interchange JSON
/// (<see cref="FeedbackResponseJson"/>) and its dimension set, so it reads back equal to the response given.</para>
/// <para>Idempotency: a relationship grain counts an id once; the same event again counts nothing, and an event with a
/// counted id but other content is rejected (see <see cref="IRelationshipScorecardGrain.AddAsync"/>).</para>
/// </remarks>
[Immutable]
public sealed class ResponseReceived
{
    /// <summary>The longest event id accepted, in characters.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Creates the event of a response.</summary>
    /// <param name="id">The event's identity: non-blank, at most <see cref="MaxIdLength"/> characters, unique among the
    /// responses of one relationship (a replay of the event must carry the same id).</param>
    /// <param name="response">The response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank or longer than <see cref="MaxIdLength"/>.</exception>
    public ResponseReceived(string id, FeedbackResponse response)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(response);
        Id = id;
        Response = response;
        Json = FeedbackResponseJson.WriteToString([response]);
        Fingerprint = EventFingerprint.Of(Json);
    }

    /// <remarks>The id is checked as by the public constructor: an event read back from the wire is held to the same rule.</remarks>
    internal ResponseReceived(string id, FeedbackResponse response, string json)
    {
        CheckId(id);
        Id = id;
        Response = response;
        Json = json;
        Fingerprint = EventFingerprint.Of(json);
    }

    private static void CheckId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            throw new ArgumentException($"Expected a non-blank response event id of at most {MaxIdLength} characters; got \"{(id.Length > 40 ? id[..40] + "…" : id)}\" ({id.Length} characters).", nameof(id));
        }
    }

    /// <summary>Gets the event's identity.</summary>
    public string Id { get; }

    /// <summary>Gets the response.</summary>
    public FeedbackResponse Response { get; }

    // The response's interchange document: what travels, and what the fingerprint is taken of.
    internal string Json { get; }

    // A 64-bit digest of the content, kept per counted id to tell a replay from a conflicting event.
    internal long Fingerprint { get; }
}
