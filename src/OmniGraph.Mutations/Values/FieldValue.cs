using OmniGraph.Query.Values;

namespace OmniGraph.Mutations.Values;

/// <summary>
/// One property value of a row a mutation writes: a typed query value already of the property's kind, or the bytes of
/// a Blob (the query language has no binary value kind). The default is null.
/// </summary>
internal readonly struct FieldValue
{
    private FieldValue(QueryValue value, byte[]? blob)
    {
        Value = value;
        Blob = blob;
    }

    /// <summary>SQL NULL.</summary>
    public static FieldValue Null => default;

    /// <summary>The value of every non-Blob property (null for a Blob).</summary>
    public QueryValue Value { get; }

    /// <summary>The bytes of a Blob property, or <c>null</c>.</summary>
    public byte[]? Blob { get; }

    /// <summary><c>true</c> for SQL NULL.</summary>
    public bool IsNull => Blob is null && Value.IsNull;

    /// <summary>A non-Blob value (already of the property's kind).</summary>
    public static FieldValue Of(QueryValue value) => new(value, null);

    /// <summary>A Blob value.</summary>
    public static FieldValue OfBlob(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new(default, bytes);
    }
}
