using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Tests.Parsing;

/// <summary>Every grammar construct of languages.md §1.2 parses into the expected syntax tree.</summary>
public sealed class SchemaParserTests
{
    [Fact]
    public void Parse_EmptyAndCommentOnlyFiles()
    {
        Assert.Empty(SchemaParser.Parse(string.Empty).Declarations);
        Assert.Empty(SchemaParser.Parse("  // nothing\n/* at all */\r\n").Declarations);
    }

    [Fact]
    public void Parse_NodeWithAnnotationsImplementsAndMembers()
    {
        var document = SchemaParser.Parse("""
            node Task @description("x") @team(core, since=2024) implements Named, Dated {
                title: String @index
                @unique(title)
            }
            """);
        var node = Assert.IsType<NodeDeclarationSyntax>(Assert.Single(document.Declarations));
        Assert.Equal("Task", node.Name.Text);
        Assert.Equal(new SourcePosition(1, 1), node.Position);
        Assert.Equal(new SourcePosition(1, 6), node.Name.Position);
        Assert.Equal(["description", "team"], node.Annotations.Select(a => a.Name.Text));
        var team = node.Annotations[1];
        Assert.Equal(new LiteralSyntax(LiteralKind.Identifier, "core", new(1, 35)), team.Value);
        Assert.Equal("since", team.Arguments.Single().Name.Text);
        Assert.Equal(LiteralKind.Integer, team.Arguments.Single().Value.Kind);
        Assert.Equal(["Named", "Dated"], node.Implements.Select(i => i.Text));
        Assert.Equal("title", node.Properties.Single().Name.Text);
        Assert.Equal(ConstraintKind.Unique, node.Constraints.Single().Kind);
    }

    [Fact]
    public void Parse_EdgeWithCardinalityAnnotationsAndOptionalBody()
    {
        var document = SchemaParser.Parse("""
            edge OwnedBy: Decision -> Actor @card(1..1) @description("owner")
            edge Follows: Person -> Person
            edge Knows: Person -> Person { since: Date? }
            edge Tagged: Doc -> Tag {}
            """);
        var edges = document.Declarations.Cast<EdgeDeclarationSyntax>().ToArray();
        Assert.Equal(["OwnedBy", "Follows", "Knows", "Tagged"], edges.Select(e => e.Name.Text));
        Assert.Equal("Decision", edges[0].From.Text);
        Assert.Equal("Actor", edges[0].To.Text);
        Assert.Equal("1", edges[0].Cardinality!.Min);
        Assert.Equal("1", edges[0].Cardinality!.Max);
        Assert.Equal("description", edges[0].Annotations.Single().Name.Text);
        Assert.Null(edges[1].Cardinality);
        Assert.Empty(edges[1].Properties);
        Assert.Equal("since", edges[2].Properties.Single().Name.Text);
        Assert.Empty(edges[3].Properties);
    }

    [Theory]
    [InlineData("@card(1..)", "1", null)]
    [InlineData("@card(0..)", "0", null)]
    [InlineData("@card(1..*)", "1", null)]
    [InlineData("@card(0..*)", "0", null)]
    [InlineData("@card(2..5)", "2", "5")]
    public void Parse_CardinalityForms(string clause, string min, string? max)
    {
        var edge = (EdgeDeclarationSyntax)SchemaParser.Parse($"edge E: A -> B {clause}").Declarations.Single();
        Assert.Equal(min, edge.Cardinality!.Min);
        Assert.Equal(max, edge.Cardinality.Max);
    }

    [Fact]
    public void Parse_InterfaceWithPropertyAnnotations()
    {
        var contract = (InterfaceDeclarationSyntax)SchemaParser.Parse("interface Slugged { slug: String @key @description(\"id\") }").Declarations.Single();
        Assert.Equal("Slugged", contract.Name.Text);
        Assert.Equal(["key", "description"], contract.Properties.Single().Annotations.Select(a => a.Name.Text));
        Assert.Empty(contract.Constraints);
    }

    [Fact]
    public void Parse_AllTypeShapes()
    {
        var node = SchemaParser.Parse("""
            node T {
                a: String  b: Bool?  c: I32  d: I64  e: U32  f: U64  g: F32  h: F64  i: Date  j: DateTime  k: Blob?
                l: [String]  m: [I64]?  n: Vector(768)  o: Vector(3)?  p: enum(b, a-1, 2x)  q: enum(x)?
            }
            """).Declarations.Single();
        var types = node.Properties.ToDictionary(p => p.Name.Text, p => p.Type);
        Assert.Equal(TypeReferenceKind.Base, types["a"].Kind);
        Assert.True(types["b"].IsNullable);
        Assert.Equal(ScalarKind.DateTime, types["j"].BaseType);
        Assert.Equal(TypeReferenceKind.List, types["m"].Kind);
        Assert.Equal(ScalarKind.I64, types["m"].BaseType);
        Assert.True(types["m"].IsNullable);
        Assert.Equal("768", types["n"].VectorDimension);
        Assert.Equal(["b", "a-1", "2x"], types["p"].EnumValues.Select(v => v.Text));
        Assert.True(types["q"].IsNullable);
    }

