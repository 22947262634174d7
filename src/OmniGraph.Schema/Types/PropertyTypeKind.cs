namespace OmniGraph.Schema;

/// <summary>The structural shape of a <see cref="PropertyType"/>.</summary>
public enum PropertyTypeKind : byte
{
    /// <summary>One scalar value.</summary>
    Scalar,

    /// <summary><c>[T]</c>: a list of one scalar kind (never Blob).</summary>
    List,

    /// <summary><c>Vector(N)</c>: exactly N float32 values.</summary>
    Vector,

    /// <summary><c>enum(a, b, …)</c>: a String restricted to a sorted, duplicate-free set.</summary>
    Enum,
}
