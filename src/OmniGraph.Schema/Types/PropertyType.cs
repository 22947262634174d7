using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace OmniGraph.Schema;

/// <summary>
/// The full type of a property: shape, scalar kind, vector dimension or enum values, and nullability.
/// Immutable; equality is structural (two enums are equal when their sorted value sets are).
/// </summary>
public sealed class PropertyType : IEquatable<PropertyType>
{
    /// <summary>Largest supported <c>Vector(N)</c> dimension (2^31 − 1).</summary>
    public const int MaxVectorDimension = int.MaxValue;

    private static readonly PropertyType[] s_scalars = CreateScalars(nullable: false);
    private static readonly PropertyType[] s_nullableScalars = CreateScalars(nullable: true);

    private PropertyType(PropertyTypeKind kind, ScalarKind scalar, int vectorDimension, ImmutableArray<string> enumValues, bool isNullable)
    {
        Kind = kind;
        Scalar = scalar;
        VectorDimension = vectorDimension;
        EnumValues = enumValues;
        IsNullable = isNullable;
        DisplayName = BuildDisplayName();
    }

    /// <summary>The shape.</summary>
    public PropertyTypeKind Kind { get; }

    /// <summary>
    /// The scalar kind of the value (<see cref="PropertyTypeKind.Scalar"/>), of each element
    /// (<see cref="PropertyTypeKind.List"/>), <see cref="ScalarKind.F32"/> for vectors and
    /// <see cref="ScalarKind.String"/> for enums (their storage type).
    /// </summary>
    public ScalarKind Scalar { get; }

    /// <summary>The dimension of a vector; 0 for other shapes.</summary>
    public int VectorDimension { get; }

    /// <summary>The enum values sorted ordinally; empty for other shapes.</summary>
    public ImmutableArray<string> EnumValues { get; }

    /// <summary><c>true</c> for <c>T?</c>; non-nullable properties are required.</summary>
    public bool IsNullable { get; }

    /// <summary>The name used in messages and printed schemas, e.g. <c>I32?</c>, <c>[String]</c>, <c>Vector(4)</c>, <c>enum(a, b)</c>.</summary>
    public string DisplayName { get; }

    /// <summary><c>true</c> for a non-list numeric scalar (I32…F64).</summary>
    public bool IsNumeric => Kind == PropertyTypeKind.Scalar && Scalar.IsNumeric();

    /// <summary><c>true</c> for a list type.</summary>
    public bool IsList => Kind == PropertyTypeKind.List;

    /// <summary><c>true</c> for a vector type.</summary>
    public bool IsVector => Kind == PropertyTypeKind.Vector;

    /// <summary><c>true</c> for an enum type.</summary>
    public bool IsEnum => Kind == PropertyTypeKind.Enum;

    /// <summary><c>true</c> for a scalar Blob.</summary>
    public bool IsBlob => Kind == PropertyTypeKind.Scalar && Scalar == ScalarKind.Blob;

    /// <summary><c>true</c> for a plain scalar String (not an enum, not a list).</summary>
    public bool IsString => Kind == PropertyTypeKind.Scalar && Scalar == ScalarKind.String;

    /// <summary>A scalar type. The instances are shared.</summary>
    public static PropertyType Of(ScalarKind scalar, bool nullable = false) =>
        (nullable ? s_nullableScalars : s_scalars)[(int)scalar];

    /// <summary>A list of a scalar kind; Blob elements are not supported.</summary>
    public static PropertyType ListOf(ScalarKind element, bool nullable = false)
    {
        if (element == ScalarKind.Blob)
        {
            throw new ArgumentException("list of Blob is not supported", nameof(element));
        }

        return new PropertyType(PropertyTypeKind.List, element, 0, [], nullable);
    }

    /// <summary>A vector of <paramref name="dimension"/> float32 values (1 ≤ dimension ≤ 2^31 − 1).</summary>
    public static PropertyType Vector(int dimension, bool nullable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return new PropertyType(PropertyTypeKind.Vector, ScalarKind.F32, dimension, [], nullable);
    }

    /// <summary>An enum over the given values; they are sorted ordinally and must be non-empty and distinct.</summary>
    public static PropertyType Enum(IEnumerable<string> values, bool nullable = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("enum type must include at least one value", nameof(values));
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1], sorted[i], StringComparison.Ordinal))
            {
                throw new ArgumentException("enum type cannot include duplicate values", nameof(values));
            }
        }

        return new PropertyType(PropertyTypeKind.Enum, ScalarKind.String, 0, ImmutableCollectionsMarshal.AsImmutableArray(sorted), nullable);
    }

    /// <summary>The same type with the given nullability.</summary>
    public PropertyType WithNullable(bool nullable) =>
        nullable == IsNullable
            ? this
            : Kind switch
            {
                PropertyTypeKind.Scalar => Of(Scalar, nullable),
                _ => new PropertyType(Kind, Scalar, VectorDimension, EnumValues, nullable),
            };

    /// <summary><c>true</c> when <paramref name="value"/> is one of the enum values (ordinal comparison).</summary>
    public bool IsEnumValue(ReadOnlySpan<char> value)
    {
        var values = EnumValues;
        int low = 0, high = values.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var order = value.SequenceCompareTo(values[mid].AsSpan());
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                high = mid - 1;
            }
            else
            {
                low = mid + 1;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(PropertyType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Kind != other.Kind || Scalar != other.Scalar || VectorDimension != other.VectorDimension || IsNullable != other.IsNullable)
        {
            return false;
        }

        return EnumValues.AsSpan().SequenceEqual(other.EnumValues.AsSpan());
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PropertyType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(DisplayName);

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    public static bool operator ==(PropertyType? left, PropertyType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PropertyType? left, PropertyType? right) => !(left == right);

    private string BuildDisplayName()
    {
        var builder = new StringBuilder();
        switch (Kind)
        {
            case PropertyTypeKind.Scalar:
                builder.Append(Scalar.GetName());
                break;
            case PropertyTypeKind.List:
                builder.Append('[').Append(Scalar.GetName()).Append(']');
                break;
            case PropertyTypeKind.Vector:
                builder.Append("Vector(").Append(VectorDimension).Append(')');
                break;
            case PropertyTypeKind.Enum:
                builder.Append("enum(").AppendJoin(", ", EnumValues).Append(')');
                break;
        }

        if (IsNullable)
        {
            builder.Append('?');
        }

        return builder.ToString();
    }

    private static PropertyType[] CreateScalars(bool nullable)
    {
        var scalars = new PropertyType[(int)ScalarKind.Blob + 1];
        for (var i = 0; i < scalars.Length; i++)
        {
            scalars[i] = new PropertyType(PropertyTypeKind.Scalar, (ScalarKind)i, 0, [], nullable);
        }

        return scalars;
    }
}
