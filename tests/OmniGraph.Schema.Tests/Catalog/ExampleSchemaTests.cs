namespace OmniGraph.Schema.Tests.Catalog;

/// <summary>The annotated example schema (languages.md §1.10): every construct lands in the catalog as specified.</summary>
public sealed class ExampleSchemaTests
{
    private readonly SchemaCatalog _catalog = Fixture.Compile("example.pg");

    [Fact]
    public void Example_DeclaresTypesInOrder()
    {
        Assert.Equal(["Slugged", "Described"], _catalog.Interfaces.Select(i => i.Name));
        Assert.Equal(["Doc", "Person", "Task"], _catalog.NodeTypes.Select(n => n.Name));
        Assert.Equal(["Cites", "AuthoredBy", "Mentions", "Follows"], _catalog.EdgeTypes.Select(e => e.Name));
    }

    [Fact]
    public void Doc_InjectsInterfacePropertiesAfterOwnProperties()
    {
        var doc = _catalog.GetNodeType("Doc");
        Assert.Equal(
            ["body", "status", "tags", "score", "rank", "published_on", "updated_at", "embedding", "attachment", "legacy_name", "slug", "title", "summary"],
            doc.Properties.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, doc.Properties.Length), doc.Properties.Select(p => p.Ordinal));
        Assert.Equal("Slugged", doc.GetProperty("slug").InheritedFrom);
        Assert.Equal("Described", doc.GetProperty("summary").InheritedFrom);
        Assert.Null(doc.GetProperty("body").InheritedFrom);
        Assert.Equal("stable id", doc.GetProperty("slug").Description);
        Assert.Equal<string>(["Slugged", "Described"], doc.Implements);
    }

    [Fact]
    public void Doc_PropertyTypesAndDisplayNames()
    {
        var doc = _catalog.GetNodeType("Doc");
        string Type(string name) => doc.GetProperty(name).Type.DisplayName;
        Assert.Equal("String?", Type("body"));
        Assert.Equal("enum(archived-2, draft, published)", Type("status"));
        Assert.Equal("[String]?", Type("tags"));
        Assert.Equal("F64?", Type("score"));
        Assert.Equal("I32?", Type("rank"));
        Assert.Equal("Date?", Type("published_on"));
        Assert.Equal("DateTime?", Type("updated_at"));
        Assert.Equal("Vector(4)?", Type("embedding"));
        Assert.Equal("Blob?", Type("attachment"));
        Assert.Equal("String", Type("slug"));
        Assert.False(doc.GetProperty("status").IsNullable);
        Assert.True(doc.GetProperty("summary").IsNullable);
    }

    [Fact]
    public void Doc_AnnotationsBecomeMetadata()
    {
        var doc = _catalog.GetNodeType("Doc");
        Assert.Equal("A document", doc.Description);
        Assert.Equal("query by slug", doc.Instruction);
        Assert.Equal(new EmbedSpec("title", "openai/text-embedding-3-large"), doc.GetProperty("embedding").Embed);
        Assert.True(doc.GetProperty("embedding").HasIndexAnnotation);
        Assert.Equal("old_name", doc.GetProperty("legacy_name").RenameFrom);
    }

    [Fact]
    public void Doc_ConstraintsInCatalogOrder()
    {
        var doc = _catalog.GetNodeType("Doc");
        Assert.Equal(
            ["@index(body)", "@index(embedding)", "@range(rank, 0..100)", "@range(score, -1.5..)", "@check(slug, \"^[a-z0-9-]+$\")", "@unique(title, status)", "@index(status, published_on)", "@key(slug)"],
            doc.Constraints.Select(c => c.ToSourceText()));
        Assert.Equal(ConstraintOrigin.Interface, doc.Key!.Origin);
        Assert.Equal("Slugged", doc.Key.InterfaceName);
        Assert.Equal(["slug"], doc.KeyProperties.Select(p => p.Name));
        Assert.Equal(["rank", "score"], doc.RangeConstraints.Select(r => r.PropertyName));
        Assert.Equal(0, doc.RangeConstraints[0].Min!.Value.IntegerValue);
        Assert.Null(doc.RangeConstraints[1].Max);
        Assert.Equal(-1.5, doc.RangeConstraints[1].Min!.Value.Value);
        Assert.Equal("^[a-z0-9-]+$", doc.CheckConstraints.Single().Pattern);
    }

    [Fact]
    public void Task_HasCompositeKey()
    {
        var task = _catalog.GetNodeType("Task");
        Assert.True(task.Key!.IsComposite);
        Assert.Equal<string>(["project", "number"], task.Key.PropertyNames);
        Assert.Equal(["project", "number"], task.KeyProperties.Select(p => p.Name));
        Assert.Equal(ConstraintOrigin.Body, task.Key.Origin);
    }

    [Fact]
    public void Edges_CarryEndpointsCardinalityAndConstraints()
    {
        var cites = _catalog.GetEdgeType("Cites");
        Assert.Same(_catalog.GetNodeType("Doc"), cites.From);
        Assert.Same(_catalog.GetNodeType("Doc"), cites.To);
        Assert.Equal<string>(["src", "dst"], cites.UniqueConstraints.Single().Columns);
        Assert.Equal(EdgeCardinality.Default, cites.Cardinality);

        var authoredBy = _catalog.GetEdgeType("AuthoredBy");
        Assert.Equal(new EdgeCardinality(1, 1), authoredBy.Cardinality);
        Assert.Equal("exactly one author per doc", authoredBy.Description);

        Assert.True(_catalog.GetEdgeType("Mentions").Cardinality.IsDefault);
        var follows = _catalog.GetEdgeType("Follows");
        Assert.Empty(follows.Properties);
        Assert.Empty(follows.Constraints);
    }
}
