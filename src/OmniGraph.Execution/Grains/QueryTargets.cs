using System.Globalization;
using OmniGraph.Engine;

namespace OmniGraph.Execution.Grains;

/// <summary>How a <see cref="QueryTarget"/> names a snapshot for the manifest grain.</summary>
internal static class QueryTargets
{
    private const string ManifestPrefix = "manifest:";

    /// <summary>
    /// The snapshot target: a branch head; a commit id; <c>N</c> or <c>vN</c> for manifest version N of main; or
    /// <c>manifest:{branch}:v{N}</c> (the synthetic snapshot id of a branch version).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>query_invalid_target</c>: Both or neither of branch and snapshot, or an unreadable snapshot.</exception>
    public static SnapshotTarget Resolve(QueryTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Snapshot is null)
        {
            return SnapshotTarget.Head(string.IsNullOrEmpty(target.Branch) ? BranchNames.Main : target.Branch);
        }

        if (target.Branch is not null)
        {
            throw new OmniGraphException(ErrorCodes.QueryInvalidTarget, "a read targets a branch or a snapshot, not both");
        }

        var snapshot = target.Snapshot.Trim();
        if (TryVersion(snapshot, out var version))
        {
            return SnapshotTarget.AtVersion(BranchNames.Main, version);
        }

        if (snapshot.StartsWith(ManifestPrefix, StringComparison.Ordinal))
        {
            var rest = snapshot[ManifestPrefix.Length..];
            var separator = rest.LastIndexOf(":v", StringComparison.Ordinal);
            if (separator > 0 && TryVersion(rest[(separator + 1)..], out version))
            {
                return SnapshotTarget.AtVersion(rest[..separator], version);
            }

            throw new OmniGraphException(ErrorCodes.QueryInvalidTarget, $"snapshot '{target.Snapshot}' is not of the form manifest:{{branch}}:v{{version}}");
        }

        if (snapshot.Length == 0 || snapshot.Any(char.IsWhiteSpace))
        {
            throw new OmniGraphException(ErrorCodes.QueryInvalidTarget, $"snapshot '{target.Snapshot}' is neither a commit id nor a manifest version");
        }

        return SnapshotTarget.AtCommit(snapshot);
    }

    private static bool TryVersion(string text, out long version)
    {
        var digits = text.StartsWith('v') ? text[1..] : text;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1 && digits.Length > 0;
    }
}
