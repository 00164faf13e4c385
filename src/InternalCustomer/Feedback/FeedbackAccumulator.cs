using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// Mutable histogram counters behind <see cref="FeedbackSummary.Of"/> and the grouping: one per group,
/// filled in one pass and frozen into an immutable <see cref="FeedbackSummary"/>. Never escapes the library.
/// </summary>
internal sealed class FeedbackAccumulator
{
    private readonly RatingScale _scale;
    private readonly long[] _overall;
    private readonly long[] _recommend = new long[11];
    private readonly long[] _effort = new long[7];
    private readonly ServqualSummary.ServqualAccumulator? _servqual;

    internal FeedbackAccumulator(RatingScale scale, DimensionSet? dimensions)
    {
        _scale = scale;
        _overall = new long[scale.Points];
        _servqual = dimensions is null ? null : new ServqualSummary.ServqualAccumulator(dimensions);
    }

    internal void Add(FeedbackResponse response, string paramName)
    {
        ArgumentNullException.ThrowIfNull(response, paramName);
        if (!ReferenceEquals(response.OverallScale, _scale) && !response.OverallScale.Equals(_scale))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected overall ratings on the {_scale} scale; got a response on the {response.OverallScale} scale."),
                paramName);
        }

        _overall[response.Overall - _scale.Min]++;
        if (response.Recommend is { } r)
        {
            _recommend[r]++;
        }

        if (response.Effort is { } e)
        {
            _effort[e - 1]++;
        }

        _servqual?.Add(response, paramName);
    }

    internal FeedbackSummary ToSummary() => new(
        RatingSummary.FromOwnedHistogram(_scale, _overall),
        RatingSummary.FromOwnedHistogram(RatingScale.ZeroToTen, _recommend),
        RatingSummary.FromOwnedHistogram(RatingScale.SevenPoint, _effort),
        _servqual?.ToSummary());
}
