using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Grains.Tests.Integrity.Tampering;

/// <summary>
/// The tampering matrix in docs/commits-and-recovery.md is the one the suites run (<see cref="TamperMatrix"/>), rendered:
/// it cannot drift. Run with <c>OMNIGRAPH_UPDATE_DOCS=1</c> to rewrite the section after changing the matrix.
/// </summary>
public sealed class TamperMatrixDocsTests
{
    [Fact]
    public void PublishedMatrix_IsTheOneTheSuitesRun()
    {
        var path = RepositoryFiles.Path("docs", "commits-and-recovery.md");
        var text = File.ReadAllText(path);
        var begin = text.IndexOf(TamperMatrix.DocsBegin, StringComparison.Ordinal);
        var end = text.IndexOf(TamperMatrix.DocsEnd, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} has no tampering matrix section ({TamperMatrix.DocsBegin} … {TamperMatrix.DocsEnd})");

        var published = text[(begin + TamperMatrix.DocsBegin.Length)..end].Trim();
        var rendered = TamperMatrix.RenderMarkdown().Trim();
        if (published != rendered && Environment.GetEnvironmentVariable("OMNIGRAPH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(begin + TamperMatrix.DocsBegin.Length)] + "\n" + rendered + "\n" + text[end..]);
            return;
        }

        Assert.Equal(rendered, published);
    }
}
