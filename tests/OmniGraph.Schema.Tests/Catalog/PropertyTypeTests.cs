namespace OmniGraph.Schema.Tests.Catalog;

public sealed class PropertyTypeTests
{
    [Theory]
    [InlineData(ScalarKind.I32, false, "I32")]
    [InlineData(ScalarKind.I32, true, "I32?")]
    [InlineData(ScalarKind.DateTime, false, "DateTime")]
    [InlineData(ScalarKind.Blob, true, "Blob?")]
    public void ScalarDisplayNames(ScalarKind kind, bool nullable, string display) =>
        Assert.Equal(display, PropertyType.Of(kind, nullable).DisplayName);

    [Fact]
    public void CompositeDisplayNames()
    {
        Assert.Equal("[String]", PropertyType.ListOf(ScalarKind.String).DisplayName);
        Assert.Equal("[I64]?", PropertyType.ListOf(ScalarKind.I64, nullable: true).DisplayName);
        Assert.Equal("Vector(4)", PropertyType.Vector(4).DisplayName);
        Assert.Equal("enum(a, b)", PropertyType.Enum(["b", "a"]).DisplayName);
        Assert.Equal("enum(a, b)?", PropertyType.Enum(["a", "b"], nullable: true).ToString());
    }

    [Fact]
    public void Equality()
    {
        Assert.Same(PropertyType.Of(ScalarKind.String), PropertyType.Of(ScalarKind.String));
        Assert.Equal(PropertyType.Enum(["x", "y"]), PropertyType.Enum(["y", "x"]));
        Assert.NotEqual(PropertyType.Enum(["x", "y"]), PropertyType.Enum(["x", "y"], nullable: true));
        Assert.NotEqual(PropertyType.Enum(["x"]), PropertyType.Of(ScalarKind.String));
        Assert.NotEqual(PropertyType.Vector(3), PropertyType.Vector(4));
        Assert.NotEqual(PropertyType.ListOf(ScalarKind.String), PropertyType.Of(ScalarKind.String));
        Assert.True(PropertyType.ListOf(ScalarKind.U32) == PropertyType.ListOf(ScalarKind.U32));
        Assert.Equal(PropertyType.Vector(3, nullable: true), PropertyType.Vector(3).WithNullable(true));
        Assert.Same(PropertyType.Of(ScalarKind.F32, true), PropertyType.Of(ScalarKind.F32).WithNullable(true));
    }

    [Fact]
    public void Classification()
    {
        Assert.True(PropertyType.Of(ScalarKind.U64).IsNumeric);
        Assert.False(PropertyType.ListOf(ScalarKind.U64).IsNumeric);
        Assert.False(PropertyType.Of(ScalarKind.Date).IsNumeric);
        Assert.True(PropertyType.Of(ScalarKind.String, true).IsString);
        Assert.False(PropertyType.Enum(["a"]).IsString);
        Assert.Equal(ScalarKind.String, PropertyType.Enum(["a"]).Scalar);
        Assert.Equal(ScalarKind.F32, PropertyType.Vector(2).Scalar);
        Assert.True(PropertyType.Of(ScalarKind.Blob).IsBlob);
    }

    [Fact]
    public void EnumMembership()
    {
        var role = PropertyType.Enum(["member", "admin", "guest"]);
        Assert.True(role.IsEnumValue("admin"));
        Assert.True(role.IsEnumValue("member"));
        Assert.False(role.IsEnumValue("superadmin"));
        Assert.False(role.IsEnumValue("Admin"));
        Assert.False(role.IsEnumValue(string.Empty));
    }

    [Fact]
    public void FactoriesRejectInvalidShapes()
    {
        Assert.Throws<ArgumentException>(() => PropertyType.ListOf(ScalarKind.Blob));
        Assert.Throws<ArgumentOutOfRangeException>(() => PropertyType.Vector(0));
        Assert.Throws<ArgumentException>(() => PropertyType.Enum([]));
        Assert.Throws<ArgumentException>(() => PropertyType.Enum(["a", "a"]));
    }

    [Fact]
    public void ScalarKindNamesRoundTrip()
    {
        foreach (var kind in Enum.GetValues<ScalarKind>())
        {
            Assert.True(ScalarKinds.TryParse(kind.GetName(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.False(ScalarKinds.TryParse("Vector", out _));
        Assert.Equal((int.MinValue, int.MaxValue), ((int)ScalarKind.I32.GetIntegerRange().Min, (int)ScalarKind.I32.GetIntegerRange().Max));
    }
}
