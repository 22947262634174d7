namespace OmniGraph.Security.Tests;

/// <summary>
/// The security codes in the one error catalogue (<c>ErrorCodes.Security.cs</c>; uniqueness and docs/errors.md are
/// checked over the whole catalogue by OmniGraph.Core.Tests): each has its kind, and each is documented in docs/security.md.
/// </summary>
public sealed class SecurityErrorCodesTests
{
    private static readonly IReadOnlyList<string> s_securityCodes = [.. ErrorCatalog.All
        .Select(static e => e.Key)
        .Where(static c => c.StartsWith("auth_", StringComparison.Ordinal) || c.StartsWith("policy_", StringComparison.Ordinal)
            || c.StartsWith("audit_", StringComparison.Ordinal) || c == ErrorCodes.Forbidden)
        .Where(static c => c != ErrorCodes.PolicyDenied)];

    [Fact]
    public void Codes_AreInTheCatalogue_WithTheirKinds()
    {
        Assert.Equal(25, s_securityCodes.Count);
        Assert.Equal(ErrorKind.Forbidden, ErrorCatalog.KindOf(ErrorCodes.Forbidden));
        Assert.Equal(403, ErrorCatalog.KindOf(ErrorCodes.Forbidden).HttpStatus());
        Assert.Equal(ErrorKind.Integrity, ErrorCatalog.KindOf(ErrorCodes.AuditEntryCorrupt));
        Assert.Equal(ErrorKind.Conflict, ErrorCatalog.KindOf(ErrorCodes.AuditAppendContended));
        Assert.All(s_securityCodes, static c => Assert.Equal(1, ErrorCatalog.KindOf(c).ExitCode()));
    }

    [Fact]
    public void Codes_AreDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));

        Assert.All(s_securityCodes, code => Assert.Contains($"`{code}`", docs, StringComparison.Ordinal));
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
