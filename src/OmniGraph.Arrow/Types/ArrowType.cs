using System.Text;

namespace OmniGraph.Arrow;

/// <summary>
/// An immutable Arrow logical type: a <see cref="ArrowTypeId"/> plus its parameters (time unit and zone of a
/// timestamp, the value field of a list, the size of a fixed-size list). Scalar types are shared singletons;
/// compare types with <see cref="Equals(ArrowType?)"/>, which is structural (child field names and
/// nullability count, field metadata does not).
/// </summary>
public sealed class ArrowType : IEquatable<ArrowType>
{
    /// <summary>Deepest nesting of list types accepted anywhere (model and IPC reader), so recursion stays bounded.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Name given to the value field of lists built from a bare value type, as the other Arrow implementations do.</summary>
    public const string DefaultListItemName = "item";

    private ArrowType(ArrowTypeId id, int byteWidth)
    {
        Id = id;
        ByteWidth = byteWidth;
    }

    private ArrowType(ArrowTypeId id, ArrowTimeUnit timeUnit, string? timeZone)
        : this(id, sizeof(long))
    {
        TimeUnit = timeUnit;
        TimeZone = timeZone;
    }

    private ArrowType(ArrowTypeId id, ArrowField valueField, int listSize)
        : this(id, 0)
    {
        ValueField = valueField;
        ListSize = listSize;
        NestingDepth = valueField.Type.NestingDepth + 1;
    }

    public static ArrowType Utf8 { get; } = new(ArrowTypeId.Utf8, 0);

    public static ArrowType Binary { get; } = new(ArrowTypeId.Binary, 0);

    public static ArrowType Boolean { get; } = new(ArrowTypeId.Boolean, 0);

    public static ArrowType Int32 { get; } = new(ArrowTypeId.Int32, sizeof(int));

    public static ArrowType Int64 { get; } = new(ArrowTypeId.Int64, sizeof(long));

    public static ArrowType UInt32 { get; } = new(ArrowTypeId.UInt32, sizeof(uint));

    public static ArrowType UInt64 { get; } = new(ArrowTypeId.UInt64, sizeof(ulong));

    public static ArrowType Float32 { get; } = new(ArrowTypeId.Float32, sizeof(float));

    public static ArrowType Float64 { get; } = new(ArrowTypeId.Float64, sizeof(double));

    public static ArrowType Date32 { get; } = new(ArrowTypeId.Date32, sizeof(int));

    /// <summary>Milliseconds since the Unix epoch in UTC: the type of OmniGraph <c>DateTime</c>.</summary>
    public static ArrowType TimestampMillisecondUtc { get; } = new(ArrowTypeId.Timestamp, ArrowTimeUnit.Millisecond, "UTC");

    /// <summary>Which logical type this is.</summary>
    public ArrowTypeId Id { get; }

    /// <summary>Bytes per value for fixed-width primitive types (4 or 8); 0 for boolean, variable-width and nested types.</summary>
    public int ByteWidth { get; }

    /// <summary>Resolution of a <see cref="ArrowTypeId.Timestamp"/>; <see cref="ArrowTimeUnit.Second"/> for other types.</summary>
    public ArrowTimeUnit TimeUnit { get; }

    /// <summary>Time zone of a <see cref="ArrowTypeId.Timestamp"/> (null when zone-naive); null for other types.</summary>
    public string? TimeZone { get; }

    /// <summary>The child field of a list or fixed-size list; null for other types.</summary>
    public ArrowField? ValueField { get; }

    /// <summary>Number of values per entry of a <see cref="ArrowTypeId.FixedSizeList"/>; 0 for other types.</summary>
    public int ListSize { get; }

    /// <summary>0 for scalar types, 1 + the value type's depth for list types.</summary>
    public int NestingDepth { get; }

    /// <summary>True for list and fixed-size list.</summary>
    public bool IsNested => Id is ArrowTypeId.List or ArrowTypeId.FixedSizeList;

    /// <summary>True for Utf8 and Binary, which share the offsets + data layout.</summary>
    public bool IsVariableBinary => Id is ArrowTypeId.Utf8 or ArrowTypeId.Binary;

