using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>Human forms of branch fields.</summary>
internal static class BranchText
{
    /// <summary><c>main@v3 (01J…)</c>: where a branch was forked.</summary>
    public static string ForkPoint(BranchForkPointOutput fork) =>
        string.Create(CultureInfo.InvariantCulture, $"{fork.Branch}@v{fork.ManifestVersion} ({fork.CommitId})");
}
