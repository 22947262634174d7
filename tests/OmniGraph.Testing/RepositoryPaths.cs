namespace OmniGraph.Testing;

/// <summary>Where the repository's own files are, for tests that check code against docs or samples.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the test assembly holding <c>OmniGraph.Orleans.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The test assembly is not inside the repository.</exception>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OmniGraph.Orleans.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("the repository root (OmniGraph.Orleans.sln) is not above the test assembly");
        }
    }

    /// <summary>The text of a file under the repository root, for example <c>ReadText("docs", "search.md")</c>.</summary>
    public static string ReadText(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));
}
