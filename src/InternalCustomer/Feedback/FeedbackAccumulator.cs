using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// Mutable histogram counters for many groups at once, behind <see cref="FeedbackSummary.Of"/> and the
/// grouping: one flat <see cref="int"/> array with a fixed stride per group (overall points, then 11
/// recommend points, then 7 effort points), so a group's counters share two cache lines. Filled in one
/// pass and frozen into immutable <see cref="FeedbackSummary"/> values. Never escapes the library.
/// </summary>
/// <remarks>
/// Counts are <see cref="int"/>: one pass over a span sees fewer than 2^31 responses, and the smaller
/// counters keep more groups in cache.
/// </remarks>
internal sealed class FeedbackAccumulator
{
    private const int RecommendPoints = 11;
    private const int EffortPoints = 7;

    private readonly RatingScale _scale;
    private readonly DimensionSet? _dimensions;
    private readonly int _stride;
    private readonly int _recommendOffset;
    private readonly int _effortOffset;
    private readonly List<ServqualSummary.ServqualAccumulator>? _servqual;
    private int[] _counts;

    internal FeedbackAccumulator(RatingScale scale, DimensionSet? dimensions, int expectedGroups = 1)
    {
        _scale = scale;
        _dimensions = dimensions;
        _recommendOffset = scale.Points;
        _effortOffset = _recommendOffset + RecommendPoints;
        _stride = _effortOffset + EffortPoints;
        _counts = new int[_stride * Math.Max(1, expectedGroups)];
        _servqual = dimensions is null ? null : [];
    }

    internal int GroupCount { get; private set; }

    /// <summary>Adds an empty group and returns its index.</summary>
    internal int AddGroup()
    {
        if ((GroupCount + 1) * _stride > _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(_counts.Length * 2, (GroupCount + 1) * _stride));
        }

        _servqual?.Add(new ServqualSummary.ServqualAccumulator(_dimensions!));
        return GroupCount++;
    }

    internal void Add(int group, FeedbackResponse response, string paramName)
    {
        ArgumentNullException.ThrowIfNull(response, paramName);
        if (!ReferenceEquals(response.OverallScale, _scale) && !response.OverallScale.Equals(_scale))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected overall ratings on the {_scale} scale; got a response on the {response.OverallScale} scale."),
                paramName);
        }

        var baseIndex = group * _stride;
        var counts = _counts;
        counts[baseIndex + response.Overall - _scale.Min]++;
        if (response.Recommend is { } r)
        {
            counts[baseIndex + _recommendOffset + r]++;
        }

        if (response.Effort is { } e)
        {
            counts[baseIndex + _effortOffset + e - 1]++;
        }

        _servqual?[group].Add(response, paramName);
    }

    internal FeedbackSummary ToSummary(int group)
    {
        var baseIndex = group * _stride;
        return new FeedbackSummary(
            RatingSummary.FromOwnedHistogram(_scale, Widen(baseIndex, _scale.Points)),
            RatingSummary.FromOwnedHistogram(RatingScale.ZeroToTen, Widen(baseIndex + _recommendOffset, RecommendPoints)),
            RatingSummary.FromOwnedHistogram(RatingScale.SevenPoint, Widen(baseIndex + _effortOffset, EffortPoints)),
            _servqual?[group].ToSummary());
    }

    private long[] Widen(int start, int length)
    {
        var result = new long[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = _counts[start + i];
        }

        return result;
    }
}
