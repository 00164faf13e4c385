using System.Buffers.Binary;
using InternalCustomer.Interchange.State;

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

    /// <summary>
    /// A copy of a binary state whose payload length (bytes 8–11) and checksum (the last four bytes) are set to what the
    /// rest of it makes right, as the fuzzing harness's <c>state-binary</c> target reads every input a second time.
    /// </summary>
    /// <param name="blob">A blob, maybe mutated.</param>
    /// <returns>The framed copy, or <see langword="null"/> for a blob shorter than a header and a checksum.</returns>
    public static byte[]? Framed(byte[] blob)
    {
        if (blob.Length < 16)
        {
            return null;
        }

        var framed = (byte[])blob.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(framed.AsSpan(8), (uint)(framed.Length - 16));
        BinaryPrimitives.WriteUInt32LittleEndian(framed.AsSpan(framed.Length - 4), Crc32.Compute(framed.AsSpan(0, framed.Length - 4)));
        return framed;
    }
}
