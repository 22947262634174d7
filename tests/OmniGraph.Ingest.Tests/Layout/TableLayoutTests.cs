using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Layout;

public sealed class TableLayoutTests
{
    private static readonly SchemaCatalog s_catalog = SchemaCatalog.Compile("""
        node Person {
            name: String @key
            age: I32?
            role: enum(admin, guest)
            tags: [String]?
            joined: Date
            seen: DateTime?
            photo: Blob?
            embedding: Vector(3)?
            score: F64
        }
        edge Knows: Person -> Person { since: Date? }
        edge WorksAt: Person -> Person
        """);

    [Fact]
    public void NodeTable_HasIdThenPropertiesInDeclarationOrder()
    {
        var layout = TableLayout.For(s_catalog.NodeTypes[0]);

        Assert.Equal(
            ["id", "name", "age", "role", "tags", "joined", "seen", "photo", "embedding", "score"],
            layout.Schema.Fields.Select(f => f.Name));
        Assert.False(layout.Schema.Fields[0].IsNullable);
        Assert.Equal(1, layout.FirstPropertyColumn);
        Assert.Equal("node:Person", layout.TableName);
    }

    [Fact]
    public void EdgeTable_HasIdSourceTargetThenProperties()
    {
        var layout = TableLayout.For(s_catalog.EdgeTypes[0]);

        Assert.Equal(["id", "src", "dst", "since"], layout.Schema.Fields.Select(f => f.Name));
        Assert.True(layout.IsEdge);
        Assert.Equal(3, layout.ColumnOf(s_catalog.EdgeTypes[0].GetProperty("since")));
    }

    [Fact]
    public void BodylessEdge_HasOnlyPhysicalColumns()
    {
        Assert.Equal(3, TableLayout.For(s_catalog.EdgeTypes[1]).ColumnCount);
    }

    [Fact]
    public void PropertyTypes_MapToDocumentedArrowTypes()
    {
        var person = TableLayout.For(s_catalog.NodeTypes[0]);
        ArrowType TypeOf(string name) => person.Schema.Fields[person.Schema.GetFieldIndex(name)].Type;

        Assert.Equal(ArrowType.Utf8, TypeOf("name"));
        Assert.Equal(ArrowType.Int32, TypeOf("age"));
        Assert.Equal(ArrowType.Utf8, TypeOf("role"));
        Assert.Equal(ArrowTypeId.List, TypeOf("tags").Id);
        Assert.Equal(ArrowType.Utf8, TypeOf("tags").ValueType);
        Assert.Equal(ArrowType.Date32, TypeOf("joined"));
        Assert.Equal(ArrowType.TimestampMillisecondUtc, TypeOf("seen"));
        Assert.Equal(ArrowType.Binary, TypeOf("photo"));
        Assert.Equal(ArrowTypeId.FixedSizeList, TypeOf("embedding").Id);
        Assert.Equal(ArrowType.Float32, TypeOf("embedding").ValueType);
        Assert.Equal(ArrowType.Float64, TypeOf("score"));
    }

    [Fact]
    public void NullabilityFollowsTheProperty()
    {
        var person = TableLayout.For(s_catalog.NodeTypes[0]);

        Assert.False(person.Schema.Fields[person.Schema.GetFieldIndex("name")].IsNullable);
        Assert.True(person.Schema.Fields[person.Schema.GetFieldIndex("age")].IsNullable);
    }

    /// <summary>Stored fragments must stay attributable to a property after a rename, so each column carries its stable id.</summary>
    [Fact]
    public void PropertyColumns_CarryStableIds()
    {
        var type = s_catalog.NodeTypes[0];
        var layout = TableLayout.For(type);

        for (var i = 0; i < type.Properties.Length; i++)
        {
            var field = layout.Schema.Fields[layout.FirstPropertyColumn + i];
            Assert.True(field.Metadata.TryGetValue(TableLayout.PropertyIdMetadataKey, out var id));
            Assert.Equal(type.Properties[i].StableId.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
            Assert.Same(type.Properties[i], layout.PropertyAt(layout.FirstPropertyColumn + i));
        }

        Assert.Null(layout.PropertyAt(0));
    }

    [Fact]
    public void For_ReturnsTheSameInstancePerType()
    {
        Assert.Same(TableLayout.For(s_catalog.NodeTypes[0]), TableLayout.For(s_catalog.NodeTypes[0]));
    }

    [Fact]
    public void ColumnOf_RejectsAForeignProperty()
    {
        var layout = TableLayout.For(s_catalog.EdgeTypes[0]);

        Assert.Throws<ArgumentException>(() => layout.ColumnOf(s_catalog.NodeTypes[0].GetProperty("age")));
    }
}
