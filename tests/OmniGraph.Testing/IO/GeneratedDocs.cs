using Xunit;

namespace OmniGraph.Testing.IO;

/// <summary>
/// A section of a repository doc rendered from code (the error codes table, the functions table): between two marker
/// comments the doc must hold exactly what the code renders. With <c>OMNIGRAPH_UPDATE_DOCS=1</c> a stale section is
/// rewritten instead, so changing the code and refreshing the doc is one test run.
/// </summary>
public static class GeneratedDocs
{
    /// <summary>Asserts that <paramref name="relativePath"/> holds <paramref name="rendered"/> between <paramref name="begin"/> and <paramref name="end"/>.</summary>
    public static void AssertSection(string relativePath, string begin, string end, string rendered)
    {
        var path = RepositoryFiles.Path(relativePath.Split('/'));
        var text = File.ReadAllText(path);
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"{path} has no generated section ({begin} … {end})");

        var published = text[(start + begin.Length)..stop].Trim();
        rendered = rendered.Trim();
        if (published != rendered && Environment.GetEnvironmentVariable("OMNIGRAPH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + begin.Length)] + "\n" + rendered + "\n" + text[stop..]);
            return;
        }

        Assert.Equal(rendered, published);
    }
}
