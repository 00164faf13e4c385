using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// Values just inside and just outside each bound of the supported domain (<see cref="SupportedRange"/>), for the law "inside is
/// accepted, outside is rejected" at the readers and the entry points. The bounds are written here by hand (1900-01-01T00:00Z,
/// 2201-01-01T00:00Z exclusive, 1900-01-01 to 2200-12-31, 36,525 days, 100 years), not taken from the code under test, so that a
/// changed bound fails the properties. Distances from a bound are drawn over many scales (1 ns to about 11 days for instants), so
/// that both the nanosecond next to a bound and values well past it come up.
/// </summary>
internal static class SupportedRangeGenerators
{
    internal static readonly Instant FirstInstant = Instant.FromUtc(1900, 1, 1, 0, 0);
    internal static readonly Instant EndInstant = Instant.FromUtc(2201, 1, 1, 0, 0);
    internal static readonly LocalDate FirstDate = new(1900, 1, 1);
    internal static readonly LocalDate LastDate = new(2200, 12, 31);
    internal static readonly Duration LongestDuration = Duration.FromDays(36_525);

    /// <summary>A distance of at least 1, drawn from a random scale of 1 to 10^<paramref name="maxDigits"/>.</summary>
    internal static long Distance(Random random, int maxDigits)
    {
        var scale = (long)Math.Pow(10, random.Next(0, maxDigits + 1));
        return random.NextInt64(1, scale + 1);
    }

    /// <summary>An instant just inside the supported range (at the first instant or up to 11 days after it, or up to 11 days
    /// before its exclusive end) when <paramref name="inside"/>, else just outside it (before the first or at or after the end).</summary>
    internal static Instant InstantNearABound(Random random, bool inside)
    {
        var d = Distance(random, 15);
        var low = random.Next(2) == 0;
        return (low, inside) switch
        {
            (true, true) => FirstInstant.PlusNanoseconds(d - 1),
            (true, false) => FirstInstant.PlusNanoseconds(-d),
            (false, true) => EndInstant.PlusNanoseconds(-d),
            (false, false) => EndInstant.PlusNanoseconds(d - 1),
        };
    }

    /// <summary>A date just inside the supported dates (up to 100 years in from a bound) or just outside them.</summary>
    internal static LocalDate DateNearABound(Random random, bool inside)
    {
        var d = (int)Distance(random, 4) % 36_500 + 1;
        var low = random.Next(2) == 0;
        return (low, inside) switch
        {
            (true, true) => FirstDate.PlusDays(d - 1),
            (true, false) => FirstDate.PlusDays(-d),
            (false, true) => LastDate.PlusDays(-(d - 1)),
            (false, false) => LastDate.PlusDays(d),
        };
    }

    /// <summary>A positive duration at most 36,525 days (the longest, or up to about 11 days shorter) or longer than that.</summary>
    internal static Duration DurationNearTheBound(Random random, bool inside)
    {
        var d = Distance(random, 15);
        return inside ? LongestDuration - Duration.FromNanoseconds(d - 1) : LongestDuration + Duration.FromNanoseconds(d);
    }

    /// <summary>A positive period of months and days at most 100 years (<c>months / 1200 + days / 36525 &lt;= 1</c>, at the bound
    /// or up to 50 days inside it) or past it.</summary>
    internal static Period PeriodNearTheBound(Random random, bool inside)
    {
        var months = random.Next(0, 1201);

        // The most days that fit beside the months: floor((1200 - months) × 36525 / 1200).
        var mostDays = (1200 - months) * 36_525 / 1200;
        var d = random.Next(1, 51);
        var days = inside ? Math.Max(mostDays - (d - 1), months == 0 ? 1 : 0) : mostDays + d;
        return Period.FromMonths(months) + Period.FromDays(days);
    }
}
