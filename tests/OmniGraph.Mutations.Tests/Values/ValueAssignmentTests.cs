using OmniGraph.Mutations.Values;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Tests.Values;

/// <summary>Exact conversion of assigned values to the property's kind, and the value rules with their messages.</summary>
public sealed class ValueAssignmentTests
{
    private static readonly SchemaCatalog s_schema = SchemaCatalog.Compile("""
        node T {
            k: String @key
            i: I32?
            big: I64?
            u: U32?
            f: F32?
            d: F64?
            v: Vector(2)?
            tags: [I64]?
            req: String
            @range(d, ..10.5)
        }
        """);

    private static NodeType T => s_schema.GetNodeType("T");

    [Fact]
    public void Integers_WidenExactly_AndOutOfRangeIsRefused()
    {
        Assert.Equal(QueryValue.FromInt64(7), ValueAssignment.Assign(T, T.GetProperty("big"), QueryValue.FromInt32(7)).Value);
        Assert.Equal(QueryValueKind.I64, ValueAssignment.Assign(T, T.GetProperty("big"), QueryValue.FromUInt32(7)).Value.Kind);

        var error = Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("i"), QueryValue.FromInt64(3_000_000_000)));
        Assert.Equal("invalid_data", error.Code);
        Assert.Equal("property 'i' value 3000000000 exceeds Int32 range", error.Message);
        Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("u"), QueryValue.FromInt32(-1)));
    }

    [Fact]
    public void Floats_WidenExactly()
    {
        Assert.Equal(0.5, ValueAssignment.Assign(T, T.GetProperty("d"), QueryValue.FromFloat32(0.5f)).Value.AsFloat64());
        Assert.Equal(3.0, ValueAssignment.Assign(T, T.GetProperty("d"), QueryValue.FromInt32(3)).Value.AsFloat64());
        Assert.Equal(0.25f, ValueAssignment.Assign(T, T.GetProperty("f"), QueryValue.FromFloat32(0.25f)).Value.AsFloat32());
        Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("f"), QueryValue.FromFloat64(1e300)));
    }

    [Fact]
    public void Range_OnAnOpenLowerBound_AndNaN()
    {
        Assert.Equal("@range violation on T.d: value 11 > max 10.5",
            Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("d"), QueryValue.FromFloat64(11))).Message);
        Assert.Equal("@range violation on T.d: value is NaN",
            Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("d"), QueryValue.FromFloat64(double.NaN))).Message);
        Assert.Equal(-1e300, ValueAssignment.Assign(T, T.GetProperty("d"), QueryValue.FromFloat64(-1e300)).Value.AsFloat64());
    }

    [Fact]
    public void Null_IsRefusedForARequiredProperty_AndKeptForANullableOne()
    {
        Assert.True(ValueAssignment.Assign(T, T.GetProperty("i"), QueryValue.Null).IsNull);
        var error = Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("req"), QueryValue.Null));
        Assert.Equal("constraint_violation", error.Code);
        Assert.StartsWith("missing required property 'req'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vectors_AndLists_AreCheckedElementWise()
    {
        Assert.Equal("vector property 'v' expects 2 dimensions, got 3",
            Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("v"), QueryValue.FromVector([1f, 2f, 3f]))).Message);
        Assert.Contains("elements must be numeric",
            Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("v"), QueryValue.FromVector([1f, float.NaN]))).Message, StringComparison.Ordinal);
        Assert.Equal(2, ValueAssignment.Assign(T, T.GetProperty("v"), QueryValue.FromList([QueryValue.FromInt32(1), QueryValue.FromFloat64(2)])).Value.AsVector().Length);

        var list = ValueAssignment.Assign(T, T.GetProperty("tags"), QueryValue.FromList([QueryValue.FromInt32(1), QueryValue.FromUInt32(2)])).Value.AsList();
        Assert.All(list, static item => Assert.Equal(QueryValueKind.I64, item.Kind));
        Assert.Throws<OmniGraphException>(() => ValueAssignment.Assign(T, T.GetProperty("tags"), QueryValue.FromList([QueryValue.FromString("x")])));
    }
}
