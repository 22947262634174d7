using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// One property column of a table being filled: the property's shape, the builder its values go to, and what the
/// intake checks or remembers per value (enum set, <c>@range</c>, <c>@check</c>, key/unique capture).
/// </summary>
internal sealed class PropertyColumn
{
    public PropertyColumn(Property property, ArrowType arrowType, int captureSlot, bool isKeyMember, RangeConstraint[] ranges, CheckConstraint[] checks)
    {
        Property = property;
        Name = property.Name;
        NameUtf8 = property.NameUtf8.ToArray();
        Ordinal = property.Ordinal;
        Shape = property.Type.Kind;
        Scalar = property.Type.Scalar;
        VectorDimension = property.Type.VectorDimension;
        Builder = ArrowColumnBuilder.Create(arrowType);
        CaptureSlot = captureSlot;
        IsKeyMember = isKeyMember;
        Ranges = ranges;
        Checks = checks;
        EnumValues = [.. property.Type.EnumValues.Select(static v => Encoding.UTF8.GetBytes(v))];
        ExpectedName = ExpectedTypeNames.Of(property.Type);
        FixedWidth = EstimateFixedWidth(property.Type);
    }

    public Property Property { get; }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    public int Ordinal { get; }

    public PropertyTypeKind Shape { get; }

    /// <summary>The scalar kind of the value, of each list item, or F32 for vectors.</summary>
    public ScalarKind Scalar { get; }

    /// <summary>Whether a record may leave the value out (the property is nullable, or an <c>@embed</c> vector filled later).</summary>
    public bool IsNullable { get; init; }

    public int VectorDimension { get; }

    /// <summary>The builder of the current fragment; <see cref="ArrowColumnBuilder.Build"/> empties it for the next one.</summary>
    public ArrowColumnBuilder Builder { get; }

    /// <summary>The row-scratch slot that remembers this column's canonical text (key and unique members), or -1.</summary>
    public int CaptureSlot { get; }

    public bool IsKeyMember { get; }

    public RangeConstraint[] Ranges { get; }

    public CheckConstraint[] Checks { get; }

    /// <summary>The enum values as UTF-8, sorted ordinally (enum values are ASCII, so byte order is the schema's order).</summary>
    public byte[][] EnumValues { get; }

    /// <summary>The type as named in "expects …" messages, for example <c>Int32</c> or <c>Vector(3)</c>.</summary>
    public string ExpectedName { get; }

    /// <summary>Estimated bytes per row excluding variable-length data (counted as it is appended).</summary>
    public int FixedWidth { get; }

    public bool IsEnumValue(ReadOnlySpan<byte> value)
    {
        int low = 0, high = EnumValues.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var order = value.SequenceCompareTo(EnumValues[mid]);
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

    private static int EstimateFixedWidth(PropertyType type) => type.Kind switch
    {
        PropertyTypeKind.List => sizeof(int),
        PropertyTypeKind.Vector => (int)Math.Min(int.MaxValue, (long)type.VectorDimension * sizeof(float)),
        PropertyTypeKind.Enum => sizeof(int),
        _ => type.Scalar switch
        {
            ScalarKind.String or ScalarKind.Blob or ScalarKind.I32 or ScalarKind.U32 or ScalarKind.F32 or ScalarKind.Date => 4,
            ScalarKind.Bool => 1,
            _ => 8,
        },
    };
}
