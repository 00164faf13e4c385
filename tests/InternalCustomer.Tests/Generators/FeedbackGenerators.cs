using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>Ratings on one scale, with two split points for partitioning properties.</summary>
public sealed record RatingSample(RatingScale Scale, int[] Ratings, int Split1, int Split2)
{
    public int[] Xs => Ratings[..Split1];

    public int[] Ys => Ratings[Split1..Split2];

    public int[] Zs => Ratings[Split2..];

    public override string ToString() => $"{Scale}: [{string.Join(",", Ratings)}] split {Split1},{Split2}";
}

/// <summary>Weighted ratings on one scale, with a split point.</summary>
public sealed record WeightedSample(RatingScale Scale, int[] Ratings, double[] Weights, int Split)
{
    public override string ToString() => $"{Scale}: [{string.Join(",", Ratings)}] w [{string.Join(",", Weights)}] split {Split}";
}

/// <summary>Two responses drawn from a space small enough that they are often equal component by component.</summary>
public sealed record ResponsePair(FeedbackResponse First, FeedbackResponse Second)
{
    public override string ToString() => $"({Describe(First)}) vs ({Describe(Second)})";

    private static string Describe(FeedbackResponse r) =>
        $"{r.Respondent}->{r.Subject} {r.Instant} {r.OverallScale}:{r.Overall} rec {r.Recommend} eff {r.Effort} dims {r.Dimensions?.Count} "
        + $"p[{string.Join(",", r.Dimensions?.Names.Select(n => r.Perception(n)) ?? [])}] e[{string.Join(",", r.Dimensions?.Names.Select(n => r.Expectation(n)) ?? [])}] "
        + $"{r.Agreement} {r.Service} '{r.Comment}'";
}

/// <summary>Feedback responses among a few departments, some with recommend, effort and SERVQUAL ratings.</summary>
public sealed record ResponseSample(FeedbackResponse[] Responses, int Split, int Seed)
{
    public override string ToString() => $"{Responses.Length} responses, split {Split}, seed {Seed}";
}

public static class FeedbackGenerators
{
    /// <summary>Scales that exercise the vector path (≤ 16 points), the scalar path, and negative minimums.</summary>
    public static readonly RatingScale[] Scales =
    [
        RatingScale.FivePoint, RatingScale.SevenPoint, RatingScale.ZeroToTen, RatingScale.Custom(-3, 3),
        RatingScale.Likert(16), RatingScale.Custom(0, 100),
    ];

    public static readonly DepartmentId[] Departments =
        [.. new[] { "finance", "it", "hr", "legal", "facilities" }.Select(DepartmentId.Parse)];

    public static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Ratings on a scale; sometimes repeated so that runs are longer than one vector of eight.</summary>
    public static Gen<int[]> RatingsOn(RatingScale scale) =>
        from ratings in Gen.Choose(scale.Min, scale.Max).ArrayOf()
        from repeat in Gen.Choose(1, 3)
        select Enumerable.Repeat(ratings, repeat).SelectMany(r => r).ToArray();

    public static Arbitrary<RatingSample> RatingSamples() =>
        Arb.From(
            from scale in Gen.Elements(Scales)
            from ratings in RatingsOn(scale)
            from a in Gen.Choose(0, ratings.Length)
            from b in Gen.Choose(0, ratings.Length)
            select new RatingSample(scale, ratings, Math.Min(a, b), Math.Max(a, b)));

    public static Arbitrary<WeightedSample> WeightedSamples() =>
        Arb.From(
            from scale in Gen.Elements(Scales)
            from ratings in RatingsOn(scale)
            from weights in Gen.Choose(0, 1000).Select(w => w / 1000.0).ArrayOf(ratings.Length)
            from split in Gen.Choose(0, ratings.Length)
            select new WeightedSample(scale, ratings, weights, split));

    public static Gen<FeedbackResponse> Response(RatingScale overallScale, DimensionSet dimensions) =>
        from respondent in Gen.Choose(0, Departments.Length - 1)
        from offset in Gen.Choose(1, Departments.Length - 1)
        from days in Gen.Choose(0, 400)
        from overall in Gen.Choose(overallScale.Min, overallScale.Max)
        from recommend in Gen.Choose(-1, 10)
        from effort in Gen.Choose(0, 7)
        from perceptions in Gen.Choose(0, dimensions.Scale.Max).ArrayOf(dimensions.Count)
        from expectations in Gen.Choose(0, dimensions.Scale.Max).ArrayOf(dimensions.Count)
        select new FeedbackResponse(
            Departments[respondent],
            Departments[(respondent + offset) % Departments.Length],
            Epoch.Plus(Duration.FromHours(days * 24 + days % 24)),
            overallScale,
            overall,
            recommend < 0 ? null : recommend,
            effort == 0 ? null : effort,
            dimensions,
            Rated(dimensions, perceptions),
            Rated(dimensions, expectations));

    public static Arbitrary<ResponseSample> ResponseSamples() =>
        Arb.From(
            from responses in Response(RatingScale.FivePoint, DimensionSet.Servqual).ArrayOf()
            from split in Gen.Choose(0, responses.Length)
            from seed in Gen.Choose(0, 1_000_000)
            select new ResponseSample(responses, split, seed));

    /// <summary>A response from a small space: every component takes one of two or three values.</summary>
    public static Gen<FeedbackResponse> SmallResponse() =>
        from subject in Gen.Elements(Departments[1], Departments[2])
        from hours in Gen.Choose(0, 1)
        from scale in Gen.Elements(RatingScale.FivePoint, RatingScale.SevenPoint)
        from overall in Gen.Choose(4, 5)
        from recommend in Gen.Elements<int?>(null, 9)
        from effort in Gen.Elements<int?>(null, 6)
        from dimensions in Gen.Elements<DimensionSet?>(null, DimensionSet.Servqual)
        from perception in Gen.Choose(0, 2)
        from expectation in Gen.Choose(0, 2)
        from agreement in Gen.Elements<AgreementId?>(null, AgreementId.Parse("it-sla"))
        from service in Gen.Elements<ServiceId?>(null, ServiceId.Parse("laptops"))
        from comment in Gen.Elements<string?>(null, "ok", "OK")
        select new FeedbackResponse(
            Departments[0],
            subject,
            Epoch.Plus(Duration.FromHours(hours)),
            scale,
            overall,
            recommend,
            effort,
            dimensions,
            dimensions is null || perception == 0 ? null : new Dictionary<string, int> { ["reliability"] = perception + 3 },
            dimensions is null || expectation == 0 ? null : new Dictionary<string, int> { ["empathy"] = expectation + 3 },
            agreement,
            service,
            comment);

    public static Arbitrary<ResponsePair> ResponsePairs() =>
        Arb.From(
            from first in SmallResponse()
            from second in SmallResponse()
            select new ResponsePair(first, second));

    /// <summary>0 means "not rated", so about one rating in eight is missing.</summary>
    private static Dictionary<string, int> Rated(DimensionSet dimensions, int[] values)
    {
        var result = new Dictionary<string, int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= dimensions.Scale.Min)
            {
                result[dimensions.Names[i]] = values[i];
            }
        }

        return result;
    }
}
