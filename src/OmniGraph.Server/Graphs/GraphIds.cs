using System.Text.RegularExpressions;

namespace OmniGraph.Server.Graphs;

/// <summary>
/// The ids a server serves graphs under: 1 to 64 ASCII letters, digits or hyphens (no underscore, dot or slash, so an
/// id is always one safe path segment and one folder name), and not one of the words the flat routes use.
/// </summary>
public static partial class GraphIds
{
    /// <summary>Words that are never graph ids.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "policies", "healthz", "readyz", "openapi", "graphs", "docs" };

    /// <summary>Whether <paramref name="id"/> is a valid graph id.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id) && !Reserved.Contains(id);

    /// <summary>Fails with <c>invalid_graph_id</c> (400) unless <paramref name="id"/> is valid.</summary>
    public static void Validate(string? id)
    {
        if (!IsValid(id))
        {
            throw new OmniGraphException(
                ErrorCodes.InvalidGraphId,
                $"invalid graph id '{ErrorText.Quote(id ?? string.Empty)}': a graph id is 1 to 64 letters, digits or hyphens and not one of {string.Join(", ", Reserved.Order(StringComparer.Ordinal))}",
                ErrorDetails.Of(ErrorDetail.GraphId.With(id)));
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
