using BenchmarkDotNet.Running;

if (InternalCustomer.Benchmarks.BenchmarkScale.Smoke)
{
    // A smoke run's numbers are of inputs a hundredth of the size the descriptions name: say so before anything runs.
    Console.WriteLine("INTERNALCUSTOMER_BENCHMARK_SMOKE=1: the heaviest setups are a hundredth of their size; these are not measurements.");
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
