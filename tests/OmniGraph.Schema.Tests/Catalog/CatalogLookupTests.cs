using System.Text;

namespace OmniGraph.Schema.Tests.Catalog;

/// <summary>Lookups the rest of the system uses: exact node names, exact-then-case-insensitive edge names, properties.</summary>
public sealed class CatalogLookupTests
{
    private readonly SchemaCatalog _catalog = Fixture.Compile("test.pg");

    [Fact]
    public void NodeLookupIsExact()
    {
        Assert.True(_catalog.TryGetNodeType("Person", out var person));
        Assert.Same(person, _catalog.GetNodeType("Person"));
        Assert.False(_catalog.TryGetNodeType("person", out _));
        Assert.True(_catalog.TryGetNodeType("Person".AsSpan(), out var viaSpan));
        Assert.Same(person, viaSpan);
        Assert.True(_catalog.TryGetNodeTypeUtf8("Person"u8, out var viaUtf8));
        Assert.Same(person, viaUtf8);
        Assert.False(_catalog.TryGetNodeTypeUtf8("Persons"u8, out _));
    }

    [Fact]
    public void UnknownNodeTypeIsATypedError()
    {
        var error = Assert.Throws<SchemaException>(() => _catalog.GetNodeType("Nope"));
        Assert.Equal(ErrorCodes.SchemaUnknownType, error.Code);
        Assert.Equal("unknown node type 'Nope'", error.Message);
    }

    [Theory]
    [InlineData("WorksAt")]
    [InlineData("worksAt")]
    [InlineData("worksat")]
    [InlineData("WORKSAT")]
    public void EdgeLookupFallsBackToCaseInsensitive(string name)
    {
        var expected = _catalog.EdgeTypes[1];
        Assert.True(_catalog.TryGetEdgeType(name, out var edge));
        Assert.Same(expected, edge);
        Assert.True(_catalog.TryGetEdgeType(name.AsSpan(), out edge));
        Assert.Same(expected, edge);
        Assert.True(_catalog.TryGetEdgeTypeUtf8(Encoding.UTF8.GetBytes(name), out edge));
        Assert.Same(expected, edge);
        Assert.Same(expected, _catalog.GetEdgeType(name));
    }

    [Fact]
    public void ExactEdgeLookup()
    {
        Assert.True(_catalog.TryGetEdgeTypeExact("Knows", out _));
        Assert.False(_catalog.TryGetEdgeTypeExact("knows", out _));
        var error = Assert.Throws<SchemaException>(() => _catalog.GetEdgeType("Likes"));
        Assert.Equal("unknown edge type 'Likes'", error.Message);
    }

    [Fact]
    public void TableNamesAndElementLookup()
    {
        Assert.Equal("node:Person", _catalog.GetNodeType("Person").TableName);
        Assert.Equal("edge:Knows", _catalog.GetEdgeType("Knows").TableName);
        Assert.True(_catalog.TryGetElementType("edge:WorksAt", out var element));
        Assert.Equal(ElementKind.Edge, element.Kind);
        Assert.False(_catalog.TryGetElementType("edge:worksat", out _));
        Assert.False(_catalog.TryGetElementType("Person", out _));
    }

    [Fact]
    public void PropertyLookups()
    {
        var person = _catalog.GetNodeType("Person");
        var age = person.GetProperty("age");
        Assert.Equal(1, age.Ordinal);
        Assert.Same(person, age.Owner);
        Assert.Equal("Person.age", age.QualifiedName);
        Assert.True(person.TryGetProperty("age".AsSpan(), out var viaSpan));
        Assert.Same(age, viaSpan);
        Assert.True(person.TryGetPropertyUtf8("age"u8, out var viaUtf8));
        Assert.Same(age, viaUtf8);
        Assert.True(age.NameUtf8.Span.SequenceEqual("age"u8));
        Assert.False(person.TryGetProperty("Age", out _));
        var error = Assert.Throws<SchemaException>(() => person.GetProperty("height"));
        Assert.Equal(ErrorCodes.SchemaUnknownProperty, error.Code);
        Assert.Equal("unknown property 'height' on node Person", error.Message);
    }

    [Fact]
    public void LongUtf8NamesFallBackToAllocatingLookup()
    {
        var name = "p" + new string('x', SchemaLimits.MaxNameLength - 1);
        var catalog = SchemaCatalog.Compile($"node A {{ {name}: I32 }}");
        Assert.True(catalog.GetNodeType("A").TryGetPropertyUtf8(Encoding.UTF8.GetBytes(name), out var property));
        Assert.Equal(name, property.Name);

        // Input (a JSONL member) may name anything: a name longer than the transcoding buffer is looked up and not found.
        Assert.False(catalog.GetNodeType("A").TryGetPropertyUtf8(Encoding.UTF8.GetBytes(new string('x', 400)), out _));
    }

    [Fact]
    public void EdgeEndpointsAndAdjacentEdgeTypes()
    {
        var person = _catalog.GetNodeType("Person");
        var company = _catalog.GetNodeType("Company");
        Assert.Equal(["Knows", "WorksAt"], _catalog.GetOutgoingEdgeTypes(person).Select(e => e.Name));
        Assert.Equal(["Knows"], _catalog.GetIncomingEdgeTypes(person).Select(e => e.Name));
        Assert.Equal(["WorksAt"], _catalog.GetIncomingEdgeTypes(company).Select(e => e.Name));
        Assert.Empty(_catalog.GetOutgoingEdgeTypes(company));
    }

    [Fact]
    public void ConstraintsKnowTheirOwner()
    {
        var person = _catalog.GetNodeType("Person");
        Assert.Same(person, person.Key!.Owner);
    }
}
