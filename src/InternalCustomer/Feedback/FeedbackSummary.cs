using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// The mergeable summary of a group of feedback responses: overall ratings, likelihood to recommend (NPS),
/// effort (CES) and, when a dimension set is given, the SERVQUAL perceptions, expectations and gaps.
/// </summary>
/// <remarks>
/// <para>Every part is a mergeable summary (see <see cref="RatingSummary"/>), so the whole is too:
/// <see cref="Empty"/> is the identity and <see cref="Merge"/> is associative and commutative.
/// <see cref="Recommend"/> and <see cref="Effort"/> count only the responses that gave those ratings.</para>
/// <para>All responses of a summary share one overall scale; mixing scales is rejected rather than rescaled.
/// When the summary has no dimension set, dimension ratings are ignored.</para>
/// </remarks>
public sealed class FeedbackSummary
{
    internal FeedbackSummary(RatingSummary overall, RatingSummary recommend, RatingSummary effort, ServqualSummary? servqual)
    {
        Overall = overall;
        Recommend = recommend;
        Effort = effort;
        Servqual = servqual;
    }

    /// <summary>Gets the number of responses.</summary>
    public long Count => Overall.Count;

    /// <summary>Gets the overall satisfaction ratings.</summary>
    public RatingSummary Overall { get; }

    /// <summary>Gets the likelihood-to-recommend ratings (0–10) of the responses that gave one.</summary>
    public RatingSummary Recommend { get; }

    /// <summary>Gets the effort ratings (1–7) of the responses that gave one.</summary>
    public RatingSummary Effort { get; }

    /// <summary>Gets the Net Promoter counts of <see cref="Recommend"/>.</summary>
    public NpsCounts Nps => NpsCounts.From(Recommend);

    /// <summary>Gets the SERVQUAL summary, or <see langword="null"/> when the summary was made without a dimension set.</summary>
    public ServqualSummary? Servqual { get; }

    /// <summary>Returns the empty summary: the identity of <see cref="Merge"/>.</summary>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/> for none.</param>
    /// <returns>An empty summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> is <see langword="null"/>.</exception>
    public static FeedbackSummary Empty(RatingScale overallScale, DimensionSet? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        return new FeedbackSummary(
            RatingSummary.Empty(overallScale),
            RatingSummary.Empty(RatingScale.ZeroToTen),
            RatingSummary.Empty(RatingScale.SevenPoint),
            dimensions is null ? null : ServqualSummary.Empty(dimensions));
    }

    /// <summary>Summarises responses. Empty input gives <see cref="Empty"/>.</summary>
    /// <param name="responses">The responses; all with overall ratings on <paramref name="overallScale"/>.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/> to ignore dimension ratings.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on a different overall scale or rates a different dimension set.</exception>
    public static FeedbackSummary Of(ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        var acc = new FeedbackAccumulator(overallScale, dimensions);
        var group = acc.AddGroup();
        foreach (var r in responses)
        {
            acc.Add(group, r, nameof(responses));
        }

        return acc.ToSummary(group);
    }

    /// <summary>Returns the summary of both groups (merge law in the remarks).</summary>
    /// <param name="other">A summary on the same overall scale and dimension set.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scales or dimension sets differ.</exception>
    public FeedbackSummary Merge(FeedbackSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Overall.Scale.Equals(Overall.Scale))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Only summaries on the same overall scale can be merged; expected {Overall.Scale}, got {other.Overall.Scale}."),
                nameof(other));
        }

        if ((Servqual is null) != (other.Servqual is null))
        {
            throw new ArgumentException(
                "Only summaries with the same dimension set can be merged; got one with and one without dimensions.",
                nameof(other));
        }

        return new FeedbackSummary(
            Overall.Merge(other.Overall),
            Recommend.Merge(other.Recommend),
            Effort.Merge(other.Effort),
            Servqual is null ? null : Servqual.Merge(other.Servqual!));
    }

    /// <summary>Returns a short description for diagnostics.</summary>
    /// <returns>The counts and overall mean.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"FeedbackSummary(n={Count}, overall mean={Overall.Mean:R}, recommend n={Recommend.Count}, effort n={Effort.Count})");
}
