namespace OmniGraph.Query.Values;

/// <summary>The kind of a <see cref="QueryValue"/>: SQL null, one scalar kind of the schema language, a list or a vector.</summary>
public enum QueryValueKind : byte
{
    /// <summary>SQL NULL (an omitted optional parameter, a null cell).</summary>
    Null,

    /// <summary>Boolean.</summary>
    Bool,

    /// <summary>Signed 32-bit integer.</summary>
    I32,

    /// <summary>Signed 64-bit integer (also every integer literal that fits).</summary>
    I64,

    /// <summary>Unsigned 32-bit integer.</summary>
    U32,

    /// <summary>Unsigned 64-bit integer (also integer literals above <see cref="long.MaxValue"/>).</summary>
    U64,

    /// <summary>32-bit float.</summary>
    F32,

    /// <summary>64-bit float (also every decimal literal).</summary>
    F64,

    /// <summary>UTF-16 text; also carries enum values and Blob references (<c>base64:…</c> or a URI).</summary>
    String,

    /// <summary>Days since 1970-01-01.</summary>
    Date,

    /// <summary>Milliseconds since the Unix epoch (UTC).</summary>
    DateTime,

    /// <summary>A list of values of one kind (no nulls, no nested lists).</summary>
    List,

    /// <summary>A fixed-length vector of 32-bit floats.</summary>
    Vector,
}

/// <summary>Classifications of <see cref="QueryValueKind"/>.</summary>
public static class QueryValueKinds
{
    /// <summary><c>true</c> for I32, I64, U32, U64, F32 and F64.</summary>
    public static bool IsNumeric(this QueryValueKind kind) => kind is >= QueryValueKind.I32 and <= QueryValueKind.F64;

    /// <summary><c>true</c> for I32, I64, U32 and U64.</summary>
    public static bool IsInteger(this QueryValueKind kind) => kind is >= QueryValueKind.I32 and <= QueryValueKind.U64;

    /// <summary><c>true</c> for F32 and F64.</summary>
    public static bool IsFloat(this QueryValueKind kind) => kind is QueryValueKind.F32 or QueryValueKind.F64;
}
