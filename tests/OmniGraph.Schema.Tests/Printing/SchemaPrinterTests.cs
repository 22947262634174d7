namespace OmniGraph.Schema.Tests.Printing;

/// <summary>The canonical printer (<c>schema show</c>): stable text, every construct, parse(print(c)) equals c.</summary>
public sealed class SchemaPrinterTests
{
    public static TheoryData<string> Fixtures => [.. Fixture.All];

    [Fact]
    public void PrintsTestFixtureCanonically() =>
        Assert.Equal(
            """
            node Person {
                name: String @key
                age: I32?
            }

            node Company {
                name: String @key
            }

            edge Knows: Person -> Person {
                since: Date?
            }

            edge WorksAt: Person -> Company

            """.ReplaceLineEndings("\n"),
            Fixture.Compile("test.pg").Print());

    [Fact]
    public void PrintsEveryConstructOfTheExample() =>
        Assert.Equal(
            """
            interface Slugged {
                slug: String @key @description("stable id")
            }

            interface Described {
                title: String
                summary: String?
            }

            node Doc @description("A document") @instruction("query by slug") implements Slugged, Described {
                body: String? @index
                status: enum(archived-2, draft, published)
                tags: [String]?
                score: F64?
                rank: I32?
                published_on: Date?
                updated_at: DateTime?
                embedding: Vector(4)? @index @embed("title", model="openai/text-embedding-3-large")
                attachment: Blob?
                legacy_name: String? @rename_from("old_name")
                @range(rank, 0..100)
                @range(score, -1.5..)
                @check(slug, "^[a-z0-9-]+$")
                @unique(title, status)
                @index(status, published_on)
            }

            node Person {
                email: String @key
                name: String
            }

            node Task {
                project: String
                number: I64
                @key(project, number)
            }

            edge Cites: Doc -> Doc {
                note: String?
                @unique(src, dst)
            }

            edge AuthoredBy: Doc -> Person @card(1..1) @description("exactly one author per doc")

            edge Mentions: Doc -> Person

            edge Follows: Person -> Person

            """.ReplaceLineEndings("\n"),
            Fixture.Compile("example.pg").Print());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ParsePrintRoundTrip(string fixture)
    {
        var catalog = Fixture.Compile(fixture);
        var printed = catalog.Print();
        var reparsed = SchemaCatalog.Compile(printed, catalog.ToIr());
        Assert.Equal(catalog.ToIrJson(), reparsed.ToIrJson());
        Assert.Equal(printed, reparsed.Print());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FreshReparseOfPrintedFixturesEqualsTheOriginal(string fixture)
    {
        // The fixtures declare interfaces, nodes and edges in the printer's order, so even fresh ids agree.
        var catalog = Fixture.Compile(fixture);
        Assert.Equal(catalog.ContentHash, SchemaCatalog.Compile(catalog.Print()).ContentHash);
    }

    [Fact]
    public void CommentsAreNotPreserved()
    {
        var printed = SchemaCatalog.Compile("// keep?\nnode A { /* no */ a: I32 // nope\n}").Print();
        Assert.Equal("node A {\n    a: I32\n}\n", printed);
    }

    [Fact]
    public void EscapesStringsAndKeepsCustomAnnotationLiterals()
    {
        const string source = "node A @tag(core) @meta(\"q\\\"uote\\\\\", n=1, f=2.50, b=false) { a: String @description(\"line\\nnext\\ttab\\r\") @default(\"x\") @flag }";
        var catalog = SchemaCatalog.Compile(source);
        var printed = catalog.Print();
        Assert.Equal(
            "node A @tag(core) @meta(\"q\\\"uote\\\\\", n=1, f=2.50, b=false) {\n    a: String @default(\"x\") @description(\"line\\nnext\\ttab\\r\") @flag\n}\n",
            printed);
        Assert.Equal(catalog.ContentHash, SchemaCatalog.Compile(printed).ContentHash);
    }

    [Fact]
    public void EmptyBodiesAndOmittedDefaultCardinality()
    {
        var printed = SchemaCatalog.Compile("node Tag {}\nedge Tagged: Tag -> Tag @card(0..*) {}\nedge Max: Tag -> Tag @card(0..*) @rename_from(\"Most\")").Print();
        Assert.Equal("node Tag {}\n\nedge Tagged: Tag -> Tag\n\nedge Max: Tag -> Tag @rename_from(\"Most\")\n", printed);
    }

    [Fact]
    public void InterfaceOnlyAndEmptyCatalogs()
    {
        Assert.Equal(string.Empty, SchemaCatalog.Compile("// nothing").Print());
        Assert.Equal("interface I {}\n", SchemaCatalog.Compile("interface I {}").Print());
    }

    [Fact]
    public void RedeclaredInterfacePropertiesStayInTheNodeBody()
    {
        var printed = SchemaCatalog.Compile("interface I { a: String @unique  b: I32 }\nnode N implements I { a: String @index }").Print();
        Assert.Equal("interface I {\n    a: String @unique\n    b: I32\n}\n\nnode N implements I {\n    a: String @index\n}\n", printed);
    }

    [Fact]
    public void PrintsSinglePropertiesTypesAndConstraints()
    {
        var doc = Fixture.Compile("example.pg").GetNodeType("Doc");
        Assert.Equal("embedding: Vector(4)? @index @embed(\"title\", model=\"openai/text-embedding-3-large\")", SchemaPrinter.PrintProperty(doc.GetProperty("embedding")));
        Assert.Equal("[String]?", SchemaPrinter.PrintType(doc.GetProperty("tags").Type));
        Assert.Equal("@range(score, -1.5..)", SchemaPrinter.PrintConstraint(doc.RangeConstraints[1]));
        Assert.Equal("@check(slug, \"^[a-z0-9-]+$\")", doc.CheckConstraints[0].ToString());
    }
}
