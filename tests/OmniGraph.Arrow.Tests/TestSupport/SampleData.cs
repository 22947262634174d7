namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>Schemas and batches covering every supported type, shared by round-trip, corruption and interop tests.</summary>
internal static class SampleData
{
    private const long MillisecondsPerDay = 86_400_000;

    private static readonly string[] s_words = ["alpha", "βeta", "gamma", "δέλτα", "日本語", "emoji 🎉", "", "x", "longer text with spaces and punctuation!"];

    /// <summary>The schema written by interop/write-arrow.mjs, spelled out in C#.</summary>
    public static ArrowSchema JsSchema { get; } = new(
        [
            new ArrowField("id", ArrowType.Int64, isNullable: false),
            new ArrowField("name", ArrowType.Utf8, isNullable: true, ArrowMetadata.Of(("description", "display name"), ("pii", "no"))),
            .. ValueFields(vectorDimensions: 3),
        ],
        ArrowMetadata.Of(("omnigraph.table", "Person"), ("written-by", "apache-arrow-js")));

    /// <summary>The two batches written by interop/write-arrow.mjs.</summary>
    public static RecordBatch[] JsBatches() =>
    [
        new RecordBatch(JsSchema,
        [
            Col.Int64(1, 2, 3, 4, 5),
            Col.Utf8("alpha", null, "", "ünïcødé ✓ 日本", "last"),
            Col.Binary([0x00, 0x01, 0xff], null, [], [0xde, 0xad], [0x42]),
            Col.Bool(true, false, null, true, false),
            Col.Int32(0, int.MinValue, int.MaxValue, null, 42),
            Col.Int64(0, long.MinValue, long.MaxValue, null, 1234567890123),
            Col.Of<uint>(ArrowType.UInt32, 0, uint.MaxValue, null, 7, 1),
            Col.Of<ulong>(ArrowType.UInt64, 0, ulong.MaxValue, null, 5, 1),
            Col.Of<float>(ArrowType.Float32, 0, -1.5f, 3.25f, null, 1e10f),
            Col.Of<double>(ArrowType.Float64, 0, -1.5, Math.PI, null, 1e300),
            Col.Of<int>(ArrowType.Date32, 0, -1, 19000, null, 1),
            Col.Of<long>(ArrowType.TimestampMillisecondUtc, 0, 1700000000123, -1, null, MillisecondsPerDay),
            Col.Vector(3, [1, 2, 3], null, [0.5f, -0.5f, 0], [4, 5, 6], [7, 8, 9]),
            Col.List<long>(ArrowType.Int64, [1, 2], [], null, [3], [1, null, 3]),
            Col.ListOfUtf8(["a", "b"], null, [], ["ü"], ["x", "y", "z"]),
        ]),
        new RecordBatch(JsSchema,
        [
            Col.Int64(6, 7),
            Col.Utf8("six", "seven"),
            Col.Binary([6], null),
            Col.Bool(null, true),
            Col.Int32(6, null),
            Col.Int64(null, 7),
            Col.Of<uint>(ArrowType.UInt32, 6, 7),
            Col.Of<ulong>(ArrowType.UInt64, 6, null),
            Col.Of<float>(ArrowType.Float32, 6.5f, null),
            Col.Of<double>(ArrowType.Float64, null, -7.25),
            Col.Of<int>(ArrowType.Date32, 6, null),
            Col.Of<long>(ArrowType.TimestampMillisecondUtc, null, 7),
            Col.Vector(3, null, [-1, -2, -3]),
            Col.List<long>(ArrowType.Int64, null, [7]),
            Col.ListOfUtf8(["six"], null),
        ]),
    ];

    /// <summary>Every supported type, plus a list of lists, with field and schema metadata.</summary>
    public static ArrowSchema AllTypesSchema { get; } = new(
        [
            new ArrowField("id", ArrowType.Int64, isNullable: false, ArrowMetadata.Of(("key", "true"))),
            new ArrowField("name", ArrowType.Utf8, isNullable: true, ArrowMetadata.Of(("z-last", "1"), ("a-first", "2"), ("m-middle", "3"))),
            .. ValueFields(vectorDimensions: 4),
            new ArrowField("flags", ArrowType.List(ArrowType.Boolean), isNullable: true),
            new ArrowField("days", ArrowType.List(ArrowType.Date32), isNullable: true),
            new ArrowField("matrix", ArrowType.List(ArrowType.List(ArrowType.Int32)), isNullable: true),
        ],
        ArrowMetadata.Of(("omnigraph.table", "Everything"), ("schema-version", "7")));

