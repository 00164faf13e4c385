using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Orleans.Tests;

/// <summary>
/// The built-in example (docs/examples: the organisation, its requests, responses and improvement record, embedded as the
/// CLI embeds them) with the options the CLI's report computes its scorecard under: as of the data's end, on the scale
/// most responses use, other scales set aside, the example's improvement record.
/// </summary>
internal sealed class ExampleData
{
    private static readonly Lazy<ExampleData> Loaded = new(Load);

    private ExampleData(Organization organization, ImmutableArray<ServiceRequest> requests, ImmutableArray<FeedbackResponse> responses, ScorecardOptions options)
    {
        Organization = organization;
        Requests = requests;
        Responses = responses;
        Options = options;
        RequestEvents = [.. requests.Select(static r => new RequestDecided(r))];

        // A response has no id of its own: the event id is its row in the example's file.
        ResponseEvents = [.. responses.Select(static (r, i) => new ResponseReceived($"example-response-{i + 1}", r))];
    }

    public static ExampleData Instance => Loaded.Value;

    public Organization Organization { get; }

    public ImmutableArray<ServiceRequest> Requests { get; }

    public ImmutableArray<FeedbackResponse> Responses { get; }

    public ImmutableArray<RequestDecided> RequestEvents { get; }

    public ImmutableArray<ResponseReceived> ResponseEvents { get; }

    private ScorecardModel? _model;

    public ScorecardOptions Options { get; }

    /// <summary>Gets the organisation and options as one model (built once: it indexes the organisation).</summary>
    public ScorecardModel Model => _model ??= new(Organization, Options);

    /// <summary>A request equal to <paramref name="r"/> but for its id: an event no test has counted yet.</summary>
    public static ServiceRequest Renamed(ServiceRequest r, string id) =>
        r.IsStatusLog
            ? ServiceRequest.FromStatusLog(id, r.Agreement, r.StatusLog)
            : new ServiceRequest(id, r.Agreement, r.Opened, r.FirstResponse, r.Resolved, r.Pauses, r.Reopen).WithClass(r.Priority, r.Service, r.Category);

    /// <summary>The scorecard of all the example's events, computed in one process.</summary>
    public OrganizationScorecard Computed() => Scorecard.Compute(Organization, Requests.AsSpan(), Responses.AsSpan(), Options);

    private static ExampleData Load()
    {
        var organization = OrganizationJson.Read(Resource("organization.json")).GetValueOrThrow();
        var requests = ServiceRequestCsv.Read(Resource("requests.csv")).GetValueOrThrow();
        var responses = FeedbackResponseCsv.Read(Resource("responses.csv"), null).GetValueOrThrow();
        var improvement = ImprovementJson.Read(Resource("improvement.json"), organization).GetValueOrThrow();
        ImmutableArray<ServiceRequest> r = [.. requests];
        ImmutableArray<FeedbackResponse> f = [.. responses];
        var options = new ScorecardOptions(Scorecard.DataEnds(r.AsSpan(), f.AsSpan())!.Value)
        {
            OverallScale = FeedbackByScale.PredominantScale(f.AsSpan()) ?? RatingScale.FivePoint,
            OtherScales = OtherScaleRule.SetAside,
            WorstRelationships = 10,
            Improvement = improvement,
        };
        return new ExampleData(organization, r, f, options);
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(ExampleData).Assembly.GetManifestResourceStream("example/" + name)
            ?? throw new InvalidOperationException($"The test assembly lacks the example's {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
