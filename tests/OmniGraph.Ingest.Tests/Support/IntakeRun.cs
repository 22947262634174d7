using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Support;

/// <summary>The outcome of feeding a whole input to an intake: its result and every fragment, in emission order.</summary>
internal sealed class IntakeRun
{
    public IntakeRun(IntakeResult result, IReadOnlyList<IntakeFragment> fragments)
    {
        Result = result;
        Fragments = fragments;
    }

    public IntakeResult Result { get; }

    public IReadOnlyList<IntakeFragment> Fragments { get; }

    /// <summary>Feeds <paramref name="input"/> in chunks of <paramref name="chunkSize"/> bytes, draining fragments after each chunk.</summary>
    public static IntakeRun Load(SchemaCatalog catalog, string input, LoadMode mode = LoadMode.Overwrite, int chunkSize = int.MaxValue, JsonlIntakeOptions? options = null) =>
        Load(catalog, Encoding.UTF8.GetBytes(input), mode, chunkSize, options);

    public static IntakeRun Load(SchemaCatalog catalog, byte[] input, LoadMode mode = LoadMode.Overwrite, int chunkSize = int.MaxValue, JsonlIntakeOptions? options = null)
    {
        var ids = new SequentialIds();
        var intake = new JsonlIntake(catalog, mode, options, ids.Reserve);
        var fragments = new List<IntakeFragment>();
        for (var offset = 0; offset < input.Length; offset += chunkSize)
        {
            intake.Feed(input.AsSpan(offset, Math.Min(chunkSize, input.Length - offset)));
            Drain(intake, fragments);
        }

        var result = intake.Complete();
        Drain(intake, fragments);
        return new IntakeRun(result, fragments);
    }

    public static void Drain(JsonlIntake intake, List<IntakeFragment> fragments)
    {
        while (intake.TryTakeFragment(out var fragment))
        {
            fragments.Add(fragment);
        }
    }

    /// <summary>Feeds the input and returns the first error, which must be an <see cref="IngestException"/> with <paramref name="code"/>.</summary>
    public static IngestException Fail(string code, SchemaCatalog catalog, string input, LoadMode mode = LoadMode.Overwrite)
    {
        var error = Assert.IsType<IngestException>(Record.Exception(() => Load(catalog, input, mode)));
        Assert.True(error.Code == code, $"expected {code}, got {error.Code}: {error.Message}");
        return error;
    }

    /// <summary>All rows of one table, concatenated over its fragments.</summary>
    public RecordBatch Table(string tableName)
    {
        var fragments = Fragments.Where(f => f.TableName == tableName).OrderBy(f => f.Index).ToList();
        Assert.NotEmpty(fragments);
        var schema = fragments[0].Batch.Schema;
        var columns = new ArrowColumn[schema.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ArrowColumn.Concatenate([.. fragments.Select(f => f.Batch.Column(i))]);
        }

        return new RecordBatch(schema, columns, fragments.Sum(f => f.RowCount));
    }

    public TableIntakeSummary Summary(string tableName)
    {
        Assert.True(Result.TryGetTable(tableName, out var table), $"no table {tableName}");
        return table;
    }

    /// <summary>The values of a column as CLR objects (null for null slots; lists and vectors as arrays).</summary>
    public List<object?> Values(string tableName, string column) => ColumnValues.Read(Table(tableName).Column(column));

    public List<string> Ids(string tableName) => [.. Values(tableName, "id").Cast<string>()];

    /// <summary>Asserts that two runs emitted the same fragments (tables, order, rows, lines, values) and the same facts.</summary>
    public static void AssertSame(IntakeRun expected, IntakeRun actual, string setting)
    {
        Assert.True(expected.Fragments.Count == actual.Fragments.Count, $"{setting}: {actual.Fragments.Count} fragments, expected {expected.Fragments.Count}");
        for (var i = 0; i < expected.Fragments.Count; i++)
        {
            var (left, right) = (expected.Fragments[i], actual.Fragments[i]);
            Assert.Equal(left.TableName, right.TableName);
            Assert.Equal(left.Index, right.Index);
            Assert.Equal(left.FirstRowOrdinal, right.FirstRowOrdinal);
            Assert.Equal(left.EstimatedBytes, right.EstimatedBytes);
            Assert.Equal(left.LineNumbers.ToArray(), right.LineNumbers.ToArray());
            Assert.True(left.Batch.ContentEquals(right.Batch), $"{setting}: fragment {i} ({left.TableName}) differs");
        }

        Assert.Equal(expected.Result.LineCount, actual.Result.LineCount);
        Assert.Equal(expected.Result.RecordCount, actual.Result.RecordCount);
        Assert.Equal(expected.Result.Nodes.ToArray(), actual.Result.Nodes.ToArray());
        Assert.Equal(expected.Result.Edges.ToArray(), actual.Result.Edges.ToArray());
        foreach (var table in expected.Result.Tables)
        {
            var other = actual.Summary(table.TableName);
            Assert.Equal(table.RowCount, other.RowCount);
            Assert.Equal(table.GeneratedIdCount, other.GeneratedIdCount);
            Assert.Equal(table.SupersededRows.ToArray(), other.SupersededRows.ToArray());
            Assert.Equal(Enumerable.Range(0, table.Ids.Count).Select(table.Ids.GetKeyString), Enumerable.Range(0, other.Ids.Count).Select(other.Ids.GetKeyString));
            Assert.Equal(table.UniqueValues.Select(u => u.Count), other.UniqueValues.Select(u => u.Count));
        }
    }
}
