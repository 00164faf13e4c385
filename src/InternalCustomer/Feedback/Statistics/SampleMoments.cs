namespace InternalCustomer.Feedback.Statistics;

/// <summary>Count, mean and sample variance of a span, in two passes shifted by the first value.</summary>
internal readonly record struct SampleMoments(long Count, double Mean, double Variance)
{
    internal static SampleMoments Of(ReadOnlySpan<double> values, string what, string parameterName)
    {
        var n = values.Length;
        if (n == 0)
        {
            return default;
        }

        var shift = values[0];
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v - shift;
        }

        if (!double.IsFinite(sum))
        {
            StatisticsGuard.AllFinite(values, what, parameterName);
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - shift - mean;
            squares += d * d;
        }

        return new SampleMoments(n, shift + mean, n > 1 ? squares / (n - 1) : 0.0);
    }
}
