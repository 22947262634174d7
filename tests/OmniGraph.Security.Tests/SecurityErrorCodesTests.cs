namespace OmniGraph.Security.Tests;

/// <summary>The error catalogue: every code unique, every code documented in docs/security.md.</summary>
public sealed class SecurityErrorCodesTests
{
    [Fact]
    public void Codes_AreUnique_SnakeCase_AndAllListed()
    {
        var declared = typeof(SecurityErrorCodes).GetFields()
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(declared.Order(StringComparer.Ordinal), SecurityErrorCodes.All.Order(StringComparer.Ordinal));
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.All(declared, static c => Assert.Matches("^[a-z][a-z_]*$", c));
    }

    [Fact]
    public void Codes_AreDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));

        Assert.All(SecurityErrorCodes.All, code => Assert.Contains($"`{code}`", docs, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
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
