using System.Collections.Immutable;
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
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale, or <paramref name="instant"/> outside the supported
    /// range (<see cref="SupportedRange"/>: 1900-01-01T00:00:00Z, inclusive, to 2201-01-01T00:00:00Z, exclusive); the message names the
    /// field (or the range) and the value.</exception>
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
        : this(Checked(respondent, subject, instant, overallScale, overall, recommend, effort, dimensions, perceptions, expectations, agreement, service), respondent, subject, instant, overall, recommend, effort, dimensions, perceptions, expectations, agreement, service, comment)
    {
    }

    // The parts, already checked (by the public constructor or TryCreate): the rules run once. The scale comes first
    // only to set this signature apart from the public one.
    private FeedbackResponse(
        RatingScale overallScale,
        DepartmentId respondent,
        DepartmentId subject,
        Instant instant,
        int overall,
        int? recommend,
        int? effort,
        DimensionSet? dimensions,
        IReadOnlyDictionary<string, int>? perceptions,
        IReadOnlyDictionary<string, int>? expectations,
        AgreementId? agreement,
        ServiceId? service,
        string? comment)
    {
        Respondent = respondent;
        Subject = subject;
        Instant = instant;
        OverallScale = overallScale;
        Overall = overall;
        Recommend = recommend;
        Effort = effort;
        Agreement = agreement;
        Service = service;
        Comment = comment;
        Dimensions = dimensions;
        if (dimensions is not null)
        {
            _perceptions = ToArray(dimensions, perceptions);
            _expectations = ToArray(dimensions, expectations);
        }
    }

    /// <summary>Creates a response, or says what is wrong with its parts without throwing.</summary>
    /// <remarks>The same rules as the constructor. The problem's location names the part at fault (<c>$.overall</c>,
    /// <c>$.perceptions.reliability</c>), so that a reader of a survey export can place it on its own field.</remarks>
    /// <param name="respondent">The responding (consumer) department.</param>
    /// <param name="subject">The department the feedback is about (the provider).</param>
    /// <param name="instant">When the response was given.</param>
    /// <param name="overallScale">The scale of the overall rating.</param>
    /// <param name="overall">The overall satisfaction rating.</param>
    /// <param name="recommend">Likelihood to recommend, 0–10, if asked.</param>
    /// <param name="effort">Customer effort, 1–7, if asked.</param>
    /// <param name="dimensions">The dimension set of the perception and expectation ratings.</param>
    /// <param name="perceptions">Perception ratings by dimension name.</param>
    /// <param name="expectations">Expectation ratings by dimension name.</param>
    /// <param name="agreement">The service agreement the feedback is about, if any.</param>
    /// <param name="service">The service the feedback is about, if any.</param>
    /// <param name="comment">Free text, if any.</param>
    /// <returns>The response, or the first problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> is <see langword="null"/>.</exception>
    public static Result<FeedbackResponse> TryCreate(
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
        return Check(respondent, subject, instant, overallScale, overall, recommend, effort, dimensions, perceptions, expectations, agreement, service) is { } problem
            ? Result.Failure<FeedbackResponse>([problem])
            : Result.Success(new FeedbackResponse(overallScale, respondent, subject, instant, overall, recommend, effort, dimensions, perceptions, expectations, agreement, service, comment));
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

    /// <summary>The overall scale, once the parts have passed <see cref="Check"/>; throws for the first rule broken (a
    /// rating outside its scale as an <see cref="ArgumentOutOfRangeException"/>, as documented, the rest as
    /// <see cref="ArgumentException"/>).</summary>
    private static RatingScale Checked(
        DepartmentId respondent,
        DepartmentId subject,
        Instant instant,
        RatingScale overallScale,
        int overall,
        int? recommend,
        int? effort,
        DimensionSet? dimensions,
        IReadOnlyDictionary<string, int>? perceptions,
        IReadOnlyDictionary<string, int>? expectations,
        AgreementId? agreement,
        ServiceId? service)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        if (Check(respondent, subject, instant, overallScale, overall, recommend, effort, dimensions, perceptions, expectations, agreement, service) is not { } problem)
        {
            return overallScale;
        }

        var parameter = problem.Location.Segments[0].Name!;
        throw problem.Kind == ProblemKind.InvalidValue
            ? new ArgumentOutOfRangeException(parameter, problem.Message)
            : new ArgumentException(problem.Message, parameter);
    }

    /// <summary>The first rule the parts break, located at the parameter (and dimension) at fault; <see langword="null"/> if none.</summary>
    private static Problem? Check(
        DepartmentId respondent,
        DepartmentId subject,
        Instant instant,
        RatingScale overallScale,
        int overall,
        int? recommend,
        int? effort,
        DimensionSet? dimensions,
        IReadOnlyDictionary<string, int>? perceptions,
        IReadOnlyDictionary<string, int>? expectations,
        AgreementId? agreement,
        ServiceId? service)
    {
        var at = ProblemLocation.Root;
        if ((DefaultId(respondent, nameof(respondent)) ?? DefaultId(subject, nameof(subject))) is { } missing)
        {
            return missing;
        }

        if (SupportedRange.CheckInstant(instant, "a response") is { } outside)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(instant)), outside);
        }

        if (respondent == subject)
        {
            return new(ProblemKind.SelfReference, at.Property(nameof(subject)), $"A department cannot give feedback about itself: respondent and subject are both \"{respondent}\".");
        }

        if (!overallScale.Contains(overall))
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(overall)), overallScale.OutOfScaleMessage(overall, nameof(overall)));
        }

        if (recommend is { } r && !RatingScale.ZeroToTen.Contains(r))
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(recommend)), RatingScale.ZeroToTen.OutOfScaleMessage(r, nameof(recommend)));
        }

        if (effort is { } e && !RatingScale.SevenPoint.Contains(e))
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(effort)), RatingScale.SevenPoint.OutOfScaleMessage(e, nameof(effort)));
        }

        if (((agreement is { } a ? DefaultId(a, nameof(agreement)) : null) ?? (service is { } s ? DefaultId(s, nameof(service)) : null)) is { } missingRef)
        {
            return missingRef;
        }

        if ((perceptions is { Count: > 0 } || expectations is { Count: > 0 }) && dimensions is null)
        {
            return new(ProblemKind.MissingValue, at.Property(nameof(dimensions)), "Dimension ratings need the dimension set they refer to; got ratings without one.");
        }

        return dimensions is null
            ? null
            : CheckRatings(dimensions, perceptions, nameof(perceptions)) ?? CheckRatings(dimensions, expectations, nameof(expectations));
    }

    private static Problem? DefaultId<T>(T id, string parameter)
        where T : struct, IIdentifier =>
        id.IsDefault
            ? new(ProblemKind.InvalidId, ProblemLocation.Root.Property(parameter), $"Expected a parsed {typeof(T).Name}; got default({typeof(T).Name}).")
            : null;

    private static Problem? CheckRatings(DimensionSet dimensions, IReadOnlyDictionary<string, int>? ratings, string field)
    {
        foreach (var (name, value) in ratings ?? ImmutableDictionary<string, int>.Empty)
        {
            var at = ProblemLocation.Root.Property(field).Property(name);
            if (!dimensions.Contains(name))
            {
                return new(ProblemKind.UnknownReference, at, $"Unknown dimension \"{name}\"; expected one of: {string.Join(", ", dimensions.Names)}.");
            }

            if (!dimensions.Scale.Contains(value))
            {
                return new(ProblemKind.InvalidValue, at, dimensions.Scale.OutOfScaleMessage(value, $"{field}[{name}]"));
            }
        }

        return null;
    }

    /// <summary>The ratings by dimension position (<see cref="NotRated"/> where none); the ratings were checked.</summary>
    private static int[] ToArray(DimensionSet dimensions, IReadOnlyDictionary<string, int>? ratings)
    {
        var result = new int[dimensions.Count];
        Array.Fill(result, NotRated);
        foreach (var (name, value) in ratings ?? ImmutableDictionary<string, int>.Empty)
        {
            result[dimensions.IndexOf(name)] = value;
        }

        return result;
    }
}
