using System.Security.Cryptography;
using System.Text;
using OmniGraph.Schema.Ir;

namespace OmniGraph.Schema.Tests.Ir;

/// <summary>The schema IR: deterministic canonical JSON, exact round trip, content hash.</summary>
public sealed class SchemaIrTests
{
    public static TheoryData<string> Fixtures => [.. Fixture.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SameInputGivesByteIdenticalJson(string fixture)
    {
        var first = Fixture.Compile(fixture);
        var second = Fixture.Compile(fixture);
        Assert.Equal(first.CanonicalIrUtf8.ToArray(), second.CanonicalIrUtf8.ToArray());
        Assert.Equal(first.ToIrJson(), second.ToIrJson());
        Assert.Equal(first.ToIrJson(indented: true), second.ToIrJson(indented: true));
        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RoundTripsExactly(string fixture)
    {
        var catalog = Fixture.Compile(fixture);
        var json = catalog.ToIrJson();
        var restored = SchemaCatalog.FromIrJson(json);
        Assert.Equal(json, restored.ToIrJson());
        Assert.Equal(catalog.ContentHash, restored.ContentHash);
        Assert.Equal(catalog.Print(), restored.Print());

        var fromIndented = SchemaCatalog.FromIrJson(Encoding.UTF8.GetBytes(catalog.ToIrJson(indented: true)));
        Assert.Equal(json, fromIndented.ToIrJson());
    }

    [Fact]
    public void RoundTripPreservesTheModel()
    {
        var catalog = Fixture.Compile("example.pg");
        var restored = SchemaCatalog.FromIr(catalog.ToIr());
        var doc = restored.GetNodeType("Doc");
        Assert.Equal(catalog.GetNodeType("Doc").Properties.Select(p => (p.Name, p.StableId, p.Type, p.InheritedFrom)), doc.Properties.Select(p => (p.Name, p.StableId, p.Type, p.InheritedFrom)));
        Assert.Equal(catalog.GetNodeType("Doc").Constraints.Select(c => (c.ToSourceText(), c.Origin)), doc.Constraints.Select(c => (c.ToSourceText(), c.Origin)));
        Assert.Equal(new EdgeCardinality(1, 1), restored.GetEdgeType("AuthoredBy").Cardinality);
        Assert.Equal(new EmbedSpec("title", "openai/text-embedding-3-large"), doc.GetProperty("embedding").Embed);
        Assert.Equal(catalog.NextStableId, restored.NextStableId);
    }

    [Fact]
    public void LayoutAndCommentsDoNotChangeTheIr()
    {
        var a = SchemaCatalog.Compile("node Person { name: String @key  age: I32? }");
        var b = SchemaCatalog.Compile("// people\nnode Person {\n    name: String   @key\n    /* optional */ age: I32?\n}\n");
        Assert.Equal(a.ContentHash, b.ContentHash);
    }

    [Fact]
    public void CanonicalJsonHasStableMemberOrderAndSnakeCase()
    {
        var json = SchemaCatalog.Compile("node A { a: I32? @key_like }\nedge E: A -> A @card(1..)").ToIrJson();
        Assert.Equal(
            """{"format_version":1,"next_stable_id":4,"interfaces":[],"node_types":[{"stable_id":1,"name":"A","implements":[],"annotations":[],"properties":[{"stable_id":2,"name":"a","type":{"kind":"scalar","scalar":"I32","nullable":true},"annotations":[{"name":"key_like","arguments":[]}]}],"constraints":[]}],"edge_types":[{"stable_id":3,"name":"E","from":"A","to":"A","cardinality":{"min":1},"annotations":[],"properties":[],"constraints":[]}]}""",
            json);
    }

    [Fact]
    public void ContentHashIsSha256OfCanonicalJson()
    {
        var catalog = Fixture.Compile("test.pg");
        var expected = Convert.ToHexStringLower(SHA256.HashData(catalog.CanonicalIrUtf8.Span));
        Assert.Equal(expected, catalog.ContentHash);
        Assert.Equal(64, catalog.ContentHash.Length);
        Assert.Equal(expected, SchemaIrSerializer.ComputeContentHash(catalog.ToIr()));
    }

    [Fact]
    public void ContentHashChangesWithAnyDeclaredDetail()
    {
        var baseline = SchemaCatalog.Compile("node A { a: I32 }").ContentHash;
        Assert.NotEqual(baseline, SchemaCatalog.Compile("node A { a: I32? }").ContentHash);
        Assert.NotEqual(baseline, SchemaCatalog.Compile("node A { a: I32 @description(\"x\") }").ContentHash);
        Assert.NotEqual(baseline, SchemaCatalog.Compile("node A { a: I64 }").ContentHash);
    }

    [Fact]
    public void Malformed_Json() => AssertInvalid("{\"format_version\":1,", "malformed JSON: line 1, column 21: the text ends inside an object (expected a member name)");

    [Fact]
    public void Malformed_UnknownMember() =>
        AssertInvalid(Mutate(json => json.Replace("\"format_version\":1,", "\"format_version\":1,\"extra\":true,", StringComparison.Ordinal)), "malformed JSON");

    [Fact]
    public void Malformed_DuplicateMember() =>
        AssertInvalid(Mutate(json => json.Replace("\"format_version\":1,", "\"format_version\":1,\"format_version\":1,", StringComparison.Ordinal)), "malformed JSON");

    [Fact]
    public void Malformed_MissingRequiredMember() =>
        AssertInvalid(Mutate(json => json.Replace("\"interfaces\":[],", string.Empty, StringComparison.Ordinal)), "malformed JSON");

    [Fact]
    public void Malformed_NullInNonNullableMember() =>
        AssertInvalid(Mutate(json => json.Replace("\"name\":\"Person\"", "\"name\":null", StringComparison.Ordinal)), "malformed JSON");

    [Fact]
    public void Malformed_NullDocumentAndNullElements()
    {
        AssertInvalid("null", "the document is JSON null");
        AssertInvalid(Mutate(json => json.Replace("\"edge_types\":[", "\"edge_types\":[null,", StringComparison.Ordinal)), "missing edge_types[]");
    }

    [Fact]
    public void UnsupportedFormatVersion() =>
        AssertInvalid(Mutate(json => json.Replace("\"format_version\":1", "\"format_version\":2", StringComparison.Ordinal)), "unsupported format version 2 (this build reads version 1)");

    [Fact]
    public void UnknownTypeKind() =>
        AssertInvalid(Mutate(json => json.Replace("\"kind\":\"scalar\"", "\"kind\":\"tensor\"", StringComparison.Ordinal)), "unknown type kind 'tensor'");

    [Fact]
    public void IrDescribingAnInvalidSchema() =>
        AssertInvalid(Mutate(json => json.Replace("\"to\":\"Company\"", "\"to\":\"Ghost\"", StringComparison.Ordinal)), "the IR describes an invalid schema: edge WorksAt references unknown target type: Ghost");

    [Fact]
    public void InconsistentIdentity() =>
        AssertInvalid(Mutate(json => json.Replace("\"next_stable_id\":9", "\"next_stable_id\":3", StringComparison.Ordinal)), "next_stable_id is 3, expected 9");

    [Fact]
    public void DuplicateIdsAreInconsistent() =>
        AssertInvalid(Mutate(json => json.Replace("\"stable_id\":4,", "\"stable_id\":1,", StringComparison.Ordinal)), "first difference in node Company");

    [Fact]
    public void DerivedMembersMustMatch()
    {
        // Drop the desugared key constraint of Person: the rebuilt catalog has it, so the IR is not its image.
        var ir = Fixture.Compile("test.pg").ToIr();
        var person = ir.NodeTypes[0];
        var edited = new SchemaIr
        {
            FormatVersion = ir.FormatVersion,
            NextStableId = ir.NextStableId,
            Interfaces = ir.Interfaces,
            NodeTypes = [new NodeTypeIr { StableId = person.StableId, Name = person.Name, Implements = person.Implements, Annotations = person.Annotations, Properties = person.Properties, Constraints = [] }, ir.NodeTypes[1]],
            EdgeTypes = ir.EdgeTypes,
        };
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIr(edited));
        Assert.Equal(ErrorCodes.SchemaInvalidIr, error.Code);
        Assert.Contains("first difference in node Person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InjectedPropertiesMustMatchTheirInterface()
    {
        var json = Fixture.Compile("example.pg").ToIrJson();
        var tampered = json.Replace("\"inherited_from\":\"Described\"", "\"inherited_from\":\"Slugged\"", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIrJson(tampered));
        Assert.Equal(ErrorCodes.SchemaInvalidIr, error.Code);
    }

    [Fact]
    public void ReservedAnnotationNamesCannotHideInCustomAnnotations() =>
        AssertInvalid(
            Mutate(json => json.Replace("\"name\":\"Person\",\"implements\":[],\"annotations\":[]", "\"name\":\"Person\",\"implements\":[],\"annotations\":[{\"name\":\"key\",\"arguments\":[]}]", StringComparison.Ordinal)),
            "'@key' cannot be stored as a custom annotation");

    [Fact]
    public void UnparseableNamesAreRejected() =>
        AssertInvalid(Mutate(json => json.Replace("\"name\":\"age\"", "\"name\":\"Age Group\"", StringComparison.Ordinal)), "invalid property name 'Age Group'");

    [Fact]
    public void LiteralsMustPrintBackAsTheSameKind()
    {
        var json = SchemaCatalog.Compile("node A @tier(gold) {}").ToIrJson();
        var tampered = json.Replace("\"text\":\"gold\"", "\"text\":\"true\"", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIrJson(tampered));
        Assert.Contains("invalid Identifier literal 'true'", error.Message, StringComparison.Ordinal);
    }

    private static string Mutate(Func<string, string> edit)
    {
        var json = Fixture.Compile("test.pg").ToIrJson();
        var edited = edit(json);
        Assert.NotEqual(json, edited);
        return edited;
    }

    private static void AssertInvalid(string json, string fragment)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIrJson(json));
        Assert.Equal(ErrorCodes.SchemaInvalidIr, error.Code);
        Assert.StartsWith("invalid schema IR: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
