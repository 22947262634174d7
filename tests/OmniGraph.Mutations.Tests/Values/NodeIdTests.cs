using System.Buffers;
using System.Text;
using OmniGraph.Ingest;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Tests.Values;

/// <summary>The ids a mutation derives from key values are byte for byte the ids the loader derives (<see cref="CanonicalKeys"/>), for every key kind.</summary>
public sealed class NodeIdTests
{
    public static TheoryData<string, string> SingleKeys() => new()
    {
        { "String", "\"Alice \\\" ünï ✓ 𝄞\"" },
        { "I32", "-2147483648" },
        { "I64", "9223372036854775807" },
        { "U32", "4294967295" },
        { "U64", "18446744073709551615" },
        { "F64", "0.1" },
        { "F64", "1e21" },
        { "F64", "-0.0" },
        { "F64", "1.5e-7" },
        { "F32", "0.1" },
        { "Bool", "true" },
        { "Date", "\"2024-06-15\"" },
        { "DateTime", "\"2024-06-15T10:20:30.123Z\"" },
    };

    [Theory]
    [MemberData(nameof(SingleKeys))]
    public void SingleKey_IdMatchesTheLoadersCanonicalId(string kind, string json)
    {
        var type = Compile($"node T {{ k: {kind} @key }}").GetNodeType("T");

        var value = Bind(kind, json);
        var row = new[] { ValueAssignment.Assign(type, type.Properties[0], value) };

        Assert.Equal(LoaderId(type, row), NodeIds.Of(type, row));
        Assert.True(NodeIds.TryOfKeyValue(type.Properties[0], value, out var probe));
        Assert.Equal(LoaderId(type, row), probe);
    }

    [Fact]
    public void CompositeKey_IdMatchesTheLoadersCanonicalId_WithEscapes()
    {
        var type = Compile("node T { b: I64  a: String  @key(a, b) }").GetNodeType("T");
        var row = new[]
        {
            ValueAssignment.Assign(type, type.GetProperty("b"), QueryValue.FromInt64(42)),
            ValueAssignment.Assign(type, type.GetProperty("a"), QueryValue.FromString("q\"uo\\te\n\u0001é")),
        };

        var id = NodeIds.Of(type, row);

        Assert.Equal(LoaderId(type, row), id);
        Assert.StartsWith("[", id, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyProbe_WithAValueThatCannotBeAKey_FindsNothing()
    {
        var type = Compile("node T { k: I32 @key }").GetNodeType("T");

        Assert.False(NodeIds.TryOfKeyValue(type.Properties[0], QueryValue.FromInt64(5_000_000_000), out _));
        Assert.False(NodeIds.TryOfKeyValue(type.Properties[0], QueryValue.FromFloat64(2.5), out _));
        Assert.True(NodeIds.TryOfKeyValue(type.Properties[0], QueryValue.FromFloat64(2.0), out var two));
        Assert.Equal("2", two);
    }

    private static SchemaCatalog Compile(string schema) => SchemaCatalog.Compile(schema);

    private static QueryValue Bind(string kind, string json)
    {
        var query = new Query.QueryCompiler().CompileMutation($"query q($v: {kind}) {{ insert T {{ k: $v }} }}", Compile($"node T {{ k: {kind} @key }}"));
        return Query.Parameters.QueryParameterBinder.Bind(query, $$"""{"v":{{json}}}""").Get(query.Parameters[0]);
    }

    private static string LoaderId(NodeType type, FieldValue[] row)
    {
        var batch = RowBatchWriter.Write(TableLayout.For(type), [new Pending.PendingRow("x", row)]);
        var writer = new ArrayBufferWriter<byte>();
        CanonicalKeys.WriteNodeId(type, batch, 0, writer);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }
}
