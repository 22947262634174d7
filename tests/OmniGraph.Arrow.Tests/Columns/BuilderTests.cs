using OmniGraph.Arrow.Ipc;
using OmniGraph.Arrow.Tests.TestSupport;

namespace OmniGraph.Arrow.Tests.Columns;

public sealed class BuilderTests
{
    [Fact]
    public void PrimitiveBuilder_AppendsValuesAndNulls()
    {
        var builder = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        builder.Append(1);
        builder.AppendNull();
        builder.AppendRange([3, 4, 5]);
        builder.AppendNulls(2);
        builder.Append((long?)8);

        var column = builder.Build();

        Assert.Equal(8, column.Length);
        Assert.Equal(3, column.NullCount);
        Assert.Equal([1L, null, 3, 4, 5, null, null, 8], Enumerable.Range(0, 8).Select(column.GetValueOrNull));
        Assert.Equal(8, column.Values.Length);
    }

    [Fact]
    public void Builder_WithoutNulls_AllocatesNoBitmap()
    {
        var column = Col.Int32(1, 2, 3);

        Assert.Equal(0, column.NullCount);
        Assert.True(column.ValidityBits.IsEmpty);
        Assert.True(column.IsValid(2));
    }

    [Fact]
    public void Builder_FirstNullAfterManyValues_KeepsEarlierSlotsValid()
    {
        var builder = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        for (var i = 0; i < 1000; i++)
        {
            builder.Append(i);
        }

        builder.AppendNull();
        var column = builder.Build();

        Assert.Equal(1, column.NullCount);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(column.IsValid(i)));
        Assert.True(column.IsNull(1000));
    }

    [Fact]
    public void Build_ResetsTheBuilderForReuse()
    {
        var builder = new Utf8ColumnBuilder();
        builder.Append("a");
        builder.AppendNull();
        var first = builder.Build();
        builder.Append("b");
        var second = builder.Build();

        Assert.Equal(2, first.Length);
        Assert.Equal("a", first.GetString(0));
        Assert.Equal(1, second.Length);
        Assert.Equal(0, second.NullCount);
        Assert.Equal("b", second.GetString(0));
        Assert.Equal(0, builder.Length);
    }

    [Fact]
    public void PrimitiveBuilder_RejectsAMismatchedStorageType()
    {
        Assert.Throws<ArgumentException>(() => new PrimitiveColumnBuilder<int>(ArrowType.Int64));
        Assert.Throws<ArgumentException>(() => new PrimitiveColumnBuilder<long>(ArrowType.Utf8));
        _ = new PrimitiveColumnBuilder<int>(ArrowType.Date32);
        _ = new PrimitiveColumnBuilder<long>(ArrowType.TimestampMillisecondUtc);
    }

    [Fact]
    public void Utf8Builder_AppendsUtf8SpansStringsAndChars()
    {
        var builder = new Utf8ColumnBuilder();
        builder.Append("héllo"u8);
        builder.Append("wörld");
        builder.Append("日本".AsSpan());
        builder.Append((string?)null);
        var column = builder.Build();

        Assert.Equal(["héllo", "wörld", "日本", null], Enumerable.Range(0, 4).Select(column.GetStringOrNull));
        Assert.True(column.ValueEquals(0, "héllo"u8));
        Assert.False(column.ValueEquals(0, "hello"u8));
        Assert.True(column.ValueEquals(3, []));
        Assert.Equal(6, column.GetValueLength(2));
    }

    [Fact]
    public void Utf8Builder_RejectsInvalidUtf8AndLoneSurrogates()
    {
        var builder = new Utf8ColumnBuilder();

        Assert.Throws<ArgumentException>(() => builder.Append([0xC3, 0x28]));
        Assert.Throws<ArgumentException>(() => builder.Append("\uD800x"));
        Assert.Equal(0, builder.Length);
    }

    [Fact]
    public void BinaryBuilder_KeepsBytes()
    {
        var column = Col.Binary([1, 2, 3], null, []);

        Assert.Equal([1, 2, 3], column.GetBytesOrNull(0));
        Assert.Null(column.GetBytesOrNull(1));
        Assert.Empty(column.GetBytesOrNull(2)!);
    }

    [Fact]
    public void BooleanBuilder_PacksBits()
    {
        var values = Enumerable.Range(0, 19).Select(i => i % 5 == 0 ? (bool?)null : i % 3 == 0).ToArray();

        var column = Col.Bool(values);

        Assert.Equal(values, Enumerable.Range(0, values.Length).Select(column.GetValueOrNull));
        Assert.Equal(3, column.ValueBits.Length);
    }

    [Fact]
    public void ListBuilder_BuildsEntriesNullsAndEmptyLists()
    {
        var column = Col.List<int>(ArrowType.Int32, [1, 2], [], null, [3, null]);

        Assert.Equal(4, column.Length);
        Assert.Equal(1, column.NullCount);
        Assert.Equal((0, 2), column.GetValueRange(0));
        Assert.Equal(0, column.GetValues(1).Length);
        Assert.Equal(0, column.GetValues(2).Length);
        var last = (PrimitiveColumn<int>)column.GetValues(3);
        Assert.Equal([3, null], Enumerable.Range(0, 2).Select(last.GetValueOrNull));
    }

    [Fact]
    public void FixedSizeListBuilder_BuildsVectors()
    {
        var column = Col.Vector(3, [1, 2, 3], null, [4, 5, 6]);

        Assert.Equal([1f, 2, 3], column.GetVector(0).ToArray());
        Assert.True(column.IsNull(1));
        Assert.Equal([4f, 5, 6], column.GetVector(2).ToArray());
        Assert.Equal(9, column.Values.Length);
    }

    /// <summary>
    /// A null vector still reserves its child slots. When the child field is non-nullable (how vectors are stored) the
    /// slots must hold valid placeholders: a non-nullable field declaring nulls is an invalid file.
    /// </summary>
    [Fact]
    public void FixedSizeListBuilder_NullEntryOfNonNullableChild_ReservesValidSlots()
    {
        var type = ArrowType.FixedSizeList(new ArrowField("item", ArrowType.Float32, isNullable: false), 3);
        var builder = new FixedSizeListColumnBuilder(type);
        builder.AppendValues<float>([1, 2, 3]);
        builder.AppendNull();
        builder.AppendNulls(2);

        var column = builder.Build();

        Assert.Equal(3, column.NullCount);
        Assert.Equal(0, column.Values.NullCount);
        Assert.Equal(12, column.Values.Length);
        var schema = new ArrowSchema([new ArrowField("v", type, isNullable: true)]);
        var file = ArrowFileWriter.WriteToArray(schema, [new RecordBatch(schema, [column])]);
        var read = (FixedSizeListColumn)ArrowFileReader.Open(file).ReadRecordBatch(0).Columns[0];
        Assert.True(read.ContentEquals(column));
    }

    [Fact]
    public void FixedSizeListBuilder_NullEntryOfNullableChild_ReservesNullSlots()
    {
        var builder = new FixedSizeListColumnBuilder(ArrowType.Vector(2));
        builder.AppendNull();

        Assert.Equal(2, builder.Build().Values.NullCount);
    }

    [Fact]
    public void AppendEmptyValues_AppendsValidPlaceholdersForEveryType()
    {
        foreach (var field in SampleData.AllTypesSchema.Fields)
        {
            var builder = ArrowColumnBuilder.Create(field.Type);
            builder.AppendEmptyValues(4);
            var column = builder.Build();
            Assert.Equal(4, column.Length);
            Assert.Equal(0, column.NullCount);
        }
    }

    [Fact]
    public void FixedSizeListBuilder_RejectsWrongValueCounts()
    {
        var builder = new FixedSizeListColumnBuilder(ArrowType.Vector(3));

        Assert.Throws<ArgumentException>(() => builder.AppendValues<float>([1, 2]));
        builder.StartList();
        builder.GetValueBuilder<PrimitiveColumnBuilder<float>>().Append(1);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.GetValueBuilder<Utf8ColumnBuilder>());
    }

    [Fact]
    public void Create_ReturnsABuilderForEveryType()
    {
        foreach (var field in SampleData.AllTypesSchema.Fields)
        {
            var builder = ArrowColumnBuilder.Create(field.Type);
            builder.AppendNulls(3);
            var column = builder.Build();
            Assert.Equal(field.Type, column.Type);
            Assert.Equal(3, column.NullCount);
        }
    }

    [Fact]
    public void Builders_GrowToLargeColumns()
    {
        var builder = new Utf8ColumnBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append(i % 7 == 0 ? null : $"value-{i}");
        }

        var column = builder.Build();

        Assert.Equal(200_000, column.Length);
        Assert.Equal("value-199999", column.GetString(199_999));
        Assert.Null(column.GetStringOrNull(199_997));
    }

    /// <summary>Every builder kind, nested ones with nullable and with non-nullable children.</summary>
    public static TheoryData<int, string> BuilderTypes()
    {
        var data = new TheoryData<int, string>();
        var types = AllBuilderTypes();
        for (var i = 0; i < types.Length; i++)
        {
            data.Add(i, $"{types[i]}{(types[i].ValueField is { IsNullable: false } ? " (non-nullable items)" : string.Empty)}");
        }

        return data;
    }

    /// <summary>
    /// Bulk <see cref="ArrowColumnBuilder.AppendNulls"/> / <see cref="ArrowColumnBuilder.AppendEmptyValues"/> lay out the
    /// column exactly like the same slots appended one at a time (the written files are byte-identical).
    /// </summary>
    [Theory]
    [MemberData(nameof(BuilderTypes))]
    public void BulkAppends_LayOutTheColumnLikeSingleAppends(int typeIndex, string typeName)
    {
        _ = typeName;
        var type = AllBuilderTypes()[typeIndex];
        var bulk = ArrowColumnBuilder.Create(type);
        var single = ArrowColumnBuilder.Create(type);
        var bulkValues = new Random(5);
        var singleValues = new Random(5);
        foreach (var (nulls, empties) in new[] { (3, 5), (0, 0), (9, 11), (1, 17), (64, 1) })
        {
            SampleData.AppendRandom(bulk, bulkValues, nullRate: 0.2);
            bulk.AppendNulls(nulls);
            bulk.AppendEmptyValues(empties);

            SampleData.AppendRandom(single, singleValues, nullRate: 0.2);
            for (var i = 0; i < nulls; i++)
            {
                single.AppendNull();
            }

            for (var i = 0; i < empties; i++)
            {
                single.AppendEmptyValues(1);
            }
        }

        Assert.Equal(single.Length, bulk.Length);
        Assert.Equal(single.NullCount, bulk.NullCount);
        var schema = new ArrowSchema([new ArrowField("c", type, isNullable: true)]);
        var expected = ArrowFileWriter.WriteToArray(schema, [new RecordBatch(schema, [single.Build()])]);
        var actual = ArrowFileWriter.WriteToArray(schema, [new RecordBatch(schema, [bulk.Build()])]);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(BuilderTypes))]
    public void NegativeCounts_AreRejectedAndLeaveTheBuilderUnchanged(int typeIndex, string typeName)
    {
        _ = typeName;
        var type = AllBuilderTypes()[typeIndex];
        var builder = ArrowColumnBuilder.Create(type);
        builder.AppendEmptyValues(2);
        builder.AppendNull();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AppendNulls(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AppendEmptyValues(-1));

        Assert.Equal(3, builder.Length);
        Assert.Equal(1, builder.NullCount);
        var column = builder.Build();
        Assert.Equal(3, column.Length);
        Assert.True(column.IsNull(2));
    }

    [Fact]
    public void BooleanBuilder_BulkSlotsAreFalseAndKeepLaterBitsInPlace()
    {
        var builder = new BooleanColumnBuilder();
        builder.Append(true);
        builder.AppendEmptyValues(6);
        builder.AppendNulls(5);
        builder.Append(true);

        var column = builder.Build();

        Assert.Equal(13, column.Length);
        Assert.Equal([true, false, false, false, false, false, false, null, null, null, null, null, true], Enumerable.Range(0, 13).Select(column.GetValueOrNull));
        Assert.Equal(2, column.ValueBits.Length);
    }

    /// <summary>Both list builders are driven the same way through their shared base.</summary>
    [Fact]
    public void NestedBuilders_ShareStartListAndValues()
    {
        NestedColumnBuilder[] builders = [new ListColumnBuilder(ArrowType.List(ArrowType.Int32)), new FixedSizeListColumnBuilder(ArrowType.FixedSizeList(ArrowType.Int32, 2))];
        foreach (var builder in builders)
        {
            var values = builder.GetValueBuilder<PrimitiveColumnBuilder<int>>();
            builder.StartList();
            values.Append(1);
            values.Append(2);
            builder.AppendNull();
            builder.StartList();
            values.Append(3);
            values.AppendNull();

            var column = builder.Build();

            Assert.Equal(3, column.Length);
            Assert.Equal(1, column.NullCount);
            var last = (PrimitiveColumn<int>)(column is ListColumn list ? list.GetValues(2) : ((FixedSizeListColumn)column).GetValues(2));
            Assert.Equal([3, null], Enumerable.Range(0, 2).Select(last.GetValueOrNull));
            Assert.Equal(0, builder.Length);
            Assert.Equal(0, builder.Values.Length);
        }
    }

    [Fact]
    public void NestedBuilders_RejectTypesOfAnotherKind()
    {
        var list = Assert.Throws<ArgumentException>(() => new ListColumnBuilder(ArrowType.Vector(2)));
        var fixedSize = Assert.Throws<ArgumentException>(() => new FixedSizeListColumnBuilder(ArrowType.List(ArrowType.Int32)));

        Assert.Equal("type", list.ParamName);
        Assert.Contains("is not a list type", list.Message);
        Assert.Equal("type", fixedSize.ParamName);
        Assert.Contains("is not a fixed-size list type", fixedSize.Message);
        Assert.Throws<ArgumentNullException>(() => new ListColumnBuilder(null!));
        Assert.Throws<ArgumentNullException>(() => new FixedSizeListColumnBuilder(null!));
    }

    /// <summary>
    /// An entry starts where the child values stand when it is started, so values appended before the first entry
    /// belong to none: the offsets then start above 0 (valid Arrow), and the entries hold only their own values.
    /// </summary>
    [Fact]
    public void ListBuilder_ValuesBeforeTheFirstEntry_BelongToNoEntry()
    {
        var builder = new ListColumnBuilder(ArrowType.List(ArrowType.Int64));
        var values = builder.GetValueBuilder<PrimitiveColumnBuilder<long>>();
        values.Append(100);
        values.Append(200);
        builder.StartList();
        values.Append(1);
        builder.AppendNull();
        builder.AppendValues<long>([5, 6]);

        var column = builder.Build();

        Assert.Equal([2, 3, 3, 5], column.ValueOffsets.ToArray());
        Assert.Equal([1L], ((PrimitiveColumn<long>)column.GetValues(0)).Values.ToArray());
        Assert.Equal([5L, 6], ((PrimitiveColumn<long>)column.GetValues(2)).Values.ToArray());
    }

    [Fact]
    public void VariableBinaryBuilders_OffsetsStartAtZeroAfterEveryBuild()
    {
        var builder = new BinaryColumnBuilder();
        builder.Append([1, 2]);
        builder.AppendNulls(2);
        var first = builder.Build();
        builder.AppendEmptyValues(1);
        builder.Append([3]);
        var second = builder.Build();
        var empty = builder.Build();

        Assert.Equal([0, 2, 2, 2], first.Offsets.ToArray());
        Assert.Equal([0, 0, 1], second.Offsets.ToArray());
        Assert.Equal([0], empty.Offsets.ToArray());
        Assert.Equal(0, builder.DataLength);
    }

    private static ArrowType[] AllBuilderTypes() =>
    [
        .. SampleData.AllTypesSchema.Fields.Select(f => f.Type),
        ArrowType.FixedSizeList(new ArrowField("item", ArrowType.Int32, isNullable: false), 3),
        ArrowType.FixedSizeList(ArrowType.Utf8, 2),
        ArrowType.List(new ArrowField("item", ArrowType.Utf8, isNullable: false)),
    ];
}
