using OmniGraph.Testing.IO;

namespace OmniGraph.Search.Embeddings.Tests;

/// <summary>The embedding error catalogue: every code unique, snake_case, listed and documented in docs/search.md.</summary>
public sealed class EmbeddingErrorCodesTests
{
    [Fact]
    public void Codes_AreUnique_SnakeCase_ListedAndDocumented()
    {
        var declared = typeof(EmbeddingErrorCodes).GetFields()
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToList();
        var docs = RepositoryFiles.ReadText("docs", "search.md");

        Assert.Equal(declared.Order(StringComparer.Ordinal), EmbeddingErrorCodes.All.Order(StringComparer.Ordinal));
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.All(declared, code => Assert.Matches("^embedding_[a-z_]+$", code));
        Assert.All(declared, code => Assert.Contains($"`{code}`", docs, StringComparison.Ordinal));
    }
}
