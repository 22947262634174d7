using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.TableReads;

/// <summary>
/// <see cref="ITableBranchGrain.SelectAsync"/> on a warm grain after rows were deleted or replaced: every access path
/// (full scan, filtered scan, <c>@unique</c> index, <c>@index</c> index, key probes; rows and counts) must skip the rows
/// the version's deletion masks hide, and answer exactly as a table that never held them. The schema is
/// <see cref="TableSelectionTests"/>'s.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class SelectionAfterDeleteTests(QueryCluster cluster)
{
    private static readonly string[] s_first =
    [
        """{"type":"Item","data":{"sku":"i1","code":"A-1","color":"red","qty":1}}""",
        """{"type":"Item","data":{"sku":"i2","code":"B-2","color":"blue","qty":2}}""",
        """{"type":"Item","data":{"sku":"i3","code":"C-3","color":"red","qty":3}}""",
        """{"type":"Item","data":{"sku":"i4","code":"D-4","qty":4}}""",
        """{"type":"Item","data":{"sku":"i5","code":"E-5","color":"red","qty":5}}""",
    ];

    // A merge: i3 is replaced (its first row is deleted), i6 is new.
    private static readonly string[] s_second =
    [
        """{"type":"Item","data":{"sku":"i3","code":"C-3","color":"blue","qty":30}}""",
        """{"type":"Item","data":{"sku":"i6","code":"F-6","color":"red","qty":6}}""",
    ];

    /// <summary>A row of the first fragment and a row of the second.</summary>
    private static readonly string[] s_deleted = ["i1", "i6"];

    /// <summary>The live rows after the delete, in the warm table's storage order.</summary>
    private static readonly string[] s_survivors =
    [
        s_first[1],
        s_first[3],
        s_first[4],
        s_second[0],
    ];

    private static ColumnPredicate P(string column, ColumnPredicateOperator op, PredicateValue value) => new(column, op, value);

    /// <summary>Each request by name: full scans, scans with pushed-down filters, each index, key probes; rows and counts.</summary>
    private static IEnumerable<(string Name, TableSelectionRequest Request)> Requests()
    {
        var red = P("color", ColumnPredicateOperator.Equal, PredicateValue.FromString("red"));
        var blue = P("color", ColumnPredicateOperator.Equal, PredicateValue.FromString("blue"));
        var redByScan = P("color", ColumnPredicateOperator.PrefixOf, PredicateValue.FromString("red"));
        var qty = P("qty", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(1));
        var deletedCode = P("code", ColumnPredicateOperator.Equal, PredicateValue.FromString("A-1"));
        var replacedCode = P("code", ColumnPredicateOperator.Equal, PredicateValue.FromString("C-3"));
        var probe = KeyBatch.Of("i1", "i3", "i6", "i5");
        var cases = new (string Name, KeyBatch? Keys, ColumnPredicate[] Filters)[]
        {
            ("scan", null, []),
            ("filtered scan", null, [qty]),
            ("filtered scan red", null, [redByScan]),
            ("@index red", null, [red]),
            ("@index blue", null, [blue]),
            ("@index red and qty", null, [red, qty]),
            ("@unique deleted row", null, [deletedCode]),
            ("@unique replaced row", null, [replacedCode]),
            ("key probe", probe, []),
            ("key probe red", probe, [red]),
        };
        foreach (var (name, keys, filters) in cases)
        {
            yield return (name, new TableSelectionRequest(keys, [.. filters], ["qty", "color"]));
            yield return (name + " (count)", new TableSelectionRequest(keys, [.. filters], []) { CountOnly = true });
        }
    }

    [Fact]
    public async Task EveryAccessPath_OnAWarmGrain_SkipsDeletedAndReplacedRows_AsATableWithoutThemDoes()
    {
        var warm = await cluster.NewGraphAsync(TableSelectionTests.Schema, string.Join("\n", s_first));
        await AnswerAllAsync(warm);
        await warm.LoadAsync(string.Join("\n", s_second), GraphLoadMode.Merge);
        await AnswerAllAsync(warm);
        await warm.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.Delete("node:Item", KeyBatch.Of(s_deleted))]));
        var (grain, version) = await ItemsAsync(warm);
        Assert.Equal(3, (await grain.GetVersionInfoAsync(version)).DeletedRowCount);

        var reference = await cluster.NewGraphAsync(TableSelectionTests.Schema, string.Join("\n", s_survivors));
        var after = await AnswerAllAsync(warm);
        var expected = await AnswerAllAsync(reference);

        Assert.Equal(expected.Keys, after.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value == after[pair.Key], $"{pair.Key}: expected {pair.Value}, warm grain answered {after[pair.Key]}"));
    }

    /// <summary>The same facts spelled out: red items after deleting one red item and repainting another.</summary>
    [Fact]
    public async Task RedItems_AfterADeleteAndARepaint()
    {
        var graph = await cluster.NewGraphAsync(TableSelectionTests.Schema, string.Join("\n", s_first));
        var red = P("color", ColumnPredicateOperator.Equal, PredicateValue.FromString("red"));
        var redByScan = P("color", ColumnPredicateOperator.PrefixOf, PredicateValue.FromString("red"));
        Assert.Equal(["i1", "i3", "i5"], await SkusAsync(graph, red));
        Assert.Equal(["i1", "i3", "i5"], await SkusAsync(graph, redByScan));

        await graph.LoadAsync("""{"type":"Item","data":{"sku":"i3","code":"C-3","color":"blue","qty":30}}""", GraphLoadMode.Merge);
        await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.Delete("node:Item", KeyBatch.Of("i1"))]));

        Assert.Equal(["i5"], await SkusAsync(graph, red));
        Assert.Equal(["i5"], await SkusAsync(graph, redByScan));
        Assert.Equal(["i2", "i4", "i5", "i3"], await SkusAsync(graph));
        Assert.Empty(await SkusAsync(graph, P("code", ColumnPredicateOperator.Equal, PredicateValue.FromString("A-1"))));
    }

    private static async Task<(ITableBranchGrain Grain, TableVersionRef Version)> ItemsAsync(TestGraph graph)
    {
        var version = (await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head())).GetTable("node:Item");
        return (graph.Client.GetTable(version.Table, version.ChainBranch), version);
    }

    private static async Task<string[]> SkusAsync(TestGraph graph, params ColumnPredicate[] filters)
    {
        var (grain, version) = await ItemsAsync(graph);
        var selection = await grain.SelectAsync(version, new TableSelectionRequest(null, [.. filters], []));
        return [.. Enumerable.Range(0, selection.RowCount).Select(i => selection.Ids.GetString(i))];
    }

    /// <summary>Answers every request of <see cref="Requests"/> at the graph's head: ids, probe positions and columns as text.</summary>
    private static async Task<Dictionary<string, string>> AnswerAllAsync(TestGraph graph)
    {
        var (grain, version) = await ItemsAsync(graph);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, request) in Requests())
        {
            var selection = await grain.SelectAsync(version, request);
            if (request.CountOnly)
            {
                answers[name] = selection.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            var rows = Enumerable.Range(0, selection.RowCount).Select(i =>
            {
                var qty = (PrimitiveColumn<int>)selection.Columns.Column(0);
                var color = (Utf8Column)selection.Columns.Column(1);
                var position = selection.InputPositions.IsDefaultOrEmpty ? string.Empty : $"@{selection.InputPositions[i]}";
                return $"{selection.Ids.GetString(i)}{position}:{(qty.IsNull(i) ? "null" : qty.GetValue(i))}:{(color.IsNull(i) ? "null" : color.GetString(i))}";
            });
            answers[name] = string.Join(",", rows);
        }

        return answers;
    }
}
