using InternalCustomer.Agreements;
using InternalCustomer.Interchange;

namespace InternalCustomer.Orleans;

/// <summary>
/// The event "a service request was decided" (or updated as of the scorecard's as-of instant): one request whose
/// evaluation counts into its agreement's relationship. Its identity is the request's id.
/// </summary>
/// <remarks>
/// <para>Immutable. Orleans serialises it through a surrogate carrying the request's interchange JSON
/// (<see cref="ServiceRequestJson"/>), so it reads back equal to the request given.</para>
/// <para>Idempotency: a relationship grain counts a request id once; the same event again counts nothing, and an event
/// with a counted id but other content is rejected (see <see cref="IRelationshipScorecardGrain.AddAsync"/>).</para>
/// </remarks>
[Immutable]
public sealed class RequestDecided
{
    /// <summary>Creates the event of a request.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public RequestDecided(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        Json = ServiceRequestJson.WriteToString([request]);
        Fingerprint = EventFingerprint.Of(Json);
    }

    internal RequestDecided(ServiceRequest request, string json)
    {
        Request = request;
        Json = json;
        Fingerprint = EventFingerprint.Of(json);
    }

    /// <summary>Gets the request.</summary>
    public ServiceRequest Request { get; }

    /// <summary>Gets the event's identity: the request's id.</summary>
    public string Id => Request.Id;

    // The request's interchange document: what travels, and what the fingerprint is taken of.
    internal string Json { get; }

    // A 64-bit digest of the content, kept per counted id to tell a replay from a conflicting event.
    internal long Fingerprint { get; }
}
