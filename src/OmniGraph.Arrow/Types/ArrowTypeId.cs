namespace OmniGraph.Arrow;

/// <summary>The logical Arrow types OmniGraph reads and writes. Everything else is rejected as unsupported.</summary>
public enum ArrowTypeId
{
    /// <summary>Variable-length UTF-8 text with 32-bit offsets (OmniGraph <c>String</c>).</summary>
    Utf8,

    /// <summary>Variable-length opaque bytes with 32-bit offsets (OmniGraph <c>Blob</c>/binary).</summary>
    Binary,

    /// <summary>Bit-packed booleans (OmniGraph <c>Bool</c>).</summary>
    Boolean,

    /// <summary>Signed 32-bit integer (OmniGraph <c>I32</c>).</summary>
    Int32,

    /// <summary>Signed 64-bit integer (OmniGraph <c>I64</c>).</summary>
    Int64,

    /// <summary>Unsigned 32-bit integer (OmniGraph <c>U32</c>).</summary>
    UInt32,

    /// <summary>Unsigned 64-bit integer (OmniGraph <c>U64</c>).</summary>
    UInt64,

    /// <summary>IEEE 754 single precision (OmniGraph <c>F32</c>).</summary>
    Float32,

    /// <summary>IEEE 754 double precision (OmniGraph <c>F64</c>).</summary>
    Float64,

    /// <summary>Days since 1970-01-01 as a signed 32-bit integer (OmniGraph <c>Date</c>).</summary>
    Date32,

    /// <summary>Signed 64-bit count of <see cref="ArrowType.TimeUnit"/> since the Unix epoch (OmniGraph <c>DateTime</c> is millisecond, "UTC").</summary>
    Timestamp,

    /// <summary>Variable-length list with 32-bit offsets over a child column (OmniGraph <c>[T]</c>).</summary>
    List,

    /// <summary>Fixed-length list over a child column (OmniGraph <c>Vector(N)</c> is a fixed-size list of Float32).</summary>
    FixedSizeList,
}
