using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Ingest;
using OmniGraph.Schema;

namespace OmniGraph.Benchmarks.Engine;

/// <summary>An embedded graph on local disk (durable, fsynced) holding a Person table of a given size.</summary>
internal sealed class EngineBenchmarkGraph : IAsyncDisposable
{
    public const string Schema = """
        node Person {
            name: String @key
            age: I32?
            email: String? @unique
        }
        """;

    private static readonly TableLayout s_layout = TableLayout.For(SchemaCatalog.Compile(Schema).GetNodeType("Person"));

    private readonly string _directory;

    private EngineBenchmarkGraph(string directory, OmniGraphEmbedded graph)
    {
        _directory = directory;
        Graph = graph;
    }

    public OmniGraphEmbedded Graph { get; }

    public IGraphClient Client => Graph.Client;

    /// <summary>Creates the graph and loads <paramref name="people"/> persons in one overwrite commit.</summary>
    public static async Task<EngineBenchmarkGraph> CreateAsync(int people)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"og-engine-bench-{Guid.NewGuid():N}");
        var graph = await OmniGraphEmbedded.InitAsync(directory, Schema);
        var batches = new List<RecordBatch>();
        for (var start = 0; start < people; start += 65_536)
        {
            batches.Add(Persons(start, Math.Min(65_536, people - start), ageOffset: 0));
        }

        await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [new TableWrite("node:Person", TableWriteMode.Overwrite, [], [.. batches], null)]));
        return new EngineBenchmarkGraph(directory, graph);
    }

    /// <summary>Persons <c>p{i:D7}</c> with an age and a unique email.</summary>
    public static RecordBatch Persons(int start, int count, int ageOffset)
    {
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
            emails.Append($"{name}@example.com");
        }

        return new RecordBatch(s_layout.Schema, [ids.Build(), names.Build(), ages.Build(), emails.Build()]);
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
