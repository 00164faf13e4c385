using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace InternalCustomer.Feedback;

/// <summary>
/// Groups feedback responses and summarises each group in one pass: by provider, by consumer, by
/// provider × consumer, and by calendar period in a time zone.
/// </summary>
/// <remarks>
/// <para>Each method returns an immutable dictionary sorted by key; a group appears only if it has at least
/// one response, and empty input gives an empty dictionary. The summaries are the same as
/// <see cref="FeedbackSummary.Of"/> over each group's responses, so they merge with summaries computed
/// elsewhere (for example over another partition of the data).</para>
/// <para>All responses must have overall ratings on <c>overallScale</c>; when a dimension set is given, dimension
/// ratings must be for that set (see <see cref="FeedbackSummary.Of"/>).</para>
/// </remarks>
public static class FeedbackGrouping
{
    private const int Batch = 256;

    /// <summary>Summarises responses per provider (the subject of the feedback).</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/>.</param>
    /// <returns>A summary per provider, sorted by provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale or dimension set.</exception>
    public static ImmutableSortedDictionary<DepartmentId, FeedbackSummary> ByProvider(
        ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions = null) =>
        ByDepartment(responses, overallScale, dimensions, provider: true);

    /// <summary>Summarises responses per consumer (the respondent).</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/>.</param>
    /// <returns>A summary per consumer, sorted by consumer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale or dimension set.</exception>
    public static ImmutableSortedDictionary<DepartmentId, FeedbackSummary> ByConsumer(
        ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions = null) =>
        ByDepartment(responses, overallScale, dimensions, provider: false);

    /// <summary>Summarises responses per provider × consumer relationship.</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/>.</param>
    /// <returns>A summary per relationship, sorted by provider then consumer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale or dimension set.</exception>
    public static ImmutableSortedDictionary<Relationship, FeedbackSummary> ByRelationship(
        ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        var pairs = new RelationshipIndexer();
        var acc = new FeedbackAccumulator(overallScale, dimensions, 64);

        // Two phases per batch: first every response's group (lookups independent of each other, so the
        // processor overlaps their cache misses), then the counter updates.
        Span<int> groups = stackalloc int[Batch];
        for (var start = 0; start < responses.Length; start += Batch)
        {
            var batch = responses.Slice(start, Math.Min(Batch, responses.Length - start));
            for (var k = 0; k < batch.Length; k++)
            {
                var response = batch[k] ?? throw new ArgumentNullException(nameof(responses), "Expected a response; got null.");
                groups[k] = pairs.IndexOf(response.Subject, response.Respondent, out var added);
                if (added)
                {
                    acc.AddGroup();
                }
            }

            for (var k = 0; k < batch.Length; k++)
            {
                acc.Add(groups[k], batch[k], nameof(responses));
            }
        }

        var result = ImmutableSortedDictionary.CreateBuilder<Relationship, FeedbackSummary>();
        for (var g = 0; g < pairs.Count; g++)
        {
            result.Add(pairs.RelationshipAt(g), acc.ToSummary(g));
        }

        return result.ToImmutable();
    }

    /// <summary>Summarises responses per calendar period, taking each response's local date in <paramref name="zone"/>.</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="zone">The time zone whose calendar the periods follow.</param>
    /// <param name="unit">Month, quarter or year.</param>
    /// <param name="overallScale">The scale of the overall ratings.</param>
    /// <param name="dimensions">The dimension set to summarise, or <see langword="null"/>.</param>
    /// <returns>A summary per period (first to last day, inclusive), sorted by start date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/>, <paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="PeriodUnit"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale or dimension set.</exception>
    public static ImmutableSortedDictionary<DateInterval, FeedbackSummary> ByPeriod(
        ReadOnlySpan<FeedbackResponse> responses,
        DateTimeZone zone,
        PeriodUnit unit,
        RatingScale overallScale,
        DimensionSet? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Expected Month, Quarter or Year; got {(int)unit}.");
        }

        return Group(
            responses,
            overallScale,
            dimensions,
            r => PeriodOf(r.Instant.InZone(zone).Date, unit),
            Comparer<DateInterval>.Create(static (a, b) => a.Start.CompareTo(b.Start)),
            nameof(responses));
    }

    /// <summary>Returns the calendar period of <paramref name="unit"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">A date.</param>
    /// <param name="unit">Month, quarter or year.</param>
    /// <returns>The period, first to last day inclusive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="PeriodUnit"/>.</exception>
    public static DateInterval PeriodOf(LocalDate date, PeriodUnit unit)
    {
        var start = unit switch
        {
            PeriodUnit.Month => new LocalDate(date.Year, date.Month, 1, date.Calendar),
            PeriodUnit.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1, date.Calendar),
            PeriodUnit.Year => new LocalDate(date.Year, 1, 1, date.Calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Expected Month, Quarter or Year; got {(int)unit}."),
        };
        // The last day is computed from the calendar, not as "next period's start minus a day", so the periods of
        // the calendar's last year (for example December 9999 in the ISO calendar) need no date beyond its end.
        var calendar = date.Calendar;
        var lastMonth = unit switch
        {
            PeriodUnit.Month => start.Month,
            PeriodUnit.Quarter => start.Month + 2,
            _ => calendar.GetMonthsInYear(start.Year),
        };
        var end = new LocalDate(start.Year, lastMonth, calendar.GetDaysInMonth(start.Year, lastMonth), calendar);
        return new DateInterval(start, end);
    }

    private static ImmutableSortedDictionary<DepartmentId, FeedbackSummary> ByDepartment(
        ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale, DimensionSet? dimensions, bool provider)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        var departments = new DepartmentIndexer();
        var acc = new FeedbackAccumulator(overallScale, dimensions, 64);
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            var group = departments.IndexOf(provider ? response.Subject : response.Respondent);
            if (group == acc.GroupCount)
            {
                acc.AddGroup();
            }

            acc.Add(group, response, nameof(responses));
        }

        var result = ImmutableSortedDictionary.CreateBuilder<DepartmentId, FeedbackSummary>();
        for (var g = 0; g < acc.GroupCount; g++)
        {
            result.Add(departments.Ids[g], acc.ToSummary(g));
        }

        return result.ToImmutable();
    }

    private static ImmutableSortedDictionary<TKey, FeedbackSummary> Group<TKey>(
        ReadOnlySpan<FeedbackResponse> responses,
        RatingScale overallScale,
        DimensionSet? dimensions,
        Func<FeedbackResponse, TKey> keyOf,
        IComparer<TKey> comparer,
        string paramName)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        var groups = new Dictionary<TKey, int>();
        var acc = new FeedbackAccumulator(overallScale, dimensions);
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, paramName);
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, keyOf(response), out var exists);
            if (!exists)
            {
                group = acc.AddGroup();
            }

            acc.Add(group, response, paramName);
        }

        var result = ImmutableSortedDictionary.CreateBuilder<TKey, FeedbackSummary>(comparer);
        foreach (var (key, group) in groups)
        {
            result.Add(key, acc.ToSummary(group));
        }

        return result.ToImmutable();
    }
}
