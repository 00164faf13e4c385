using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// The mergeable summary of a group of feedback responses: overall ratings, likelihood to recommend (NPS),
/// effort (CES) and, when a dimension set is given, the SERVQUAL perceptions, expectations and gaps.
/// </summary>
/// <remarks>
/// <para>Every part is a mergeable summary (see <see cref="RatingSummary"/>), so the whole is too:
/// <see cref="Empty"/> is the identity and <see cref="Merge"/> is associative and commutative, exactly (every part is
/// a function of integer histograms and sums, so any order and grouping of merges, or adding the responses one by one
/// with <see cref="Add"/>, gives the same summary bit for bit). <see cref="Overall"/>, <see cref="Recommend"/>,
/// <see cref="Effort"/> and <see cref="Servqual"/> are the parts: <see cref="FromParts"/> rebuilds the summary from them.
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

    /// <summary>Rebuilds a summary from its parts (for example read back from a serialised state), exactly: every part
    /// is kept as given, so a summary and <c>FromParts</c> of its own parts agree bit for bit.</summary>
    /// <param name="overall">The overall ratings; its count is the number of responses.</param>
    /// <param name="recommend">The likelihood-to-recommend ratings, on the 0–10 scale, at most as many as the responses.</param>
    /// <param name="effort">The effort ratings, on the 1–7 scale, at most as many as the responses.</param>
    /// <param name="servqual">The SERVQUAL summary, or <see langword="null"/> for a summary without a dimension set;
    /// no dimension may count more perceptions or expectations than there are responses.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overall"/>, <paramref name="recommend"/> or <paramref name="effort"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A part is on the wrong scale, or counts more ratings than there are responses;
    /// the message says what was expected and what came.</exception>
    public static FeedbackSummary FromParts(RatingSummary overall, RatingSummary recommend, RatingSummary effort, ServqualSummary? servqual)
    {
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(recommend);
        ArgumentNullException.ThrowIfNull(effort);
        RequirePart(recommend, RatingScale.ZeroToTen, overall.Count, "likelihood-to-recommend ratings", nameof(recommend));
        RequirePart(effort, RatingScale.SevenPoint, overall.Count, "effort ratings", nameof(effort));
        if (servqual is not null)
        {
            for (var d = 0; d < servqual.Dimensions.Count; d++)
            {
                var most = Math.Max(servqual.Perceptions[d].Count, servqual.Expectations[d].Count);
                if (most > overall.Count)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Expected at most the {overall.Count} responses' ratings of dimension '{servqual.Dimensions.Names[d]}'; got {most}."),
                        nameof(servqual));
                }
            }
        }

        return new FeedbackSummary(overall, recommend, effort, servqual);
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

    /// <summary>Returns the summary with one more response, in O(1) in the number of responses already summarised
    /// (O(k) in the points of the scales): adding responses one by one gives exactly <see cref="Of"/> of all of them.</summary>
    /// <param name="response">The response, on this summary's overall scale.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The response is on a different overall scale or rates a different dimension set.</exception>
    public FeedbackSummary Add(FeedbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.OverallScale.Equals(Overall.Scale))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected overall ratings on the {Overall.Scale} scale; got a response on the {response.OverallScale} scale."),
                nameof(response));
        }

        var servqual = Servqual?.Add(response);
        return new FeedbackSummary(
            Overall.Add(response.Overall),
            response.Recommend is { } r ? Recommend.Add(r) : Recommend,
            response.Effort is { } e ? Effort.Add(e) : Effort,
            servqual);
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

    private static void RequirePart(RatingSummary part, RatingScale scale, long responses, string what, string parameterName)
    {
        if (!part.Scale.Equals(scale))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected the {what} on the {scale} scale; got them on the {part.Scale} scale."), parameterName);
        }

        if (part.Count > responses)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected at most the {responses} responses' {what}; got {part.Count}."), parameterName);
        }
    }

    /// <summary>Returns a short description for diagnostics.</summary>
    /// <returns>The counts and overall mean.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"FeedbackSummary(n={Count}, overall mean={Overall.Mean:R}, recommend n={Recommend.Count}, effort n={Effort.Count})");
}
