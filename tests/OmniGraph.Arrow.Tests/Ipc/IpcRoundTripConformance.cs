using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Arrow.Tests.TestSupport;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>
/// The round-trip contract every IPC format (file, stream) must meet: whatever batches are written are read back
/// with equal schema (metadata included) and equal values, for every type, with and without nulls, at any size.
/// Each format's test class inherits this runner.
/// </summary>
public abstract class IpcRoundTripConformance
{
    public static TheoryData<string> FieldNames() => [.. SampleData.AllTypesSchema.Fields.Select(f => f.Name)];

    /// <summary>The name a writer of this format gives its output in messages ("file" or "stream").</summary>
    protected abstract string FormatName { get; }

    protected abstract byte[] Write(ArrowSchema schema, IReadOnlyList<RecordBatch> batches, ArrowWriteOptions? options = null);

    protected abstract (ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches) Read(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null);

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void EveryType_RoundTrips_WithAndWithoutNulls(string fieldName)
    {
        var field = SampleData.AllTypesSchema.Fields[SampleData.AllTypesSchema.GetFieldIndex(fieldName)];
        var schema = new ArrowSchema([field]);
        RecordBatch[] batches =
        [
            new RecordBatch(schema, [SampleData.RandomAllTypes(64, seed: 21, nullRate: 0.3).Column(fieldName)]),
            new RecordBatch(schema, [SampleData.RandomAllTypes(33, seed: 22, nullRate: 0).Column(fieldName)]),
        ];

        AssertRoundTrip(schema, batches);
    }

    [Fact]
    public void AllTypes_SeveralBatches_RoundTrip()
    {
        AssertRoundTrip(SampleData.AllTypesSchema,
        [
            SampleData.RandomAllTypes(100, seed: 1, nullRate: 0.2),
            SampleData.RandomAllTypes(1, seed: 2, nullRate: 0),
            SampleData.RandomAllTypes(257, seed: 3, nullRate: 0.9),
        ]);
    }

