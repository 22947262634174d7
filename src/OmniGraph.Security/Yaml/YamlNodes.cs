namespace OmniGraph.Security.Yaml;

/// <summary>A node of a strictly read YAML document, with where it starts.</summary>
internal abstract record YamlNode(YamlPosition Position)
{
    /// <summary>The kind of node, for messages ("a mapping", "a list", "a scalar").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar. <see cref="IsPlain"/>: written without quotes (so <c>null</c>, <c>~</c> and empty mean null).</summary>
internal sealed record YamlScalar(string Text, bool IsPlain, YamlPosition Position) : YamlNode(Position)
{
    public override string KindName => "a scalar";

    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar: YAML's null.</summary>
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A sequence.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, YamlPosition Position) : YamlNode(Position)
{
    public override string KindName => "a list";
}

/// <summary>A mapping with scalar keys, in document order, keys unique.</summary>
internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, YamlPosition Position) : YamlNode(Position)
{
    public override string KindName => "a mapping";
}