    /// <summary>A deterministic pseudo-random batch of <paramref name="rows"/> rows of <see cref="AllTypesSchema"/>.</summary>
    public static RecordBatch RandomAllTypes(int rows, int seed, double nullRate)
    {
        var random = new Random(seed);
        bool IsNull() => random.NextDouble() < nullRate;
        var columns = new List<ArrowColumn>();
        foreach (var field in AllTypesSchema.Fields)
        {
            var builder = ArrowColumnBuilder.Create(field.Type);
            for (var row = 0; row < rows; row++)
            {
                if (field.IsNullable && IsNull())
                {
                    builder.AppendNull();
                }
                else
                {
                    AppendRandom(builder, random, nullRate);
                }
            }

            columns.Add(builder.Build());
        }

        return new RecordBatch(AllTypesSchema, columns);
    }

    /// <summary>One random value of the builder's type (nested values recurse).</summary>
    public static void AppendRandom(ArrowColumnBuilder builder, Random random, double nullRate)
    {
        switch (builder)
        {
            case Utf8ColumnBuilder utf8:
                utf8.Append(RandomText(random));
                break;
            case BinaryColumnBuilder binary:
                var bytes = new byte[random.Next(0, 24)];
                random.NextBytes(bytes);
                binary.Append(bytes);
                break;
            case BooleanColumnBuilder booleans:
                booleans.Append(random.Next(2) == 1);
                break;
            case PrimitiveColumnBuilder<int> ints:
                ints.Append(builder.Type.Id == ArrowTypeId.Date32 ? random.Next(-40_000, 40_000) : random.Next(int.MinValue, int.MaxValue));
                break;
            case PrimitiveColumnBuilder<long> longs:
                // Timestamps stay within ±2^53 ms (the JS reader converts them to numbers), about ±285,000 years.
                longs.Append(builder.Type.Id == ArrowTypeId.Timestamp
                    ? random.NextInt64(-(1L << 53), 1L << 53)
                    : random.NextInt64(long.MinValue, long.MaxValue));
                break;
            case PrimitiveColumnBuilder<uint> uints:
                uints.Append((uint)random.NextInt64(0, uint.MaxValue + 1L));
                break;
            case PrimitiveColumnBuilder<ulong> ulongs:
                ulongs.Append((ulong)random.NextInt64() * 2 + (ulong)random.Next(2));
                break;
            case PrimitiveColumnBuilder<float> floats:
                floats.Append((float)((random.NextDouble() - 0.5) * 1e6));
                break;
            case PrimitiveColumnBuilder<double> doubles:
                doubles.Append((random.NextDouble() - 0.5) * 1e12);
                break;
            case FixedSizeListColumnBuilder fixedSizeList:
                fixedSizeList.StartList();
                for (var i = 0; i < fixedSizeList.Type.ListSize; i++)
                {
                    AppendValueOrNull(fixedSizeList.Values, random, nullRate);
                }

                break;
            case ListColumnBuilder list:
                list.StartList();
                var count = random.Next(0, 5);
                for (var i = 0; i < count; i++)
                {
                    AppendValueOrNull(list.Values, random, nullRate);
                }

                break;
            default:
                throw new InvalidOperationException($"No random values for {builder.GetType().Name}.");
        }
    }

    /// <summary>The nullable value fields, one per type, that follow <c>id</c> and <c>name</c> in both schemas.</summary>
    private static ArrowField[] ValueFields(int vectorDimensions) =>
    [
        new ArrowField("blob", ArrowType.Binary, isNullable: true),
        new ArrowField("flag", ArrowType.Boolean, isNullable: true),
        new ArrowField("i32", ArrowType.Int32, isNullable: true),
        new ArrowField("i64", ArrowType.Int64, isNullable: true),
        new ArrowField("u32", ArrowType.UInt32, isNullable: true),
        new ArrowField("u64", ArrowType.UInt64, isNullable: true),
        new ArrowField("f32", ArrowType.Float32, isNullable: true),
        new ArrowField("f64", ArrowType.Float64, isNullable: true),
        new ArrowField("day", ArrowType.Date32, isNullable: true),
        new ArrowField("at", ArrowType.TimestampMillisecondUtc, isNullable: true),
        new ArrowField("embedding", ArrowType.Vector(vectorDimensions), isNullable: true),
        new ArrowField("scores", ArrowType.List(ArrowType.Int64), isNullable: true),
        new ArrowField("tags", ArrowType.List(ArrowType.Utf8), isNullable: true),
    ];

    private static void AppendValueOrNull(ArrowColumnBuilder builder, Random random, double nullRate)
    {
        if (random.NextDouble() < nullRate / 2)
        {
            builder.AppendNull();
        }
        else
        {
            AppendRandom(builder, random, nullRate);
        }
    }

    private static string RandomText(Random random) =>
        random.Next(4) == 0 ? s_words[random.Next(s_words.Length)] + random.Next(1000) : s_words[random.Next(s_words.Length)];
}
