using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Abstractions;

/// <summary>The wire names of <see cref="GraphLoadMode"/> (<c>overwrite</c>, <c>append</c>, <c>merge</c>).</summary>
public static class GraphLoadModes
{
    /// <summary>The wire names, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["overwrite", "append", "merge"];

    /// <summary>The wire name of <paramref name="mode"/>.</summary>
    public static string ToWireName(this GraphLoadMode mode) => mode switch
    {
        GraphLoadMode.Overwrite => "overwrite",
        GraphLoadMode.Append => "append",
        GraphLoadMode.Merge => "merge",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode"),
    };

    /// <summary>Parses a wire name (exact, lower case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out GraphLoadMode mode)
    {
        switch (name)
        {
            case "overwrite":
                mode = GraphLoadMode.Overwrite;
                return true;
            case "append":
                mode = GraphLoadMode.Append;
                return true;
            case "merge":
                mode = GraphLoadMode.Merge;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