    [Fact]
    public void Parse_BodyItemsNeedNoSeparators()
    {
        var node = SchemaParser.Parse("node T { a: String b: I32? @unique(a) c: Bool }").Declarations.Single();
        Assert.Equal(["a", "b", "c"], node.Properties.Select(p => p.Name.Text));
        Assert.Single(node.Constraints);
    }

    [Fact]
    public void Parse_PropertyAnnotationWithParenthesesIsABodyConstraint()
    {
        var node = SchemaParser.Parse("node T { name: String @index @key(name) }").Declarations.Single();
        Assert.Equal("index", node.Properties.Single().Annotations.Single().Name.Text);
        var key = node.Constraints.Single();
        Assert.Equal(ConstraintKind.Key, key.Kind);
        Assert.Equal(new SourcePosition(1, 30), key.Position);
    }

    [Fact]
    public void Parse_AnnotationOnNextLineAttachesToPreviousProperty()
    {
        var node = SchemaParser.Parse("node T {\n  name: String\n  @description(\"n\")\n}").Declarations.Single();
        Assert.Equal("description", node.Properties.Single().Annotations.Single().Name.Text);
    }

    [Fact]
    public void Parse_ConstraintArgumentShapes()
    {
        var node = SchemaParser.Parse("""
            node T {
                a: I32  b: F64  c: String
                @range(a, 0..100)
                @range(b, -1.5..)
                @range(a, ..10)
                @range(b, -2..-1)
                @check(c, "^[a-z]+$")
                @index(a, b)
            }
            """).Declarations.Single();
        var ranges = node.Constraints.Where(c => c.Kind == ConstraintKind.Range).Select(c => c.Arguments[1]).ToArray();
        Assert.All(ranges, r => Assert.Equal(ConstraintArgumentKind.Range, r.Kind));
        Assert.Equal(("0", "100"), (ranges[0].Min?.Text, ranges[0].Max?.Text));
        Assert.Equal(("-1.5", (string?)null), (ranges[1].Min?.Text, ranges[1].Max?.Text));
        Assert.True(ranges[1].Min!.Value.IsFloat);
        Assert.Equal(((string?)null, "10"), (ranges[2].Min?.Text, ranges[2].Max?.Text));
        Assert.Equal(("-2", "-1"), (ranges[3].Min?.Text, ranges[3].Max?.Text));
        var check = node.Constraints.Single(c => c.Kind == ConstraintKind.Check);
        Assert.Equal(ConstraintArgumentKind.String, check.Arguments[1].Kind);
        Assert.Equal("^[a-z]+$", check.Arguments[1].Text);
    }

    [Fact]
    public void Parse_AnnotationValueKinds()
    {
        var node = SchemaParser.Parse("node T { a: String @m(\"s\\n\") @n(ident) @o(12) @p(1.25) @q(true) @r(false, k=\"v\", l=2) @s }").Declarations.Single();
        var annotations = node.Properties.Single().Annotations;
        Assert.Equal(
            [(LiteralKind.String, "s\n"), (LiteralKind.Identifier, "ident"), (LiteralKind.Integer, "12"), (LiteralKind.Float, "1.25"), (LiteralKind.Bool, "true"), (LiteralKind.Bool, "false")],
            annotations.Take(6).Select(a => (a.Value!.Value.Kind, a.Value.Value.Text)));
        Assert.Equal(["k", "l"], annotations[5].Arguments.Select(a => a.Name.Text));
        Assert.Null(annotations[6].Value);
    }

    [Fact]
    public void Parse_KeywordArgumentsWithoutPositionalValue()
    {
        var annotation = SchemaParser.Parse("node T @meta(owner=\"x\") {}").Declarations.Single().Annotations.Single();
        Assert.Null(annotation.Value);
        Assert.Equal("owner", annotation.Arguments.Single().Name.Text);
    }

    [Fact]
    public void Parse_CommentsAnywhereWhitespaceIsAllowed()
    {
        var node = SchemaParser.Parse("node /*a*/ Person /*b*/ { /*c*/ name /*d*/ : /*e*/ String /*f*/ @key // g\n }").Declarations.Single();
        Assert.Equal("Person", node.Name.Text);
        Assert.Equal("key", node.Properties.Single().Annotations.Single().Name.Text);
    }

    [Fact]
    public void Parse_KeepsDeclarationOrder()
    {
        var document = SchemaParser.Parse("edge E: A -> B\nnode A implements I {}\ninterface I {}\nnode B {}");
        Assert.Equal(
            [DeclarationKind.Edge, DeclarationKind.Node, DeclarationKind.Interface, DeclarationKind.Node],
            document.Declarations.Select(d => d.Kind));
    }
}
