namespace OmniGraph.Tables.Storage.Documents;

/// <summary><c>graph.json</c>: the format stamp, written once by init (create-if-absent is init's commit point).</summary>
internal sealed class GraphStampDocument
{
    public required string Format { get; init; }

    public required int StorageVersion { get; init; }

    public required long CreatedAt { get; init; }

    /// <summary>The incarnation of main (the chain of main's manifests).</summary>
    public required string MainBranchIncarnation { get; init; }

    public required string GenesisCommit { get; init; }

    /// <summary>The schema the graph was created with.</summary>
    public required string SchemaHash { get; init; }
}
