using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OmniGraph.Abstractions;

/// <summary>
/// Reads a snapshot id as reads and diffs accept it: a commit id; <c>N</c> or <c>vN</c> for manifest version N of main;
/// or <c>manifest:{branch}:v{N}</c> (the synthetic snapshot id of a branch version).
/// </summary>
public static class SnapshotIds
{
    private const string ManifestPrefix = "manifest:";

    /// <summary>The snapshot target <paramref name="snapshot"/> names, or why it names none.</summary>
    public static bool TryParse(string snapshot, [NotNullWhen(true)] out SnapshotTarget? target, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        target = null;
        error = null;
        var text = snapshot.Trim();
        if (TryVersion(text, out var version))
        {
            target = SnapshotTarget.AtVersion(BranchNames.Main, version);
            return true;
        }

        if (text.StartsWith(ManifestPrefix, StringComparison.Ordinal))
        {
            var rest = text[ManifestPrefix.Length..];
            var separator = rest.LastIndexOf(":v", StringComparison.Ordinal);
            if (separator > 0 && TryVersion(rest[(separator + 1)..], out version))
            {
                target = SnapshotTarget.AtVersion(rest[..separator], version);
                return true;
            }

            error = $"snapshot '{snapshot}' is not of the form manifest:{{branch}}:v{{version}}";
            return false;
        }

        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            error = $"snapshot '{snapshot}' is neither a commit id nor a manifest version";
            return false;
        }

        target = SnapshotTarget.AtCommit(text);
        return true;
    }

    private static bool TryVersion(string text, out long version)
    {
        var digits = text.StartsWith('v') ? text[1..] : text;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1 && digits.Length > 0;
    }
}
