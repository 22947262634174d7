using System.Globalization;

namespace OmniGraph.Security;

/// <summary>A 1-based line and column in a YAML text, or <see cref="None"/>.</summary>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
public readonly record struct YamlPosition(int Line, int Column)
{
    /// <summary>No known position.</summary>
    public static YamlPosition None => default;

    /// <summary>Whether the position is known.</summary>
    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown
        ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}")
        : "unknown position";
}
