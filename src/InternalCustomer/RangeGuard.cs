using NodaTime;

namespace InternalCustomer;

/// <summary>The one argument check of the supported domain (<see cref="SupportedRange"/>): each method returns its value when it
/// is inside the range and throws an <see cref="ArgumentOutOfRangeException"/> that names the range, the parameter and the value
/// when it is not.</summary>
internal static class RangeGuard
{
    internal static Instant Instant(Instant value, string parameterName, string what = "an instant") =>
        SupportedRange.CheckInstant(value, what) is { } problem ? throw new ArgumentOutOfRangeException(parameterName, value, problem) : value;

    internal static Instant? Instant(Instant? value, string parameterName, string what = "an instant") =>
        value is { } v ? Instant(v, parameterName, what) : null;

    /// <summary>Checks the ends an interval has (an open end is no instant, so it passes).</summary>
    internal static Interval Interval(Interval value, string parameterName, string what = "an interval")
    {
        if (value.HasStart)
        {
            Instant(value.Start, parameterName, $"{what} that starts");
        }

        if (value.HasEnd)
        {
            Instant(value.End, parameterName, $"{what} that ends");
        }

        return value;
    }

    /// <summary>Checks both ends of a window (an interval the library derives or compares with, such as a compliance window) with
    /// <see cref="CalendarInstant"/>; an open end passes.</summary>
    internal static Interval Window(Interval value, string parameterName)
    {
        if (value.HasStart)
        {
            CalendarInstant(value.Start, parameterName);
        }

        if (value.HasEnd)
        {
            CalendarInstant(value.End, parameterName);
        }

        return value;
    }

    internal static LocalDate Date(LocalDate value, string parameterName, string what = "a date") =>
        SupportedRange.CheckDate(value, what) is { } problem ? throw new ArgumentOutOfRangeException(parameterName, value, problem) : value;

    internal static LocalDate? Date(LocalDate? value, string parameterName, string what = "a date") =>
        value is { } v ? Date(v, parameterName, what) : null;

    internal static Duration Duration(Duration value, string parameterName, string what = "a duration") =>
        SupportedRange.CheckDuration(value, what) is { } problem ? throw new ArgumentOutOfRangeException(parameterName, value, problem) : value;

    internal static Period Period(Period value, string parameterName, string what = "a period") =>
        SupportedRange.CheckPeriod(value, what) is { } problem ? throw new ArgumentOutOfRangeException(parameterName, value, problem) : value;

    internal static int BusinessDays(int value, string parameterName, string what = "a number") =>
        SupportedRange.CheckBusinessDays(value, what) is { } problem ? throw new ArgumentOutOfRangeException(parameterName, value, problem) : value;

    /// <summary>Checks an instant the library computes with: from <see cref="SupportedRange.MinInstant"/> to
    /// <see cref="SupportedRange.ComputationLimit"/>, both inclusive (a deadline, or the end of the window of 2200's last month in
    /// a zone west of UTC, may lie past the supported instants).</summary>
    internal static Instant CalendarInstant(Instant value, string parameterName)
    {
        if (value >= SupportedRange.MinInstant && value <= SupportedRange.ComputationLimit)
        {
            return value;
        }

        throw new ArgumentOutOfRangeException(
            parameterName,
            value,
            $"Expected an instant from {SupportedRange.Format(SupportedRange.MinInstant)} to {SupportedRange.Format(SupportedRange.ComputationLimit)} (both inclusive): "
            + $"the supported range (up to {SupportedRange.Format(SupportedRange.MaxInstant)}, exclusive) and the deadlines and window ends computed after it; got {SupportedRange.Format(value)}.");
    }
}
