using System.Globalization;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// How many mutated documents each reader gets per run, and the loop that feeds them (<see cref="ReaderMutationTests"/>,
/// <see cref="ImprovementMutationTests"/>). The count is <see cref="DefaultPerReader"/> unless the environment variable
/// <see cref="CountVariable"/> says otherwise: <c>INTERNALCUSTOMER_MUTATIONS=1000000 dotnet test …</c> is the million-document
/// run of docs/robustness.md.
/// </summary>
/// <remarks>
/// FsCheck's <c>MaxTest</c> is an attribute constant and cannot come from the environment, so the tests loop themselves:
/// the seeds of the mutations come from a <see cref="Random"/> seeded with the test's own stream number, so every run feeds
/// the same documents (a larger count feeds the same ones first). A failure names the mutation's seed, from which
/// <c>InterchangeGenerators.Mutate(seedDocument, new Random(seed), seed)</c> rebuilds the document.
/// </remarks>
public static class MutationRuns
{
    /// <summary>The environment variable that sets the number of mutated documents per reader.</summary>
    public const string CountVariable = "INTERNALCUSTOMER_MUTATIONS";

    /// <summary>The number per reader when <see cref="CountVariable"/> is not set: issue 15's "at least 100,000".</summary>
    public const int DefaultPerReader = 100_000;

    /// <summary>Gets the number of mutated documents per reader in this run.</summary>
    public static int PerReader { get; } = Count(Environment.GetEnvironmentVariable(CountVariable));

    /// <summary>Feeds <paramref name="count"/> mutations of the seed documents to <paramref name="check"/>, which throws
    /// (an assertion, or the reader's own exception) when a promise is broken.</summary>
    /// <param name="seedDocuments">The documents to mutate; each mutation's seed picks one.</param>
    /// <param name="stream">The seed of the generator of mutation seeds: one per test, so that tests feed different documents.</param>
    /// <param name="count">The number of mutated documents.</param>
    /// <param name="check">Reads one mutated document and asserts on the result.</param>
    public static void Feed(IReadOnlyList<byte[]> seedDocuments, int stream, int count, Action<MutatedDocument> check)
    {
        var seeds = new Random(stream);
        for (var i = 0; i < count; i++)
        {
            var seed = seeds.Next();

            // Bits 0–3 of the seed choose the entry point and the dimensions in the checks; the seed document comes from higher bits.
            var seedDocument = seedDocuments[(seed >> 4) % seedDocuments.Count];
            var document = InterchangeGenerators.Mutate(seedDocument, new Random(seed), seed);
            try
            {
                check(document);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Mutated document {i + 1} of {count} (stream {stream}, {document}; rebuild it with InterchangeGenerators.Mutate(seedDocuments[{(seed >> 4) % seedDocuments.Count}], new Random({seed}), {seed})) broke the promise: {e}"));
            }
        }
    }

    /// <summary>The count a value of <see cref="CountVariable"/> sets: <see cref="DefaultPerReader"/> when it is unset or empty.</summary>
    /// <param name="text">The variable's value.</param>
    /// <returns>The count.</returns>
    /// <exception cref="InvalidOperationException">The value is not a whole number from 1.</exception>
    internal static int Count(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? DefaultPerReader
            : int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InvalidOperationException($"{CountVariable} must be a whole number of mutated documents per reader from 1 (such as 1000000 or 1_000_000); got '{text}'.");
}
