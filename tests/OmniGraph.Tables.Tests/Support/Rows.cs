using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Schema;

namespace OmniGraph.Tables.Tests.Support;

/// <summary>Builds record batches laid out exactly as the engine stores them (<see cref="TableLayout"/>).</summary>
internal static class Rows
{
    private static readonly SchemaCatalog s_social = SchemaCatalog.Compile(TestSchemas.Social);
    private static readonly SchemaCatalog s_items = SchemaCatalog.Compile(TestSchemas.Items);
    private static readonly SchemaCatalog s_catalog = SchemaCatalog.Compile(TestSchemas.Catalog);
    private static readonly SchemaCatalog s_roads = SchemaCatalog.Compile(TestSchemas.Roads);

    public static TableLayout Layout(string table, string schema = TestSchemas.Social)
    {
        var catalog = schema switch
        {
            TestSchemas.Social => s_social,
            TestSchemas.Items => s_items,
            TestSchemas.Catalog => s_catalog,
            TestSchemas.Roads => s_roads,
            _ => SchemaCatalog.Compile(schema),
        };
        return catalog.TryGetElementType(table, out var type) ? TableLayout.For(type) : throw new ArgumentException(table);
    }

    /// <summary>Person rows: (name, age, email).</summary>
    public static RecordBatch Persons(params (string Name, int? Age, string? Email)[] people)
    {
        var layout = Layout("node:Person");
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var ages = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var emails = new Utf8ColumnBuilder();
        foreach (var (name, age, email) in people)
        {
            ids.Append(name);
            names.Append(name);
            ages.Append(age);
            emails.Append(email);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), names.Build(), ages.Build(), emails.Build()]);
    }

    /// <summary>Person rows with just names (age and email null).</summary>
    public static RecordBatch Persons(params string[] names) =>
        Persons([.. names.Select(static n => (n, (int?)null, (string?)null))]);

    /// <summary>Many generated people <c>p{i:D7}</c> with age <c>i % 100</c>.</summary>
    public static RecordBatch ManyPersons(int start, int count, int ageOffset = 0)
    {
        var layout = Layout("node:Person");
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var ages = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var emails = new Utf8ColumnBuilder();
        for (var i = start; i < start + count; i++)
        {
            var name = $"p{i:D7}";
            ids.Append(name);
            names.Append(name);
            ages.Append((i % 100) + ageOffset);
            emails.AppendNull();
        }

        return new RecordBatch(layout.Schema, [ids.Build(), names.Build(), ages.Build(), emails.Build()]);
    }

    /// <summary>Company rows.</summary>
    public static RecordBatch Companies(params string[] names) => KeyedNodes("node:Company", names);

    /// <summary>Edge rows (id, src, dst) of an edge table without properties.</summary>
    public static RecordBatch Edges(string table, params (string Id, string From, string To)[] edges) =>
        Edges(table, TestSchemas.Social, edges);

    /// <summary>Edge rows of an edge table without properties in another schema.</summary>
    public static RecordBatch Edges(string table, string schema, params (string Id, string From, string To)[] edges)
    {
        var layout = Layout(table, schema);
        var ids = new Utf8ColumnBuilder();
        var sources = new Utf8ColumnBuilder();
        var targets = new Utf8ColumnBuilder();
        foreach (var (id, from, to) in edges)
        {
            ids.Append(id);
            sources.Append(from);
            targets.Append(to);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), sources.Build(), targets.Build()]);
    }

    /// <summary>Rows of a node type whose only property is its single-property key (the id is the key value).</summary>
    public static RecordBatch KeyedNodes(string table, IEnumerable<string> keys, string schema = TestSchemas.Social)
    {
        var layout = Layout(table, schema);
        var ids = new Utf8ColumnBuilder();
        var values = new Utf8ColumnBuilder();
        foreach (var key in keys)
        {
            ids.Append(key);
            values.Append(key);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), values.Build()]);
    }

    /// <summary>Item rows (id, label) of the Items schema.</summary>
    public static RecordBatch Items(params (string Id, string Label)[] items)
    {
        var layout = Layout("node:Item", TestSchemas.Items);
        var ids = new Utf8ColumnBuilder();
        var labels = new Utf8ColumnBuilder();
        foreach (var (id, label) in items)
        {
            ids.Append(id);
            labels.Append(label);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), labels.Build()]);
    }

    /// <summary>Product rows of the Catalog schema (sku, colour, stock, price, barcode).</summary>
    public static RecordBatch Products(params Product[] products)
    {
        var layout = Layout("node:Product", TestSchemas.Catalog);
        var ids = new Utf8ColumnBuilder();
        var skus = new Utf8ColumnBuilder();
        var colours = new Utf8ColumnBuilder();
        var stocks = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var prices = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        var barcodes = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        foreach (var product in products)
        {
            ids.Append(product.Sku);
            skus.Append(product.Sku);
            colours.Append(product.Colour);
            stocks.Append(product.Stock);
            prices.Append(product.Price);
            barcodes.Append(product.Barcode);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), skus.Build(), colours.Build(), stocks.Build(), prices.Build(), barcodes.Build()]);
    }

    /// <summary>Road edges of the Roads schema (id, src, dst, km).</summary>
    public static RecordBatch Roads(params (string Id, string From, string To, int Km)[] roads)
    {
        var layout = Layout("edge:Road", TestSchemas.Roads);
        var ids = new Utf8ColumnBuilder();
        var sources = new Utf8ColumnBuilder();
        var targets = new Utf8ColumnBuilder();
        var lengths = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        foreach (var (id, from, to, km) in roads)
        {
            ids.Append(id);
            sources.Append(from);
            targets.Append(to);
            lengths.Append(km);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), sources.Build(), targets.Build(), lengths.Build()]);
    }

    /// <summary>The values of a string column of a scan, in order.</summary>
    public static List<string?> Strings(IEnumerable<RecordBatch> batches, string column)
    {
        var values = new List<string?>();
        foreach (var batch in batches)
        {
            var data = (Utf8Column)batch.Column(column);
            for (var i = 0; i < data.Length; i++)
            {
                values.Add(data.IsNull(i) ? null : data.GetString(i));
            }
        }

        return values;
    }
}
