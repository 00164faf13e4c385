namespace InternalCustomer.Fuzz;

/// <summary>
/// Reruns inputs without afl: every file given (a directory stands for every file under it, in ordinal order of path,
/// afl's <c>README.txt</c> left out) through one target, one line per file, the exception in full for those that throw.
/// </summary>
internal static class Replay
{
    /// <summary>Runs <paramref name="target"/> on every file of <paramref name="paths"/>.</summary>
    /// <param name="target">The target.</param>
    /// <param name="paths">Files and directories.</param>
    /// <param name="output">Where the report goes.</param>
    /// <returns>0 when no file throws, 1 when one does, 2 when a path does not exist.</returns>
    internal static int Run(Target target, IReadOnlyList<string> paths, TextWriter output)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !string.Equals(Path.GetFileName(f), "README.txt", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine($"error: expected a file or a directory; got '{path}', which does not exist.");
                return 2;
            }
        }

        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                output.WriteLine($"ok     {file}");
            }
#pragma warning disable CA1031 // Every exception out of a reader is a finding to report, whatever its type.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failed++;
                output.WriteLine($"THROWS {file}");
                output.WriteLine(exception.ToString());
            }
        }

        output.WriteLine($"{target.Name}: {files.Count} files, {failed} throw");
        return failed == 0 ? 0 : 1;
    }
}
