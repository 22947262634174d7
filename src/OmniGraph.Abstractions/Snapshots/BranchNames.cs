namespace OmniGraph.Abstractions;

/// <summary>Well-known branch names.</summary>
public static class BranchNames
{
    /// <summary>The branch every graph has from <c>init</c> on.</summary>
    public const string Main = "main";
}
