namespace OmniGraph.Schema;

/// <summary>The scalar storage kinds of the schema language (<c>String Bool I32 … Blob</c>).</summary>
public enum ScalarKind : byte
{
    /// <summary>UTF-8 text.</summary>
    String,

    /// <summary>Boolean.</summary>
    Bool,

    /// <summary>Signed 32-bit integer.</summary>
    I32,

    /// <summary>Signed 64-bit integer.</summary>
    I64,

    /// <summary>Unsigned 32-bit integer.</summary>
    U32,

    /// <summary>Unsigned 64-bit integer.</summary>
    U64,

    /// <summary>32-bit float.</summary>
    F32,

    /// <summary>64-bit float.</summary>
    F64,

    /// <summary>Days since 1970-01-01 (32-bit).</summary>
    Date,

    /// <summary>Milliseconds since the Unix epoch (64-bit).</summary>
    DateTime,

    /// <summary>Binary payload (managed bytes or an external URI).</summary>
    Blob,
}
