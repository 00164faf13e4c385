using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// A declared rating scale: the whole points <see cref="Min"/> to <see cref="Max"/> (for example 1–5, 0–10, 1–7).
/// </summary>
/// <remarks>
/// <para>A rating on a scale is one of its points: a whole number in [<see cref="Min"/>, <see cref="Max"/>].
/// Every entry point that takes ratings rejects a value outside the scale, a fractional value, NaN and
/// infinity with an <see cref="ArgumentOutOfRangeException"/> naming the field and the value.</para>
/// <para>Because ratings are whole points, a histogram per point is a sufficient statistic: every
/// summary in this namespace keeps one, and derives sums and moments from it.</para>
/// <para>Two scales are equal when their bounds are equal. A scale has at most
/// <see cref="MaxPoints"/> points.</para>
/// </remarks>
public sealed class RatingScale : IEquatable<RatingScale>
{
    /// <summary>The largest number of points a scale may have.</summary>
    public const int MaxPoints = 1001;

    private RatingScale(int min, int max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Gets the five-point scale 1–5 (the CSAT default).</summary>
    public static RatingScale FivePoint { get; } = new(1, 5);

    /// <summary>Gets the seven-point scale 1–7 (customer effort score, SERVQUAL).</summary>
    public static RatingScale SevenPoint { get; } = new(1, 7);

    /// <summary>Gets the eleven-point scale 0–10 (likelihood to recommend, NPS).</summary>
    public static RatingScale ZeroToTen { get; } = new(0, 10);

    /// <summary>Gets the lowest point.</summary>
    public int Min { get; }

    /// <summary>Gets the highest point.</summary>
    public int Max { get; }

    /// <summary>Gets the number of points, <c>Max − Min + 1</c>.</summary>
    public int Points => Max - Min + 1;

    /// <summary>Creates a k-point Likert scale 1–k.</summary>
    /// <param name="points">The number of points, 2 to <see cref="MaxPoints"/>.</param>
    /// <returns>The scale 1–<paramref name="points"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is below 2 or above <see cref="MaxPoints"/>.</exception>
    public static RatingScale Likert(int points)
    {
        if (points < 2 || points > MaxPoints)
        {
            throw new ArgumentOutOfRangeException(
                nameof(points),
                points,
                string.Create(CultureInfo.InvariantCulture, $"A Likert scale must have 2 to {MaxPoints} points; got {points}."));
        }

        return new RatingScale(1, points);
    }

    /// <summary>Creates a scale with caller-given bounds.</summary>
    /// <param name="min">The lowest point.</param>
    /// <param name="max">The highest point; greater than <paramref name="min"/>.</param>
    /// <returns>The scale <paramref name="min"/>–<paramref name="max"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not greater than <paramref name="min"/>, or the scale has more than <see cref="MaxPoints"/> points.</exception>
    public static RatingScale Custom(int min, int max) =>
        CheckBounds(min, max) is { } problem
            ? throw new ArgumentOutOfRangeException(nameof(max), max, problem.Message)
            : new RatingScale(min, max);

    /// <summary>Creates a scale from <paramref name="min"/> to <paramref name="max"/>, or says why it cannot, without throwing.</summary>
    /// <param name="min">The lowest point.</param>
    /// <param name="max">The highest point.</param>
    /// <returns>The scale, or the problem (located at <c>$.max</c>) that <see cref="Custom(int, int)"/> would throw for.</returns>
    public static Result<RatingScale> TryCustom(int min, int max) =>
        CheckBounds(min, max) is { } problem ? Result.Failure<RatingScale>([problem]) : Result.Success(new RatingScale(min, max));

    private static Problem? CheckBounds(int min, int max)
    {
        var at = ProblemLocation.Root.Property(nameof(max));
        if (max <= min)
        {
            return new(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"A scale's maximum must be greater than its minimum {min}; got {max}."));
        }

        if ((long)max - min + 1 > MaxPoints)
        {
            return new(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"A scale may have at most {MaxPoints} points; got {(long)max - min + 1} ({min}–{max})."));
        }

        return null;
    }

    /// <summary>Whether <paramref name="rating"/> is a point of this scale.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns><see langword="true"/> if <c>Min ≤ rating ≤ Max</c>.</returns>
    public bool Contains(int rating) => rating >= Min && rating <= Max;

    /// <summary>Whether <paramref name="rating"/> is a point of this scale: finite, whole and within the bounds.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns><see langword="true"/> if the rating is a whole number in [<see cref="Min"/>, <see cref="Max"/>].</returns>
    public bool Contains(double rating) => rating >= Min && rating <= Max && Math.Floor(rating) == rating;

    /// <summary>Returns <paramref name="rating"/> if it is a point of this scale, and throws otherwise.</summary>
    /// <param name="rating">The rating.</param>
    /// <param name="field">The name of the field or parameter the rating came from, used in the exception.</param>
    /// <returns><paramref name="rating"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale; the message names the field, the value and the scale.</exception>
    public int Validate(int rating, string field)
    {
        if (!Contains(rating))
        {
            throw OutOfScale(rating, field);
        }

        return rating;
    }

    /// <summary>Returns <paramref name="rating"/> as a whole point if it is a point of this scale, and throws otherwise.</summary>
    /// <param name="rating">The rating.</param>
    /// <param name="field">The name of the field or parameter the rating came from, used in the exception.</param>
    /// <returns><paramref name="rating"/> as an integer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is NaN, infinite, fractional or outside the scale; the message names the field, the value and the scale.</exception>
    public int Validate(double rating, string field)
    {
        if (!Contains(rating))
        {
            throw OutOfScale(rating, field);
        }

        return (int)rating;
    }

    /// <summary>Returns the scale as <c>min–max</c>, for example <c>1–5</c>.</summary>
    /// <returns>The bounds.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max}");

    /// <inheritdoc />
    public bool Equals(RatingScale? other) => other is not null && other.Min == Min && other.Max == Max;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RatingScale);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Min, Max);

    internal int Validate(int rating, string paramName, string field) =>
        Contains(rating) ? rating : throw new ArgumentOutOfRangeException(paramName, rating, OutOfScaleMessage(rating, field));

    internal string OutOfScaleMessage(double rating, string field)
    {
        var kind = double.IsNaN(rating) || double.IsInfinity(rating) ? "a finite whole point"
            : Math.Floor(rating) != rating ? "a whole point" : "a point";
        return string.Create(CultureInfo.InvariantCulture, $"Rating '{field}' must be {kind} of the {this} scale; got {rating}.");
    }

    internal ArgumentOutOfRangeException OutOfScale(double rating, string field) => new(field, rating, OutOfScaleMessage(rating, field));

    internal ArgumentOutOfRangeException OutOfScale(int rating, string field) =>
        new(field, rating, string.Create(CultureInfo.InvariantCulture, $"Rating '{field}' must be a point of the {this} scale; got {rating}."));
}
