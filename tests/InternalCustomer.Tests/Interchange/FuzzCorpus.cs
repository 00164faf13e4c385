namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The seed corpus of the fuzzing harness (tests/InternalCustomer.Fuzz/corpus/&lt;target&gt;/, copied beside the tests under
/// <c>FuzzCorpus/</c>): the mutation tests mutate these seeds, and <see cref="FuzzCorpusTests"/> checks that every seed is a
/// valid document for its target. The state readers are the harness's own list (<c>InternalCustomer.Fuzz.StateReaders</c>,
/// linked into this project).
/// </summary>
public static class FuzzCorpus
{
    /// <summary>The seed files of one target, in ordinal order of name.</summary>
    /// <param name="target">The target (the folder's name).</param>
    /// <returns>The paths.</returns>
    public static string[] Files(string target) =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target)).Order(StringComparer.Ordinal)];

    /// <summary>The seeds of one target.</summary>
    /// <param name="target">The target (the folder's name).</param>
    /// <returns>Their bytes.</returns>
    public static byte[][] Seeds(string target) => [.. Files(target).Select(File.ReadAllBytes)];
}
