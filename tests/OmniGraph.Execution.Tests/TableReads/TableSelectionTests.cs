using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Execution.Tests.TableReads;

/// <summary>
/// <see cref="ITableBranchGrain.SelectAsync"/> and <see cref="ITableBranchGrain.GatherAsync"/>: pushed-down filters with
/// exact numeric and code-point string semantics, the access paths (scan, key probe, <c>@unique</c> and <c>@index</c>
/// indexes) giving identical results, and the typed refusals.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class TableSelectionTests(QueryCluster cluster)
{
    /// <summary>Items with a key, a <c>@unique</c> and an <c>@index</c> column, and optional values of several kinds.</summary>
    internal const string Schema = """
        node Item {
            sku: String @key
            code: String? @unique
            color: String? @index
            qty: I32?
            big: U64?
            price: F32?
            tags: [String]?
        }
        """;

    private const string Data = """
        {"type":"Item","data":{"sku":"i1","code":"A-1","color":"red","qty":1,"big":18446744073709551615,"price":0.5,"tags":["x","y"]}}
        {"type":"Item","data":{"sku":"i2","code":"B-2","color":"blue","qty":2,"big":1,"price":2.5,"tags":["y"]}}
        {"type":"Item","data":{"sku":"i3","color":"red","qty":3,"price":0.1}}
        {"type":"Item","data":{"sku":"i4","code":"D-4","qty":-4,"big":9007199254740993}}
        {"type":"Item","data":{"sku":"i5","code":"E-5","color":"red","tags":[]}}
        """;

    private static ColumnPredicate P(string column, ColumnPredicateOperator op, PredicateValue value) => new(column, op, value);

    private async Task<(ITableBranchGrain Grain, TableVersionRef Version)> ItemsAsync(string data = Data)
    {
        var graph = await cluster.NewGraphAsync(Schema, data);
        var head = await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
        var version = head.GetTable("node:Item");
        return (graph.Client.GetTable(version.Table, version.ChainBranch), version);
    }

    private static async Task<string[]> SkusAsync(ITableBranchGrain grain, TableVersionRef version, params ColumnPredicate[] filters)
    {
        var selection = await grain.SelectAsync(version, new TableSelectionRequest(null, [.. filters], []));
        return [.. Enumerable.Range(0, selection.RowCount).Select(i => selection.Ids.GetString(i))];
    }

    public static TheoryData<string, ColumnPredicateOperator, PredicateValue, string> NumericCases() => new()
    {
        { "qty", ColumnPredicateOperator.Equal, PredicateValue.FromInteger(2), "i2" },
        { "qty", ColumnPredicateOperator.Equal, PredicateValue.FromFloat(2.0), "i2" },
        { "qty", ColumnPredicateOperator.Equal, PredicateValue.FromFloat(2.7), "" },
        { "qty", ColumnPredicateOperator.NotEqual, PredicateValue.FromFloat(2.7), "i1,i2,i3,i4" },
        { "qty", ColumnPredicateOperator.Less, PredicateValue.FromFloat(2.5), "i1,i2,i4" },
        { "qty", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromFloat(2.5), "i3" },
        { "qty", ColumnPredicateOperator.Greater, PredicateValue.FromInteger(Int128.MaxValue), "" },
        { "qty", ColumnPredicateOperator.Greater, PredicateValue.FromInteger(-10_000_000_000), "i1,i2,i3,i4" },
        { "qty", ColumnPredicateOperator.Less, PredicateValue.FromFloat(double.NaN), "i1,i2,i3,i4" },
        { "qty", ColumnPredicateOperator.Greater, PredicateValue.FromFloat(double.NegativeInfinity), "i1,i2,i3,i4" },
        { "big", ColumnPredicateOperator.Equal, PredicateValue.FromInteger(ulong.MaxValue), "i1" },
        { "big", ColumnPredicateOperator.Equal, PredicateValue.FromFloat(9007199254740992.0), "" },
        { "big", ColumnPredicateOperator.Less, PredicateValue.FromInteger(-1), "" },
        { "price", ColumnPredicateOperator.Equal, PredicateValue.FromFloat(0.1), "" },
        { "price", ColumnPredicateOperator.Equal, PredicateValue.FromFloat((float)0.1), "i3" },
        { "price", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(1), "i2" },
        { "price", ColumnPredicateOperator.NotEqual, PredicateValue.FromFloat(0.5), "i2,i3" },
    };

    /// <summary>Numbers compare exactly across kinds: no truncation of 2.7, no rounding of a U64 to a double, F32 cells as stored.</summary>
    [Theory]
    [MemberData(nameof(NumericCases))]
    public async Task NumericFilters_CompareExactly(string column, ColumnPredicateOperator op, PredicateValue value, string expected)
    {
        var (grain, version) = await ItemsAsync();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), await SkusAsync(grain, version, P(column, op, value)));
    }

    [Theory]
    [InlineData(ColumnPredicateOperator.Equal, "red", "i1,i3,i5")]
    [InlineData(ColumnPredicateOperator.NotEqual, "red", "i2")]
    [InlineData(ColumnPredicateOperator.Less, "red", "i2")]
    [InlineData(ColumnPredicateOperator.Contains, "e", "i1,i2,i3,i5")]
    [InlineData(ColumnPredicateOperator.Contains, "", "i1,i2,i3,i5")]
    [InlineData(ColumnPredicateOperator.StartsWith, "bl", "i2")]
    [InlineData(ColumnPredicateOperator.StartsWith, "RE", "")]
    [InlineData(ColumnPredicateOperator.ContainedIn, "a blue red sky", "i1,i2,i3,i5")]
    [InlineData(ColumnPredicateOperator.PrefixOf, "redder", "i1,i3,i5")]
    public async Task StringFilters_AreExactAndNullsNeverMatch(ColumnPredicateOperator op, string value, string expected)
    {
        var (grain, version) = await ItemsAsync();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), await SkusAsync(grain, version, P("color", op, PredicateValue.FromString(value))));
    }

    [Fact]
    public async Task ListContains_TestsMembership()
    {
        var (grain, version) = await ItemsAsync();
        Assert.Equal(["i1", "i2"], await SkusAsync(grain, version, P("tags", ColumnPredicateOperator.ListContains, PredicateValue.FromString("y"))));
        Assert.Equal(Array.Empty<string>(), await SkusAsync(grain, version, P("tags", ColumnPredicateOperator.ListContains, PredicateValue.FromString("z"))));
    }

    /// <summary>An equality on a @unique or @index column is answered from the index, in storage order, exactly as the scan answers it.</summary>
    [Fact]
    public async Task IndexedEquality_AgreesWithAScan()
    {
        var (grain, version) = await ItemsAsync();
        var red = P("color", ColumnPredicateOperator.Equal, PredicateValue.FromString("red"));
        var redScan = P("color", ColumnPredicateOperator.PrefixOf, PredicateValue.FromString("red"));
        var code = P("code", ColumnPredicateOperator.Equal, PredicateValue.FromString("B-2"));
        var qty = P("qty", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(2));

        Assert.Equal(await SkusAsync(grain, version, redScan), await SkusAsync(grain, version, red));
        Assert.Equal(["i3"], await SkusAsync(grain, version, red, qty));
        Assert.Equal(["i2"], await SkusAsync(grain, version, code));
        Assert.Equal(Array.Empty<string>(), await SkusAsync(grain, version, code, P("qty", ColumnPredicateOperator.Equal, PredicateValue.FromInteger(7))));
        Assert.Equal(Array.Empty<string>(), await SkusAsync(grain, version, P("color", ColumnPredicateOperator.Equal, PredicateValue.FromString("green"))));
    }

    [Fact]
    public async Task KeyProbes_ReportProbePositionsAndColumns()
    {
        var (grain, version) = await ItemsAsync();
        var selection = await grain.SelectAsync(version, new TableSelectionRequest(KeyBatch.Of("i4", "nope", "i1", "i3"), [P("qty", ColumnPredicateOperator.Greater, PredicateValue.FromInteger(0))], ["qty", "sku"]));

        Assert.Equal(2, selection.RowCount);
        Assert.Equal([2, 3], selection.InputPositions.ToArray());
        Assert.Equal(["qty", "sku"], selection.Columns.Schema.Fields.Select(static f => f.Name));
        Assert.Equal([1, 3], ((PrimitiveColumn<int>)selection.Columns.Column(0)).Values.ToArray());
        Assert.Equal(2, selection.Rows.Length);
    }

    [Fact]
    public async Task WithoutRowAddressesOrColumns_OnlyIdsComeBack()
    {
        var (grain, version) = await ItemsAsync();
        var selection = await grain.SelectAsync(version, new TableSelectionRequest(null, [], []) { IncludeRowAddresses = false });
        var counted = await grain.SelectAsync(version, new TableSelectionRequest(null, [P("qty", ColumnPredicateOperator.Greater, PredicateValue.FromInteger(1))], ["qty"]) { CountOnly = true });

        Assert.Equal(5, selection.RowCount);
        Assert.True(selection.Rows.IsDefault);
        Assert.Equal(0, selection.Columns.ColumnCount);
        Assert.Equal(2, counted.RowCount);
    }

    [Fact]
    public async Task Gather_ReadsRowsAtAddresses_AndRefusesDeletedOnes()
    {
        var graph = await cluster.NewGraphAsync(Schema, Data);
        var head = await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
        var version = head.GetTable("node:Item");
        var grain = graph.Client.GetTable(version.Table, version.ChainBranch);
        var selection = await grain.SelectAsync(version, new TableSelectionRequest(KeyBatch.Of("i2", "i1"), [], []));

        var gathered = await grain.GatherAsync(version, selection.Rows, ["sku", "qty"]);
        Assert.Equal(["i2", "i1"], Enumerable.Range(0, 2).Select(i => ((Utf8Column)gathered.Column(0)).GetString(i)));

        await graph.LoadAsync("""{"type":"Item","data":{"sku":"i2","qty":20}}""", GraphLoadMode.Merge);
        var next = (await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head())).GetTable("node:Item");
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.GatherAsync(next, [selection.Rows[0]], ["qty"]));
        Assert.Equal(2, ((PrimitiveColumn<int>)(await grain.GatherAsync(version, [selection.Rows[0]], ["qty"])).Column(0)).GetValue(0));
    }

    [Fact]
    public async Task BadRequests_AreTypedRefusals()
    {
        var (grain, version) = await ItemsAsync();
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.SelectAsync(version, new TableSelectionRequest(null, [], ["nope"])));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.SelectAsync(version, new TableSelectionRequest(null, [P("nope", ColumnPredicateOperator.Equal, PredicateValue.FromInteger(1))], [])));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.SelectAsync(version, new TableSelectionRequest(null, [P("qty", ColumnPredicateOperator.Equal, PredicateValue.FromString("1"))], [])));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.SelectAsync(version, new TableSelectionRequest(null, [P("color", ColumnPredicateOperator.ListContains, PredicateValue.FromString("red"))], [])));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.SelectAsync(version, new TableSelectionRequest(null, [], ["qty", "qty"])));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(version, new TraversalRequest(KeyBatch.Of("i1"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Neighbours)));
    }
}
