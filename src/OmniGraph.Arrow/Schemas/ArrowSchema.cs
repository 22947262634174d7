namespace OmniGraph.Arrow;

/// <summary>The ordered fields of a record batch plus schema-level custom metadata. Immutable.</summary>
public sealed class ArrowSchema : IEquatable<ArrowSchema>
{
    private readonly ArrowField[] _fields;

    public ArrowSchema(IEnumerable<ArrowField> fields, ArrowMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields];
        foreach (var field in _fields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
        }

        Metadata = metadata ?? ArrowMetadata.Empty;
    }

    public IReadOnlyList<ArrowField> Fields => _fields;

    public int FieldCount => _fields.Length;

    public ArrowMetadata Metadata { get; }

    /// <summary>Position of the first field named <paramref name="name"/> (ordinal), or -1.</summary>
    public int GetFieldIndex(string name)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Equality of every field (in order) and of the metadata.</summary>
    public bool Equals(ArrowSchema? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._fields.Length != _fields.Length || !Metadata.Equals(other.Metadata))
        {
            return false;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            if (!_fields[i].Equals(other._fields[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ArrowSchema other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_fields.Length, _fields.Length > 0 ? _fields[0] : null);

    public override string ToString() => "(" + string.Join(", ", _fields.Select(f => f.ToString())) + ")";
}