    [Fact]
    public void EmptyBatch_RoundTrips()
    {
        AssertRoundTrip(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(0, seed: 1, nullRate: 0)]);
    }

    [Fact]
    public void NoBatches_RoundTrips()
    {
        var (schema, batches) = Read(Write(SampleData.AllTypesSchema, []));

        Assert.Equal(SampleData.AllTypesSchema, schema);
        Assert.Empty(batches);
    }

    [Fact]
    public void OneRow_RoundTrips()
    {
        AssertRoundTrip(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(1, seed: 5, nullRate: 0.5)]);
    }

    [Fact]
    public void AllNullColumns_RoundTrip()
    {
        AssertRoundTrip(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(70, seed: 6, nullRate: 1.0)]);
    }

    [Fact]
    public void MultiMegabyteBatch_RoundTrips()
    {
        var batch = SampleData.RandomAllTypes(60_000, seed: 7, nullRate: 0.1);

        var bytes = Write(SampleData.AllTypesSchema, [batch]);

        Assert.True(bytes.Length > 4 * 1024 * 1024, $"only {bytes.Length} bytes");
        AssertRead(bytes, SampleData.AllTypesSchema, [batch]);
    }

    /// <summary>Slices start mid-byte in bitmaps and at non-zero offsets: the writer must materialize them correctly.</summary>
    [Fact]
    public void SlicedBatches_RoundTrip()
    {
        var batch = SampleData.RandomAllTypes(300, seed: 8, nullRate: 0.3);

        AssertRoundTrip(SampleData.AllTypesSchema, [batch.Slice(3, 101), batch.Slice(0, 9), batch.Slice(299, 1), batch.Slice(150, 0)]);
    }

    [Fact]
    public void Metadata_RoundTripsInOrderWithDuplicatesAndUnicode()
    {
        var schema = new ArrowSchema(
            [
                new ArrowField("ключ", ArrowType.Int32, true, ArrowMetadata.Of(("b", "1"), ("a", ""), ("b", "dup"), ("日本", "語 ✓"))),
                new ArrowField("", ArrowType.List(new ArrowField("element", ArrowType.Utf8, false, ArrowMetadata.Of(("inner", "yes")))), false),
            ],
            ArrowMetadata.Of(("z", "last"), ("a", "first"), ("empty", "")));
        var values = new ListColumnBuilder(schema.Fields[1].Type);
        values.StartList();
        values.GetValueBuilder<Utf8ColumnBuilder>().Append("x");
        values.StartList();

        AssertRoundTrip(schema, [new RecordBatch(schema, [Col.Int32(1, null), values.Build()])]);
    }

    [Fact]
    public void OtherTimestampUnitsAndZones_RoundTrip()
    {
        var schema = new ArrowSchema(
        [
            new ArrowField("s", ArrowType.Timestamp(ArrowTimeUnit.Second, null), true),
            new ArrowField("us", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "Europe/Paris"), true),
            new ArrowField("ns", ArrowType.Timestamp(ArrowTimeUnit.Nanosecond, "+07:30"), true),
        ]);
        var batch = new RecordBatch(schema,
        [
            Col.Of<long>(schema.Fields[0].Type, 1, null),
            Col.Of<long>(schema.Fields[1].Type, long.MinValue, 2),
            Col.Of<long>(schema.Fields[2].Type, null, long.MaxValue),
        ]);

        AssertRoundTrip(schema, [batch]);
    }

    [Fact]
    public void SpecialFloatingPointValues_RoundTripBitExact()
    {
        var schema = new ArrowSchema([new ArrowField("f32", ArrowType.Float32, true), new ArrowField("f64", ArrowType.Float64, true)]);
        var batch = new RecordBatch(schema,
        [
            Col.Of<float>(ArrowType.Float32, float.NaN, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue),
            Col.Of<double>(ArrowType.Float64, double.NaN, -0d, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MinValue),
        ]);

        var (_, batches) = Read(Write(schema, [batch]));

        Assert.Equal(
            MemoryMarshal.AsBytes(((PrimitiveColumn<double>)batch.Column(1)).Values).ToArray(),
            MemoryMarshal.AsBytes(((PrimitiveColumn<double>)batches[0].Column(1)).Values).ToArray());
        Assert.True(batches[0].ContentEquals(batch));
    }

    [Fact]
    public void SchemaWithoutFields_RoundTripsItsRowCount()
    {
        var schema = new ArrowSchema([], ArrowMetadata.Of(("only", "metadata")));

        var (readSchema, batches) = Read(Write(schema, [new RecordBatch(schema, [], length: 12)]));

        Assert.Equal(schema, readSchema);
        Assert.Equal(12, Assert.Single(batches).Length);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    public void EveryAlignment_RoundTrips(int alignment)
    {
        AssertRoundTrip(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(40, seed: 9, nullRate: 0.2)], new ArrowWriteOptions { Alignment = alignment });
    }

    /// <summary>Columns read back are views of the input bytes: no value is copied.</summary>
    [Fact]
    public void ReadColumns_PointIntoTheInput()
    {
        var schema = new ArrowSchema([new ArrowField("v", ArrowType.Int64, false), new ArrowField("s", ArrowType.Utf8, true)]);
        var bytes = Write(schema, [new RecordBatch(schema, [Col.Int64(1, 2, 3), Col.Utf8("a", "bc", null)])]);

        var (_, batches) = Read(bytes);
        var values = ((PrimitiveColumn<long>)batches[0].Column(0)).Values;
        var text = ((Utf8Column)batches[0].Column(1)).GetBytes(1);

        AssertInside(bytes, ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(values)));
        AssertInside(bytes, ref MemoryMarshal.GetReference(text));
    }

    [Fact]
    public void Utf8Validation_CanBeDisabled()
    {
        AssertRoundTrip(SampleData.AllTypesSchema, [SampleData.RandomAllTypes(20, seed: 10, nullRate: 0.1)], readOptions: new ArrowReadOptions { ValidateUtf8 = false });
    }

    [Fact]
    public void Writer_RejectsABatchOfAnotherSchema()
    {
        var other = new ArrowSchema([new ArrowField("x", ArrowType.Int32, true)]);

        var error = ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => Write(SampleData.AllTypesSchema, [new RecordBatch(other, [Col.Int32(1)])]));
        Assert.Contains($"differs from the {FormatName} schema", error.Message);
    }

    protected void AssertRoundTrip(ArrowSchema schema, IReadOnlyList<RecordBatch> batches, ArrowWriteOptions? options = null, ArrowReadOptions? readOptions = null)
    {
        AssertRead(Write(schema, batches, options), schema, batches, readOptions);
    }

    protected void AssertRead(byte[] bytes, ArrowSchema schema, IReadOnlyList<RecordBatch> expected, ArrowReadOptions? readOptions = null)
    {
        var (readSchema, batches) = Read(bytes, readOptions);

        Assert.Equal(schema, readSchema);
        Assert.Equal(expected.Count, batches.Count);
        for (var b = 0; b < expected.Count; b++)
        {
            Assert.Equal(expected[b].Length, batches[b].Length);
            for (var c = 0; c < schema.FieldCount; c++)
            {
                Assert.True(expected[b].Column(c).ContentEquals(batches[b].Column(c)), $"batch {b}, column '{schema.Fields[c].Name}'");
            }
        }
    }

    private static void AssertInside(byte[] buffer, ref byte target)
    {
        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(buffer), ref target);
        Assert.InRange(offset, 0, buffer.Length - 1);
    }
}
