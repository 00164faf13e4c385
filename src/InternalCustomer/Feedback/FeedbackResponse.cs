using NodaTime;

namespace InternalCustomer.Feedback;

/// <summary>
/// One internal customer's feedback about a providing department: who responded (the consumer), about whom
/// (the subject, the provider), when, and the ratings.
/// </summary>
/// <remarks>
/// <para>Ratings: the overall satisfaction on a declared scale (required); likelihood to recommend on
/// 0–10 and effort on 1–7 (optional); perception and expectation per dimension of a
/// <see cref="DimensionSet"/> (optional, SERVQUAL). Every rating is checked against its scale on
/// construction; a response always holds valid data.</para>
/// <para>Instances are immutable. Equality is by value: two responses are equal when every component is
/// (ids, instant, scale, ratings, dimension set, comment by ordinal comparison, and every perception and
/// expectation rating), as for <c>ServiceRequest</c>; <see cref="GetHashCode"/> agrees with it.</para>
/// </remarks>
public sealed class FeedbackResponse : IEquatable<FeedbackResponse>
{
    /// <summary>The marker for "not rated" in the internal per-dimension arrays.</summary>
    internal const int NotRated = int.MinValue;

    private readonly int[]? _perceptions;
    private readonly int[]? _expectations;

    /// <summary>Creates a response, validating every rating against its scale.</summary>
    /// <param name="respondent">The responding (consumer) department.</param>
    /// <param name="subject">The department the feedback is about (the provider); must differ from <paramref name="respondent"/>.</param>
    /// <param name="instant">When the response was given.</param>
    /// <param name="overallScale">The scale of the overall rating.</param>
    /// <param name="overall">The overall satisfaction rating.</param>
    /// <param name="recommend">Likelihood to recommend, 0–10, if asked.</param>
    /// <param name="effort">Customer effort, 1–7 (7 = very easy), if asked.</param>
    /// <param name="dimensions">The dimension set the perception and expectation ratings refer to; required when either is given.</param>
    /// <param name="perceptions">Perception ratings by dimension name, on <c>dimensions.Scale</c>.</param>
    /// <param name="expectations">Expectation ratings by dimension name, on <c>dimensions.Scale</c>.</param>
    /// <param name="agreement">The service agreement the feedback is about, if any.</param>
    /// <param name="service">The service the feedback is about, if any.</param>
    /// <param name="comment">Free text, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is <c>default</c>; <paramref name="respondent"/> equals <paramref name="subject"/>; dimension ratings without a dimension set; an unknown dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale; the message names the field and the value.</exception>
    public FeedbackResponse(
        DepartmentId respondent,
        DepartmentId subject,
        Instant instant,
        RatingScale overallScale,
        int overall,
        int? recommend = null,
        int? effort = null,
        DimensionSet? dimensions = null,
        IReadOnlyDictionary<string, int>? perceptions = null,
        IReadOnlyDictionary<string, int>? expectations = null,
        AgreementId? agreement = null,
        ServiceId? service = null,
        string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        Respondent = ModelGuard.NotDefault(respondent, nameof(respondent));
        Subject = ModelGuard.NotDefault(subject, nameof(subject));
        if (respondent == subject)
        {
            throw new ArgumentException(
                $"A department cannot give feedback about itself: respondent and subject are both \"{respondent}\".",
                nameof(subject));
        }

        Instant = instant;
        OverallScale = overallScale;
        Overall = overallScale.Validate(overall, nameof(overall));
        Recommend = recommend is { } r ? RatingScale.ZeroToTen.Validate(r, nameof(recommend)) : null;
        Effort = effort is { } e ? RatingScale.SevenPoint.Validate(e, nameof(effort)) : null;
        Agreement = agreement is { } a ? ModelGuard.NotDefault(a, nameof(agreement)) : null;
        Service = service is { } s ? ModelGuard.NotDefault(s, nameof(service)) : null;
        Comment = comment;
        if ((perceptions is { Count: > 0 } || expectations is { Count: > 0 }) && dimensions is null)
        {
            throw new ArgumentException("Dimension ratings need the dimension set they refer to; got ratings without one.", nameof(dimensions));
        }

        Dimensions = dimensions;
        if (dimensions is not null)
        {
            _perceptions = ToArray(dimensions, perceptions, nameof(perceptions));
            _expectations = ToArray(dimensions, expectations, nameof(expectations));
        }
    }

