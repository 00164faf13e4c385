using InternalCustomer.Feedback;
using InternalCustomer.Interchange;

namespace InternalCustomer.Orleans;

// Orleans surrogates of the two event types: the interchange JSON of the record (and, for a response, its id and its
// dimension set's parts, which the JSON reader needs to read per-dimension ratings). Reading back a surrogate that is
// not a valid document throws InvalidOperationException with the reader's problems: a corrupted message, never an
// event read wrong.
[GenerateSerializer]
internal struct RequestDecidedSurrogate
{
    [Id(0)]
    public string Json;
}

[GenerateSerializer]
internal struct ResponseReceivedSurrogate
{
    [Id(0)]
    public string Id;

    [Id(1)]
    public string Json;

    [Id(2)]
    public int DimensionScaleMin;

    [Id(3)]
    public int DimensionScaleMax;

    [Id(4)]
    public string[]? DimensionNames;

    [Id(5)]
    public double[]? DimensionWeights;
}

[RegisterConverter]
internal sealed class RequestDecidedConverter : IConverter<RequestDecided, RequestDecidedSurrogate>
{
    public RequestDecided ConvertFromSurrogate(in RequestDecidedSurrogate surrogate)
    {
        var read = ServiceRequestJson.Read(surrogate.Json);
        return read.IsSuccess && read.Value.Count == 1
            ? new RequestDecided(read.Value[0], surrogate.Json)
            : throw new InvalidOperationException($"Expected a request-decided event carrying one request document; got {(read.IsSuccess ? $"{read.Value.Count} requests" : read.ToString())}.");
    }

    public RequestDecidedSurrogate ConvertToSurrogate(in RequestDecided value) => new() { Json = value.Json };
}

[RegisterConverter]
internal sealed class ResponseReceivedConverter : IConverter<ResponseReceived, ResponseReceivedSurrogate>
{
    public ResponseReceived ConvertFromSurrogate(in ResponseReceivedSurrogate surrogate)
    {
        var dimensions = surrogate.DimensionNames is null
            ? null
            : DimensionSet.FromParts(RatingScale.Custom(surrogate.DimensionScaleMin, surrogate.DimensionScaleMax), [.. surrogate.DimensionNames], [.. surrogate.DimensionWeights ?? []]);
        var read = FeedbackResponseJson.Read(surrogate.Json, dimensions);
        return read.IsSuccess && read.Value.Count == 1
            ? new ResponseReceived(surrogate.Id, read.Value[0], surrogate.Json)
            : throw new InvalidOperationException($"Expected a response-received event carrying one response document; got {(read.IsSuccess ? $"{read.Value.Count} responses" : read.ToString())}.");
    }

    public ResponseReceivedSurrogate ConvertToSurrogate(in ResponseReceived value)
    {
        var dimensions = value.Response.Dimensions;
        return new()
        {
            Id = value.Id,
            Json = value.Json,
            DimensionScaleMin = dimensions?.Scale.Min ?? 0,
            DimensionScaleMax = dimensions?.Scale.Max ?? 0,
            DimensionNames = dimensions is null ? null : [.. dimensions.Names],
            DimensionWeights = dimensions is null ? null : [.. dimensions.Weights],
        };
    }
}
