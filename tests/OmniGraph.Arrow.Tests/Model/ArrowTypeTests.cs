namespace OmniGraph.Arrow.Tests.Model;

public sealed class ArrowTypeTests
{
    [Fact]
    public void Equals_IsStructural()
    {
        Assert.Equal(ArrowType.List(ArrowType.Int64), ArrowType.List(ArrowType.Int64));
        Assert.Equal(ArrowType.Vector(8), ArrowType.FixedSizeList(ArrowType.Float32, 8));
        Assert.Equal(ArrowType.TimestampMillisecondUtc, ArrowType.Timestamp(ArrowTimeUnit.Millisecond, "UTC"));
        Assert.Same(ArrowType.TimestampMillisecondUtc, ArrowType.Timestamp(ArrowTimeUnit.Millisecond, "UTC"));

        Assert.NotEqual(ArrowType.List(ArrowType.Int64), ArrowType.List(ArrowType.Int32));
        Assert.NotEqual(ArrowType.Vector(8), ArrowType.Vector(9));
        Assert.NotEqual(ArrowType.TimestampMillisecondUtc, ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"));
        Assert.NotEqual(ArrowType.TimestampMillisecondUtc, ArrowType.Timestamp(ArrowTimeUnit.Millisecond, null));
        Assert.NotEqual(ArrowType.Int32, ArrowType.Date32);
        Assert.NotEqual(
            ArrowType.List(new ArrowField("item", ArrowType.Int32, isNullable: true)),
            ArrowType.List(new ArrowField("element", ArrowType.Int32, isNullable: true)));
        Assert.NotEqual(
            ArrowType.List(new ArrowField("item", ArrowType.Int32, isNullable: true)),
            ArrowType.List(new ArrowField("item", ArrowType.Int32, isNullable: false)));
    }

    [Fact]
    public void Equals_IgnoresValueFieldMetadata()
    {
        Assert.Equal(
            ArrowType.List(new ArrowField("item", ArrowType.Int32, true, ArrowMetadata.Of(("a", "b")))),
            ArrowType.List(new ArrowField("item", ArrowType.Int32, true)));
    }

    [Fact]
    public void ToString_IsReadable()
    {
        Assert.Equal("Int64", ArrowType.Int64.ToString());
        Assert.Equal("List<Utf8>", ArrowType.List(ArrowType.Utf8).ToString());
        Assert.Equal("FixedSizeList[3]<Float32>", ArrowType.Vector(3).ToString());
        Assert.Equal("Timestamp<Millisecond, UTC>", ArrowType.TimestampMillisecondUtc.ToString());
    }

    [Fact]
    public void ByteWidthAndKind_AreReported()
    {
        Assert.Equal(8, ArrowType.Int64.ByteWidth);
        Assert.Equal(4, ArrowType.Date32.ByteWidth);
        Assert.Equal(8, ArrowType.TimestampMillisecondUtc.ByteWidth);
        Assert.Equal(0, ArrowType.Boolean.ByteWidth);
        Assert.True(ArrowType.Utf8.IsVariableBinary);
        Assert.True(ArrowType.Vector(2).IsNested);
        Assert.Equal(2, ArrowType.List(ArrowType.List(ArrowType.Int32)).NestingDepth);
    }

    [Fact]
    public void Nesting_DeeperThanTheLimit_IsRejected()
    {
        var type = ArrowType.Int32;
        for (var i = 0; i < ArrowType.MaxNestingDepth; i++)
        {
            type = ArrowType.List(type);
        }

        Assert.Equal(ArrowType.MaxNestingDepth, type.NestingDepth);
        Assert.Throws<ArgumentException>(() => ArrowType.List(type));
    }

    [Fact]
    public void FixedSizeList_NeedsAPositiveSize()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrowType.Vector(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrowType.Timestamp((ArrowTimeUnit)9, null));
    }

    [Fact]
    public void ValueType_OfAScalar_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ArrowType.Int32.ValueType);
    }
}
