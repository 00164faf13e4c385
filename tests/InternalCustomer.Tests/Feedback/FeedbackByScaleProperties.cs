using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Feedback;

/// <summary>Responses among a few departments on a mix of scales.</summary>
public sealed record MixedScaleSample(FeedbackResponse[] Responses)
{
    public override string ToString() =>
        $"{Responses.Length} responses: {string.Join(", ", Responses.GroupBy(r => r.OverallScale).Select(g => $"{g.Count()} on {g.Key}"))}";
}

public static class MixedScaleGenerators
{
    public static Arbitrary<MixedScaleSample> MixedScaleSamples() =>
        Arb.From(
            from scales in Gen.SubListOf(FeedbackGenerators.Scales).Where(s => s.Count > 0)
            from responses in Gen.Elements(scales.ToArray())
                .SelectMany(scale => FeedbackGenerators.Response(scale, DimensionSet.Servqual))
                .ArrayOf()
            select new MixedScaleSample(responses));
}

/// <summary>Nothing is lost: whatever the mix of scales, every response is in exactly one scale's summary.</summary>
public class FeedbackByScaleProperties
{
    [Property(Arbitrary = new[] { typeof(MixedScaleGenerators) })]
    public void Every_response_is_counted_once_on_its_own_scale(MixedScaleSample sample)
    {
        var summaries = FeedbackByScale.Summarize(sample.Responses);

        Assert.Equal(sample.Responses.Length, summaries.Sum(s => s.Responses.Count));
        Assert.Equal(summaries.Length, summaries.Select(s => s.Scale).Distinct().Count());
        foreach (var s in summaries)
        {
            var on = sample.Responses.Where(r => r.OverallScale.Equals(s.Scale)).ToArray();
            Assert.Equal(on.Length, s.Responses.Count);
            Assert.Equal(on.Length, s.ByProvider.Values.Sum(p => p.Count));
            Assert.Equal(on.Length, s.ByRelationship.Values.Sum(p => p.Count));
            Assert.Equal(on.Count(r => r.Recommend is not null), s.Responses.Nps.Count);
            Assert.Equal(on.Select(r => r.Subject).Distinct().Order(), s.ByProvider.Keys);
        }

        // Most responses first; the first is the predominant scale.
        Assert.True(summaries.Zip(summaries.Skip(1)).All(p => p.First.Responses.Count >= p.Second.Responses.Count));
        Assert.Equal(summaries.IsEmpty ? null : summaries[0].Scale, FeedbackByScale.PredominantScale(sample.Responses));
    }
}
