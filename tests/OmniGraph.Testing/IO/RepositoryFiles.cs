namespace OmniGraph.Testing.IO;

/// <summary>Files of the repository the tests run from (docs a test keeps in step with the code, samples).</summary>
public static class RepositoryFiles
{
    /// <summary>The directory holding the solution file, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The text of a file under the repository root, for example <c>ReadText("docs", "search.md")</c>.</summary>
    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "OmniGraph.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no OmniGraph.Orleans.sln above {AppContext.BaseDirectory}");
    }
}
