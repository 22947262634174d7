namespace OmniGraph.Arrow.Tests.Model;

public sealed class SchemaAndMetadataTests
{
    [Fact]
    public void Metadata_KeepsOrderAndDuplicates()
    {
        var metadata = ArrowMetadata.Of(("b", "1"), ("a", "2"), ("b", "3"));

        Assert.Equal(["b", "a", "b"], metadata.Select(e => e.Key));
        Assert.True(metadata.TryGetValue("b", out var first));
        Assert.Equal("1", first);
        Assert.False(metadata.TryGetValue("c", out _));
        Assert.NotEqual(metadata, ArrowMetadata.Of(("a", "2"), ("b", "1"), ("b", "3")));
        Assert.Equal(metadata, new ArrowMetadata(metadata.ToList()));
    }

    [Fact]
    public void Metadata_RejectsNullEntries()
    {
        Assert.Throws<ArgumentException>(() => new ArrowMetadata([new KeyValuePair<string, string>("k", null!)]));
    }

    [Fact]
    public void Schema_EqualityCoversFieldsAndMetadata()
    {
        var fields = new[] { new ArrowField("a", ArrowType.Int32, true), new ArrowField("b", ArrowType.Utf8, false) };
        var schema = new ArrowSchema(fields, ArrowMetadata.Of(("k", "v")));

        Assert.Equal(schema, new ArrowSchema(fields, ArrowMetadata.Of(("k", "v"))));
        Assert.NotEqual(schema, new ArrowSchema(fields));
        Assert.NotEqual(schema, new ArrowSchema(fields.Reverse(), ArrowMetadata.Of(("k", "v"))));
        Assert.NotEqual(schema, new ArrowSchema([fields[0], new ArrowField("b", ArrowType.Utf8, true)], ArrowMetadata.Of(("k", "v"))));
        Assert.Equal(1, schema.GetFieldIndex("b"));
        Assert.Equal(-1, schema.GetFieldIndex("B"));
    }
}