    /// <summary>Gets the responding (consumer) department.</summary>
    public DepartmentId Respondent { get; }

    /// <summary>Gets the department the feedback is about (the provider).</summary>
    public DepartmentId Subject { get; }

    /// <summary>Gets when the response was given.</summary>
    public Instant Instant { get; }

    /// <summary>Gets the scale of <see cref="Overall"/>.</summary>
    public RatingScale OverallScale { get; }

    /// <summary>Gets the overall satisfaction rating.</summary>
    public int Overall { get; }

    /// <summary>Gets the likelihood to recommend (0–10), if asked.</summary>
    public int? Recommend { get; }

    /// <summary>Gets the customer effort rating (1–7), if asked.</summary>
    public int? Effort { get; }

    /// <summary>Gets the dimension set of the perception and expectation ratings, if any.</summary>
    public DimensionSet? Dimensions { get; }

    /// <summary>Gets the service agreement the feedback is about, if any.</summary>
    public AgreementId? Agreement { get; }

    /// <summary>Gets the service the feedback is about, if any.</summary>
    public ServiceId? Service { get; }

    /// <summary>Gets the free-text comment, if any.</summary>
    public string? Comment { get; }

    internal ReadOnlySpan<int> PerceptionsByIndex => _perceptions;

    internal ReadOnlySpan<int> ExpectationsByIndex => _expectations;

    /// <summary>Returns the perception rating for <paramref name="dimension"/>, or <see langword="null"/> if not rated.</summary>
    /// <param name="dimension">A dimension of <see cref="Dimensions"/>.</param>
    /// <returns>The rating or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The response has no dimension set, or <paramref name="dimension"/> is not in it.</exception>
    public int? Perception(string dimension) => Lookup(_perceptions, dimension);

    /// <summary>Returns the expectation rating for <paramref name="dimension"/>, or <see langword="null"/> if not rated.</summary>
    /// <param name="dimension">A dimension of <see cref="Dimensions"/>.</param>
    /// <returns>The rating or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The response has no dimension set, or <paramref name="dimension"/> is not in it.</exception>
    public int? Expectation(string dimension) => Lookup(_expectations, dimension);

    /// <inheritdoc />
    public bool Equals(FeedbackResponse? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Respondent == other.Respondent
                && Subject == other.Subject
                && Instant == other.Instant
                && Overall == other.Overall
                && OverallScale.Equals(other.OverallScale)
                && Recommend == other.Recommend
                && Effort == other.Effort
                && Agreement == other.Agreement
                && Service == other.Service
                && string.Equals(Comment, other.Comment, StringComparison.Ordinal)
                && Equals(Dimensions, other.Dimensions)
                && PerceptionsByIndex.SequenceEqual(other.PerceptionsByIndex)
                && ExpectationsByIndex.SequenceEqual(other.ExpectationsByIndex)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeedbackResponse);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Respondent);
        hash.Add(Subject);
        hash.Add(Instant);
        hash.Add(OverallScale);
        hash.Add(Overall);
        hash.Add(Recommend);
        hash.Add(Effort);
        hash.Add(Agreement);
        hash.Add(Service);
        hash.Add(Comment, StringComparer.Ordinal);
        hash.Add(Dimensions);
        foreach (var p in PerceptionsByIndex)
        {
            hash.Add(p);
        }

        foreach (var e in ExpectationsByIndex)
        {
            hash.Add(e);
        }

        return hash.ToHashCode();
    }

    private int? Lookup(int[]? ratings, string dimension)
    {
        if (Dimensions is null || ratings is null)
        {
            throw new ArgumentException($"This response has no dimension ratings; got a request for \"{dimension}\".", nameof(dimension));
        }

        var v = ratings[Dimensions.IndexOf(dimension, nameof(dimension))];
        return v == NotRated ? null : v;
    }

    private static int[] ToArray(DimensionSet dimensions, IReadOnlyDictionary<string, int>? ratings, string field)
    {
        var result = new int[dimensions.Count];
        Array.Fill(result, NotRated);
        if (ratings is not null)
        {
            foreach (var (name, value) in ratings)
            {
                var i = dimensions.IndexOf(name, field);
                result[i] = dimensions.Scale.Validate(value, field, $"{field}[{name}]");
            }
        }

        return result;
    }
}
