namespace OmniGraph.Arrow;

/// <summary>A named, typed column of a schema (or the value field of a list type), with nullability and custom metadata.</summary>
public sealed class ArrowField : IEquatable<ArrowField>
{
    public ArrowField(string name, ArrowType type, bool isNullable, ArrowMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        IsNullable = isNullable;
        Metadata = metadata ?? ArrowMetadata.Empty;
    }

    public string Name { get; }

    public ArrowType Type { get; }

    /// <summary>Whether the column may hold nulls. A record batch rejects nulls in a non-nullable field.</summary>
    public bool IsNullable { get; }

    /// <summary>Custom key/value metadata, in written order.</summary>
    public ArrowMetadata Metadata { get; }

    /// <summary>Equality of name, type, nullability and metadata.</summary>
    public bool Equals(ArrowField? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && IsNullable == other.IsNullable
        && Type.Equals(other.Type)
        && Metadata.Equals(other.Metadata);

    public override bool Equals(object? obj) => obj is ArrowField other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Type, IsNullable);

    public override string ToString() => $"{Name}: {Type}{(IsNullable ? "?" : string.Empty)}";
}
