using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange.Json;
using NodaTime;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>The one mapping between <see cref="FeedbackResponse"/> and its record, shared by the JSON and CSV formats.</summary>
internal static class FeedbackResponseMapping
{
    internal static readonly string[] Columns =
        ["respondent", "subject", "instant", "scaleMin", "scaleMax", "overall", "recommend", "effort", "agreement", "service", "comment"];

    internal static readonly string[] JsonProperties = [.. Columns, "perceptions", "expectations"];

    internal static readonly string[] Required = ["respondent", "subject", "instant", "overall"];

    internal static readonly string[] RatingPrefixes = ["perception.", "expectation."];

    internal static LocatedRecords<FeedbackResponse> ReadAll(IEnumerable<RecordSource> records, DimensionSet? dimensions, ProblemCollector problems)
    {
        var responses = ImmutableArray.CreateBuilder<FeedbackResponse>();
        var origins = ImmutableArray.CreateBuilder<RecordOrigin>();
        foreach (var record in records)
        {
            if (ReadOne(record, dimensions) is ({ } response, { } origin))
            {
                responses.Add(response);
                origins.Add(origin);
            }
        }

        return new(responses.ToImmutable(), origins.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Reads one response per record, as <see cref="ReadAll"/> does for each (the streaming readers' step): the
    /// response and its origin, or nothing when the record has a problem of its own.</summary>
    internal static (FeedbackResponse? Response, RecordOrigin? Origin) ReadOne(RecordSource record, DimensionSet? dimensions)
    {
        if (Read(record, dimensions) is { } response && record.WellFormed)
        {
            // The model's overall scale is the record's scaleMin..scaleMax; its problems are said at scaleMax, as the reader's are.
            return (response, RecordOrigin.Of(record).WithAlias("overallScale", ScaleMax));
        }

        return (null, null);
    }

    private static readonly ProblemLocation ScaleMax = ProblemLocation.Root.Property("scaleMax");

    internal static FeedbackResponse? Read(RecordSource r, DimensionSet? dimensions)
    {
        var before = r.Problems.Count;
        var respondent = r.Id<DepartmentId>("respondent", required: true, "a department id");
        var subject = r.Id<DepartmentId>("subject", required: true, "a department id");
        var instant = r.Parse<Instant>("instant", true, NodaText.TryParseInstant, NodaText.InstantExpected);
        var min = Int(r, "scaleMin", required: false) ?? 1;
        var max = Int(r, "scaleMax", required: false) ?? 5;
        var overall = Int(r, "overall", required: true);
        var recommend = Int(r, "recommend", required: false);
        var effort = Int(r, "effort", required: false);
        var agreement = r.Id<AgreementId>("agreement", required: false, "an agreement id");
        var service = r.Id<ServiceId>("service", required: false, "a service id");
        var comment = r.Optional("comment");
        var perceptions = Ratings(r, "perception", ref dimensions);
        var expectations = Ratings(r, "expectation", ref dimensions);

        var scaleResult = RatingScale.TryCustom(min, max);
        foreach (var problem in scaleResult.Problems)
        {
            r.Problem("scaleMax", problem.Kind, problem.Message);
        }

        var scale = scaleResult.Value;

        if (r.Problems.Count > before || scale is null || respondent is null || subject is null || instant is null || overall is null)
        {
            return null;
        }

        var made = FeedbackResponse.TryCreate(
            respondent.Value,
            subject.Value,
            instant.Value,
            scale,
            overall.Value,
            recommend,
            effort,
            perceptions.Count + expectations.Count > 0 ? dimensions : null,
            perceptions.Count > 0 ? perceptions : null,
            expectations.Count > 0 ? expectations : null,
            agreement,
            service,
            comment);
        foreach (var problem in made.Problems)
        {
            r.Problem(problem, Columns, "overall");
        }

        return made.Value;
    }

    internal static ResponseEntry ToEntry(FeedbackResponse f) => new(
        f.Respondent.Value,
        f.Subject.Value,
        NodaText.Format(f.Instant),
        f.OverallScale.Min,
        f.OverallScale.Max,
        f.Overall,
        f.Recommend,
        f.Effort,
        f.Agreement?.Value,
        f.Service?.Value,
        f.Comment,
        RatingsOf(f, perception: true),
        RatingsOf(f, perception: false));

    internal static DimensionSet? SharedDimensions(IReadOnlyList<FeedbackResponse> responses, string parameterName)
    {
        DimensionSet? shared = null;
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, parameterName);
            if (response.Dimensions is { } d)
            {
                if (shared is not null && !shared.Equals(d))
                {
                    throw new ArgumentException(
                        $"Expected responses whose dimension ratings share one dimension set; got sets [{string.Join(", ", shared.Names)}] and [{string.Join(", ", d.Names)}].",
                        parameterName);
                }

                shared = d;
            }
        }

        return shared;
    }

    private static Dictionary<string, int>? RatingsOf(FeedbackResponse f, bool perception)
    {
        if (f.Dimensions is null)
        {
            return null;
        }

        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in f.Dimensions.Names)
        {
            if ((perception ? f.Perception(name) : f.Expectation(name)) is { } rating)
            {
                ratings.Add(name, rating);
            }
        }

        return ratings.Count == 0 ? null : ratings;
    }

    private static Dictionary<string, int> Ratings(RecordSource r, string kind, ref DimensionSet? dimensions)
    {
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (dimension, location, rating) in r.Ratings(kind))
        {
            dimensions ??= DimensionSet.Servqual;
            if (!dimensions.Contains(dimension))
            {
                r.Problems.Add(ProblemKind.UnknownReference, location, $"Unknown dimension \"{Snippet.Of(dimension)}\"; expected one of: {string.Join(", ", dimensions.Names)}.");
                continue;
            }

            if (rating is { } n)
            {
                if (!dimensions.Scale.Contains(n))
                {
                    r.Problems.Add(ProblemKind.InvalidValue, location, string.Create(CultureInfo.InvariantCulture, $"Expected a {kind} rating from {dimensions.Scale.Min} to {dimensions.Scale.Max}; got {n}."));
                    continue;
                }

                ratings[dimension] = (int)n;
            }
        }

        return ratings;
    }

    private static int? Int(RecordSource r, string name, bool required)
    {
        var value = r.Integer(name, required);
        if (value is { } v && v is < int.MinValue or > int.MaxValue)
        {
            r.Problem(name, ProblemKind.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"Expected a rating within the range of a 32-bit integer; got {v}."));
            return null;
        }

        return (int?)value;
    }
}
