using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Abstractions;

/// <summary>
/// Grain keys of a graph's grains: the manifest grain is keyed <c>{graph}</c>, a table-branch grain
/// <c>{graph}/{table}@{branch}</c> (for example <c>g1/node:Person@main</c>). Graph ids never contain <c>'/'</c> or
/// <c>'@'</c>, table keys never contain <c>'@'</c>, so every key parses back unambiguously.
/// </summary>
public static class GraphGrainKeys
{
    /// <summary>The key of the table-branch grain of <paramref name="table"/> on <paramref name="branch"/>.</summary>
    public static string TableBranch(string graphId, string table, string branch)
    {
        ValidateGraphId(graphId);
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        return $"{graphId}/{table}@{branch}";
    }

    /// <summary>Splits a table-branch grain key.</summary>
    public static bool TryParseTableBranch(string key, [NotNullWhen(true)] out string? graphId, [NotNullWhen(true)] out string? table, [NotNullWhen(true)] out string? branch)
    {
        ArgumentNullException.ThrowIfNull(key);
        graphId = table = branch = null;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var at = slash < 0 ? -1 : key.IndexOf('@', slash + 1);
        if (slash <= 0 || at <= slash + 1 || at == key.Length - 1)
        {
            return false;
        }

        graphId = key[..slash];
        table = key[(slash + 1)..at];
        branch = key[(at + 1)..];
        return true;
    }

    /// <summary>The graph a grain key belongs to: everything before the first <c>'/'</c> (the whole key for a manifest grain).</summary>
    public static string GraphIdOf(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? grainKey : grainKey[..slash];
    }

    /// <summary>The problem with a graph id, or <c>null</c> when it is valid.</summary>
    public static string? FindGraphIdViolation(string? graphId)
    {
        if (string.IsNullOrEmpty(graphId))
        {
            return "a graph id must not be empty";
        }

        if (graphId.Length > 128)
        {
            return "a graph id is at most 128 characters";
        }

        foreach (var c in graphId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return $"a graph id uses only ASCII letters, digits, '-', '_' and '.' (found '{c}')";
            }
        }

        return graphId[0] == '.' ? "a graph id must not start with '.'" : null;
    }

    /// <summary>Throws when <paramref name="graphId"/> is not a valid graph id.</summary>
    public static void ValidateGraphId(string graphId)
    {
        if (FindGraphIdViolation(graphId) is { } problem)
        {
            throw new ArgumentException($"invalid graph id '{graphId}': {problem}", nameof(graphId));
        }
    }
}
