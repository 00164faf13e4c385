namespace InternalCustomer.Tests;

/// <summary>Where the repository's own files (README, docs, examples) are, for the tests that read them.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding InternalCustomer.sln, above the test assembly.</summary>
    internal static string Root { get; } = Find();

    /// <summary>A path below <see cref="Root"/>.</summary>
    internal static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "InternalCustomer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InternalCustomer.sln not found above " + AppContext.BaseDirectory);
    }
}
