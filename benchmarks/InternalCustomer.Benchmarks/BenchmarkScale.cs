namespace InternalCustomer.Benchmarks;

/// <summary>
/// The input sizes of the benchmarks with the heaviest setups. A measured run uses the sizes the descriptions name; CI's
/// smoke test (<c>--job Dry</c>, which checks that every benchmark runs, not how fast) sets
/// <c>INTERNALCUSTOMER_BENCHMARK_SMOKE=1</c>, and each size is then a hundredth (at least one), so that the setups
/// (a million requests, responses or rows, each checked against its baseline) do not dominate the run.
/// </summary>
internal static class BenchmarkScale
{
    /// <summary>True when <c>INTERNALCUSTOMER_BENCHMARK_SMOKE</c> is <c>1</c>.</summary>
    public static bool Smoke { get; } = Environment.GetEnvironmentVariable("INTERNALCUSTOMER_BENCHMARK_SMOKE") == "1";

    /// <summary><paramref name="measured"/>, or a hundredth of it (at least one) in a smoke run.</summary>
    public static int Of(int measured) => Smoke ? Math.Max(1, measured / 100) : measured;
}
