using OmniGraph.Testing.IO;

namespace OmniGraph.Search.Tests;

/// <summary>The search error catalogue: every code unique, snake_case, listed in <see cref="SearchErrorCodes.All"/> and documented.</summary>
public sealed class SearchErrorCodesTests
{
    [Fact]
    public void Codes_AreUnique_SnakeCase_AndAllListed()
    {
        var declared = typeof(SearchErrorCodes).GetFields()
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(declared.Order(StringComparer.Ordinal), SearchErrorCodes.All.Order(StringComparer.Ordinal));
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.All(declared, static c => Assert.Matches("^[a-z][a-z0-9_]*$", c));
    }

    [Fact]
    public void Codes_AreDocumented()
    {
        var docs = RepositoryFiles.ReadText("docs", "search.md");

        Assert.All(SearchErrorCodes.All, code => Assert.Contains($"`{code}`", docs, StringComparison.Ordinal));
    }
}
