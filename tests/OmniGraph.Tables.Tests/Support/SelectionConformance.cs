using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Support;

/// <summary>
/// The contract every way of answering a selection keeps (a scan, a <c>@unique</c> probe, an <c>@index</c> group, key
/// probes): exactly the live rows whose values pass every filter, in storage order (key probes: in probe order, with
/// their positions), the same count when only counted, the same answer again once the indexes are warm. The expected
/// rows come from a model of the table (the latest <see cref="Product"/> per id) walked in the version's storage order
/// and filtered by a plain C# condition, so no engine code decides what is expected.
/// </summary>
internal static class SelectionConformance
{
    public static void Check(TableVersionView view, IReadOnlyDictionary<string, Product> model, ImmutableArray<ColumnPredicate> filters, Func<Product, bool> expected)
    {
        var indexes = new ViewQueryIndexes();
        var liveIds = LiveIdsInStorageOrder(view);
        Assert.Equal(model.Keys.Order(StringComparer.Ordinal), liveIds.Order(StringComparer.Ordinal));
        var wanted = liveIds.Where(id => expected(model[id])).ToList();

        for (var round = 0; round < 2; round++)
        {
            // The second round runs on the indexes the first one built.
            var selection = Select(view, new TableSelectionRequest(null, filters, ["sku", "stock"]), indexes);
            Assert.Equal(wanted, Ids(selection));
            Assert.Equal(wanted.Count, selection.RowCount);
            Assert.Equal(wanted.Count, selection.Columns.Length);
            Assert.All(selection.Rows, row => Assert.True(view.IsLive(row.Packed)));
            Assert.Equal(wanted.Cast<string?>(), Rows.Strings([selection.Columns], "sku"));

            var counted = Select(view, new TableSelectionRequest(null, filters, []) { CountOnly = true }, indexes);
            Assert.Equal(wanted.Count, counted.RowCount);
        }

        // Key probes: every id in reverse order, plus ids that are not there (deleted ones among them).
        var probes = liveIds.AsEnumerable().Reverse().Append("missing").Append("s0000").ToArray();
        var probed = Select(view, new TableSelectionRequest(KeyBatch.Of(probes), filters, []), indexes);
        var positions = Enumerable.Range(0, probes.Length).Where(i => model.TryGetValue(probes[i], out var p) && expected(p)).ToList();
        Assert.Equal(positions, probed.InputPositions);
        Assert.Equal(positions.Select(i => probes[i]), Ids(probed));
    }

    private static TableSelection Select(TableVersionView view, TableSelectionRequest request, ViewQueryIndexes indexes) =>
        TableSelector.Select(view, SelectionShape.Create(view.Layout, request.Columns), PredicateCompiler.Compile(view.Layout, request.Filters), request, indexes);

    private static List<string> LiveIdsInStorageOrder(TableVersionView view)
    {
        var ids = new List<string>();
        for (var f = 0; f < view.Fragments.Length; f++)
        {
            for (var row = 0; row < view.Fragments[f].Rows; row++)
            {
                if (!view.Masks[f].IsDeleted(row))
                {
                    ids.Add(view.Fragments[f].Ids.GetString(row));
                }
            }
        }

        return ids;
    }

    private static List<string> Ids(TableSelection selection) =>
        [.. Enumerable.Range(0, selection.Ids.Length).Select(i => selection.Ids.GetString(i))];
}
