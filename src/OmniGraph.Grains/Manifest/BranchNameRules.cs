namespace OmniGraph.Grains.Manifest;

/// <summary>
/// What a branch name may be (docs/branches.md, "Names"): 1 to 200 characters, <c>/</c>-separated segments of ASCII
/// letters, digits, <c>.</c>, <c>-</c> and <c>_</c> (no empty, <c>.</c> or <c>..</c> segment), not ending in <c>.lock</c>,
/// not <c>main</c> (which always exists) and not an internal system ref. Live names may not be path ancestors or
/// descendants of each other (<c>review</c> and <c>review/2026-07</c>): names are hierarchical paths in the reference
/// format, and keeping them a tree keeps graphs portable to it.
/// </summary>
internal static class BranchNameRules
{
    /// <summary>The longest branch name.</summary>
    public const int MaxLength = 200;

    /// <summary>Names reserved for the engine's own refs (the schema-apply lock of the reference format).</summary>
    public static IReadOnlySet<string> InternalNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "__schema_apply_lock__" };

    /// <summary>Why <paramref name="name"/> cannot name a new branch, or <c>null</c>.</summary>
    public static string? FindViolation(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return $"a branch name has 1 to {MaxLength} characters";
        }

        if (string.Equals(name, BranchNames.Main, StringComparison.Ordinal))
        {
            return "cannot create branch 'main': it always exists";
        }

        if (InternalNames.Contains(name))
        {
            return $"'{name}' is an internal system ref";
        }

        if (name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return "a branch name may not end in '.lock'";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return "empty, '.' and '..' segments are not allowed (no leading, trailing or doubled '/')";
            }

            foreach (var c in segment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
                {
                    return $"'{c}' is not allowed (letters, digits, '.', '-', '_' and '/')";
                }
            }
        }

        return null;
    }

    /// <summary>A live name that is a path ancestor or descendant of <paramref name="name"/>, or <c>null</c>.</summary>
    public static string? FindCollision(string name, IEnumerable<string> liveNames)
    {
        foreach (var live in liveNames)
        {
            if (IsPathAncestor(live, name) || IsPathAncestor(name, live))
            {
                return live;
            }
        }

        return null;
    }

    private static bool IsPathAncestor(string ancestor, string name) =>
        name.Length > ancestor.Length && name[ancestor.Length] == '/' && name.StartsWith(ancestor, StringComparison.Ordinal);
}