    /// <summary>True for the fixed-width numeric types stored as a plain value buffer (everything but boolean, variable-width and nested).</summary>
    public bool IsFixedWidthPrimitive => ByteWidth > 0;

    /// <summary>The value type of a list or fixed-size list.</summary>
    public ArrowType ValueType => ValueField?.Type ?? throw new InvalidOperationException($"{this} has no value type.");

    /// <summary>A timestamp with the given resolution and time zone (null or empty for zone-naive).</summary>
    public static ArrowType Timestamp(ArrowTimeUnit unit, string? timeZone)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit.");
        }

        if (unit == ArrowTimeUnit.Millisecond && timeZone == "UTC")
        {
            return TimestampMillisecondUtc;
        }

        return new ArrowType(ArrowTypeId.Timestamp, unit, string.IsNullOrEmpty(timeZone) ? null : timeZone);
    }

    /// <summary>A variable-length list whose values are nullable and named <see cref="DefaultListItemName"/>.</summary>
    public static ArrowType List(ArrowType valueType) =>
        List(new ArrowField(DefaultListItemName, valueType, isNullable: true));

    /// <summary>A variable-length list of the given value field.</summary>
    public static ArrowType List(ArrowField valueField)
    {
        ArgumentNullException.ThrowIfNull(valueField);
        CheckDepth(valueField.Type);
        return new ArrowType(ArrowTypeId.List, valueField, 0);
    }

    /// <summary>A fixed-size list of <paramref name="listSize"/> nullable values named <see cref="DefaultListItemName"/>.</summary>
    public static ArrowType FixedSizeList(ArrowType valueType, int listSize) =>
        FixedSizeList(new ArrowField(DefaultListItemName, valueType, isNullable: true), listSize);

    /// <summary>A fixed-size list of <paramref name="listSize"/> values of the given field.</summary>
    public static ArrowType FixedSizeList(ArrowField valueField, int listSize)
    {
        ArgumentNullException.ThrowIfNull(valueField);
        ArgumentOutOfRangeException.ThrowIfLessThan(listSize, 1);
        CheckDepth(valueField.Type);
        return new ArrowType(ArrowTypeId.FixedSizeList, valueField, listSize);
    }

    /// <summary>OmniGraph <c>Vector(N)</c>: a fixed-size list of <paramref name="dimensions"/> Float32 values.</summary>
    public static ArrowType Vector(int dimensions) => FixedSizeList(Float32, dimensions);

    public bool Equals(ArrowType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Id != Id || other.TimeUnit != TimeUnit || other.ListSize != ListSize
            || !string.Equals(other.TimeZone, TimeZone, StringComparison.Ordinal))
        {
            return false;
        }

        if (ValueField is null)
        {
            return other.ValueField is null;
        }

        return other.ValueField is not null
            && ValueField.IsNullable == other.ValueField.IsNullable
            && string.Equals(ValueField.Name, other.ValueField.Name, StringComparison.Ordinal)
            && ValueField.Type.Equals(other.ValueField.Type);
    }

    public override bool Equals(object? obj) => obj is ArrowType other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Id, TimeUnit, TimeZone, ListSize, ValueField?.Type);

    /// <summary>A readable form such as <c>Int64</c>, <c>List&lt;Utf8&gt;</c> or <c>FixedSizeList[3]&lt;Float32&gt;</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        switch (Id)
        {
            case ArrowTypeId.Timestamp:
                builder.Append("Timestamp<").Append(TimeUnit).Append(", ").Append(TimeZone ?? "naive").Append('>');
                break;
            case ArrowTypeId.List:
                builder.Append("List<");
                ValueType.Append(builder);
                builder.Append('>');
                break;
            case ArrowTypeId.FixedSizeList:
                builder.Append("FixedSizeList[").Append(ListSize).Append("]<");
                ValueType.Append(builder);
                builder.Append('>');
                break;
            default:
                builder.Append(Id);
                break;
        }
    }

    private static void CheckDepth(ArrowType valueType)
    {
        if (valueType.NestingDepth + 1 > MaxNestingDepth)
        {
            throw new ArgumentException($"List nesting deeper than {MaxNestingDepth} levels is not supported.", nameof(valueType));
        }
    }
}
