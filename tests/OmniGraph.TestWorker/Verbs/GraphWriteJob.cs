using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>
/// The write a <c>graph-write</c> worker makes: a mutation query (source, name, JSON parameters) or a load of a JSONL file.
/// It turns into the worker's command-line options and back, so the test side and the worker agree on them.
/// </summary>
public sealed record GraphWriteJob
{
    private GraphWriteJob()
    {
    }

    /// <summary>The mutation query source, or <c>null</c> for a load.</summary>
    public string? QuerySource { get; private init; }

    /// <summary>The query to run.</summary>
    public string? QueryName { get; private init; }

    /// <summary>The query's parameters as a JSON object.</summary>
    public string? Parameters { get; private init; }

    /// <summary>The JSONL file a load reads, or <c>null</c> for a mutation.</summary>
    public string? DataFile { get; private init; }

    /// <summary>The load mode.</summary>
    public GraphLoadMode Mode { get; private init; }

    /// <summary>Runs query <paramref name="name"/> of <paramref name="source"/>.</summary>
    public static GraphWriteJob Mutation(string source, string name, string? parameters = null) =>
        new() { QuerySource = source, QueryName = name, Parameters = parameters };

    /// <summary>Loads <paramref name="dataFile"/> with <paramref name="mode"/>.</summary>
    public static GraphWriteJob Load(string dataFile, GraphLoadMode mode) => new() { DataFile = dataFile, Mode = mode };

    /// <summary>
    /// Makes the write through <paramref name="client"/>, the way the CLI makes it: the worker's write, and a test's
    /// replay of it on another copy of the graph.
    /// </summary>
    /// <returns>The report of a published write (named <paramref name="worker"/>).</returns>
    /// <exception cref="OmniGraphException">The write failed with a typed error.</exception>
    public async Task<GraphWriteReport> RunAsync(IGraphClient client, string worker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (DataFile is { } data)
        {
            var load = await client.LoadFileAsync(data, Mode, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new GraphWriteReport { Worker = worker, Commit = load.Commit, Attempts = load.Attempts, Affected = load.TotalEntities };
        }

        var change = await client.MutateAsync(QuerySource!, QueryName, Parameters, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GraphWriteReport { Worker = worker, Commit = change.Commit, Attempts = change.Attempts, Affected = change.AffectedNodes + change.AffectedEdges };
    }

    /// <summary>The job as <c>--name value</c> options.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToOptions()
    {
        if (DataFile is not null)
        {
            yield return new("load", DataFile);
            yield return new("mode", Mode.ToString());
            yield break;
        }

        yield return new("query", QuerySource!);
        yield return new("name", QueryName!);
        if (Parameters is not null)
        {
            yield return new("params", Parameters);
        }
    }

    /// <summary>Reads the job back from a worker's options.</summary>
    /// <exception cref="WorkerUsageException">Neither or both of <c>--query</c> and <c>--load</c>, or an unknown mode.</exception>
    public static GraphWriteJob Parse(WorkerArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var query = arguments.GetOptionalString("query");
        var load = arguments.GetOptionalString("load");
        if ((query is null) == (load is null))
        {
            throw new WorkerUsageException("give exactly one of --query (with --name) and --load (with --mode)");
        }

        if (query is not null)
        {
            return Mutation(query, arguments.GetString("name"), arguments.GetOptionalString("params"));
        }

        var mode = arguments.GetString("mode");
        return Enum.TryParse<GraphLoadMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? Load(load!, parsed)
            : throw new WorkerUsageException(string.Create(CultureInfo.InvariantCulture, $"unknown load mode '{mode}'"));
    }
}
