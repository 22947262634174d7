using OmniGraph.Abstractions;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Tables.Tests.Selection;

/// <summary>
/// Selection over a table of many fragments with deletion vectors and replaced rows: every kind of filter through
/// <see cref="SelectionConformance"/> (scan, unique probe, <c>@index</c> group, key probes), nulls, filters no row can
/// pass, and the typed errors of filters the table cannot answer.
/// </summary>
public sealed class TableSelectorTests
{
    private static readonly string[] s_colours = ["red", "green", "blue"];

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    private static readonly Dictionary<string, (ColumnPredicate[] Filters, Func<Product, bool> Expected)> s_cases = new()
    {
        ["no filter"] = ([], static _ => true),
        ["int greater"] = ([Int("stock", ColumnPredicateOperator.Greater, 5)], static p => p.Stock > 5),
        ["int at most, nulls never pass"] = ([Int("stock", ColumnPredicateOperator.LessOrEqual, 5)], static p => p.Stock <= 5),
        ["int not equal, nulls never pass"] = ([Int("stock", ColumnPredicateOperator.NotEqual, 3)], static p => p.Stock is { } s && s != 3),
        ["int equal to a fraction: never"] = ([Float("stock", ColumnPredicateOperator.Equal, 2.5)], static _ => false),
        ["int beyond its range: never"] = ([Int("stock", ColumnPredicateOperator.Greater, 10_000_000_000)], static _ => false),
        ["int above a fraction"] = ([Float("stock", ColumnPredicateOperator.Greater, 2.5)], static p => p.Stock > 2),
        ["float less"] = ([Float("price", ColumnPredicateOperator.Less, 10.0)], static p => p.Price < 10.0),
        ["float against an integer"] = ([Int("price", ColumnPredicateOperator.GreaterOrEqual, 10)], static p => p.Price >= 10),
        ["@index equal"] = ([Text("colour", ColumnPredicateOperator.Equal, "red")], static p => p.Colour == "red"),
        ["@index equal and a residual"] = ([Text("colour", ColumnPredicateOperator.Equal, "red"), Int("stock", ColumnPredicateOperator.Greater, 2)], static p => p.Colour == "red" && p.Stock > 2),
        ["@index equal, no such value"] = ([Text("colour", ColumnPredicateOperator.Equal, "mauve")], static _ => false),
        ["string not equal, nulls never pass"] = ([Text("colour", ColumnPredicateOperator.NotEqual, "red")], static p => p.Colour is { } c && c != "red"),
        ["string prefix"] = ([Text("sku", ColumnPredicateOperator.StartsWith, "s001")], static p => p.Sku.StartsWith("s001", StringComparison.Ordinal)),
        ["@unique equal"] = ([Int("barcode", ColumnPredicateOperator.Equal, 1_017)], static p => p.Barcode == 1_017),
        ["@unique equal of a deleted row"] = ([Int("barcode", ColumnPredicateOperator.Equal, 1_003)], static p => p.Barcode == 1_003),
        ["@unique equal and a failing residual"] = ([Int("barcode", ColumnPredicateOperator.Equal, 1_017), Float("price", ColumnPredicateOperator.Greater, 1e9)], static _ => false),
        ["@unique beyond its range"] = ([Float("barcode", ColumnPredicateOperator.Equal, 0.5)], static _ => false),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFilter_SelectsExactlyTheLiveMatchingRows(string name)
    {
        var (filters, expected) = s_cases[name];
        var (chain, model) = Catalog();

        SelectionConformance.Check(chain.Head, model, [.. filters], expected);
    }

    [Fact]
    public void EmptyTable_SelectsNothing_WhateverTheFilter()
    {
        var chain = new TableChain("node:Product", TestSchemas.Catalog);

        SelectionConformance.Check(chain.Head, new Dictionary<string, Product>(), [Text("colour", ColumnPredicateOperator.Equal, "red")], static _ => true);
        SelectionConformance.Check(chain.Head, new Dictionary<string, Product>(), [], static _ => true);
    }

    [Fact]
    public void TableWhoseRowsAreAllDeleted_SelectsNothing()
    {
        var (chain, model) = Catalog();
        chain.Delete([.. model.Keys]);

        SelectionConformance.Check(chain.Head, new Dictionary<string, Product>(), [Int("stock", ColumnPredicateOperator.GreaterOrEqual, 0)], static _ => true);
        SelectionConformance.Check(chain.Head, new Dictionary<string, Product>(), [Text("colour", ColumnPredicateOperator.Equal, "red")], static _ => true);
    }

    [Fact]
    public void AWholeFragmentWithoutFilter_IsSharedNotCopied()
    {
        var chain = new TableChain("node:Product", TestSchemas.Catalog);
        var batch = Rows.Products(new Product("a", null, 1, null, null), new Product("b", null, 2, null, null));
        var view = chain.Upsert(batch);

        var selection = TableSelector.Select(view, SelectionShape.Create(view.Layout, ["stock"]), RowFilter.None, TableSelectionRequest.All with { Columns = ["stock"] }, new ViewQueryIndexes());

        Assert.Same(batch.Column("stock"), selection.Columns.Column("stock"));
    }

    [Fact]
    public void EveryLiveId_WithoutFilterOrColumn_IsAssembledOncePerVersion_InStorageOrder()
    {
        var (chain, model) = Catalog();
        var view = chain.Head;
        var indexes = new ViewQueryIndexes();
        var request = TableSelectionRequest.All with { IncludeRowAddresses = false };
        var shape = SelectionShape.Create(view.Layout, []);

        var first = TableSelector.Select(view, shape, RowFilter.None, request, indexes);
        var again = TableSelector.Select(view, shape, RowFilter.None, request, indexes);
        var scanned = TableSelector.Select(view, shape, RowFilter.None, TableSelectionRequest.All with { IncludeRowAddresses = true }, new ViewQueryIndexes());

        Assert.Same(first, again);
        Assert.Equal(model.Count, first.RowCount);
        var ids = Enumerable.Range(0, first.RowCount).Select(i => first.Ids.GetString(i)).ToList();
        Assert.Equal(model.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids, Enumerable.Range(0, scanned.RowCount).Select(i => scanned.Ids.GetString(i)));

        // The next version (a deletion) has its own query indexes, so the deleted id is gone from its answer.
        var next = chain.Delete(ids[0]);
        var after = TableSelector.Select(next, shape, RowFilter.None, request, new ViewQueryIndexes());
        Assert.Equal(model.Count - 1, after.RowCount);
        Assert.DoesNotContain(ids[0], Enumerable.Range(0, after.RowCount).Select(i => after.Ids.GetString(i)));
    }

    [Theory]
    [InlineData("nope", "it has no column 'nope'")]
    [InlineData("stock", "does not apply to column 'stock'")]
    public void AFilterTheTableCannotAnswer_IsAnInvalidRequest(string column, string reason)
    {
        var layout = Rows.Layout("node:Product", TestSchemas.Catalog);

        var error = ErrorAssert.Throws(ErrorCodes.InvalidRequest, () => PredicateCompiler.Compile(layout, [Text(column, ColumnPredicateOperator.Equal, "x")]));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("node:Product", error.Get(ErrorDetail.Table));
    }

    /// <summary>
    /// 150 products over five fragments: nulls in every nullable column, then a third of them deleted and a tenth
    /// replaced (their new rows in a sixth fragment, the old ones deleted).
    /// </summary>
    private static (TableChain Chain, Dictionary<string, Product> Model) Catalog()
    {
        var chain = new TableChain("node:Product", TestSchemas.Catalog);
        var model = new Dictionary<string, Product>(StringComparer.Ordinal);
        for (var f = 0; f < 5; f++)
        {
            var products = Enumerable.Range(f * 30, 30).Select(static i => new Product(
                $"s{i:D4}",
                i % 7 == 0 ? null : s_colours[i % 3],
                i % 5 == 0 ? null : i % 11,
                i % 6 == 0 ? null : (i % 13) * 1.5,
                i % 4 == 0 ? null : 1_000 + i)).ToArray();
            chain.Upsert(Rows.Products(products));
            foreach (var product in products)
            {
                model[product.Sku] = product;
            }
        }

        var deleted = model.Keys.Where(static id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0).ToArray();
        chain.Delete(deleted);
        foreach (var id in deleted)
        {
            model.Remove(id);
        }

        var replaced = model.Values.Where(static p => p.Stock is 4 or 7).Select(static p => p with { Colour = "red", Stock = p.Stock + 100 }).ToArray();
        chain.Upsert(Rows.Products(replaced));
        foreach (var product in replaced)
        {
            model[product.Sku] = product;
        }

        return (chain, model);
    }

    private static ColumnPredicate Int(string column, ColumnPredicateOperator op, long value) => new(column, op, PredicateValue.FromInteger(value));

    private static ColumnPredicate Float(string column, ColumnPredicateOperator op, double value) => new(column, op, PredicateValue.FromFloat(value));

    private static ColumnPredicate Text(string column, ColumnPredicateOperator op, string value) => new(column, op, PredicateValue.FromString(value));
}
