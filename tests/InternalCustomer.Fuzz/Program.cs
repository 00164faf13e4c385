using SharpFuzz;

namespace InternalCustomer.Fuzz;

/// <summary>
/// The fuzzing harness's command line: <c>fuzz &lt;target&gt;</c> under afl-fuzz, <c>replay &lt;target&gt; &lt;file-or-dir&gt;…</c>
/// to rerun inputs without afl, <c>targets</c> to list the targets, <c>write-state-seeds &lt;corpus&gt;</c> to rewrite the
/// state seeds. See docs/robustness.md ("Fuzzing").
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: InternalCustomer.Fuzz fuzz <target>                     run under afl-fuzz (input from afl, in-process, persistent)
               InternalCustomer.Fuzz replay <target> <file-or-dir>...  read each file (directories: every file in them) and report which throws
               InternalCustomer.Fuzz targets                          list the targets
               InternalCustomer.Fuzz write-state-seeds <corpus-dir>   write the state-binary and state-json seeds
        """;

    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["fuzz", var name]:
                return WithTarget(name, static target =>
                {
                    // Fuzzer.Run forks nothing: it runs the action in this process for every input afl sends and reports an
                    // exception that escapes it as a crash (afl keeps the input under <out>/default/crashes).
                    Fuzzer.Run(stream => target.Run(ReadAll(stream)));
                    return 0;
                });
            case ["replay", var name, .. var paths] when paths.Length > 0:
                return WithTarget(name, target => Replay.Run(target, paths, Console.Out));
            case ["targets"]:
                foreach (var target in Targets.All)
                {
                    Console.WriteLine($"{target.Name,-18} {target.Description}");
                }

                return 0;
            case ["write-state-seeds", var corpus]:
                Console.WriteLine($"wrote {StateSeeds.Write(corpus)} files under {corpus}");
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static int WithTarget(string name, Func<Target, int> run)
    {
        var target = Targets.Find(name);
        if (target is null)
        {
            Console.Error.WriteLine($"error: expected a target, one of {string.Join(", ", Targets.All.Select(t => t.Name))}; got '{name}'.");
            return 2;
        }

        return run(target);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
