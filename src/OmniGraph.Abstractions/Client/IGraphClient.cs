using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// A typed client of one graph: what the CLI and an HTTP front-end need, as grain calls. Obtain one from the embedded
/// host (<c>OmniGraphEmbedded.Client</c>) or, inside a silo, from <c>IGraphClientFactory</c>.
/// </summary>
public interface IGraphClient
{
    /// <summary>The graph id.</summary>
    string GraphId { get; }

    /// <summary>The grain factory, for grain calls the client does not wrap (table reads at a pinned snapshot).</summary>
    IGrainFactory Grains { get; }

    /// <summary>Creates the graph with <paramref name="schemaSource"/>; returns the genesis commit.</summary>
    Task<CommitOutput> InitializeAsync(string schemaSource, CancellationToken cancellationToken = default);

    /// <summary>Resolves a snapshot (a branch head, an exact manifest version or a commit).</summary>
    Task<GraphSnapshot> ResolveSnapshotAsync(SnapshotTarget target, CancellationToken cancellationToken = default);

    /// <summary>The <c>snapshot</c> output of a branch head.</summary>
    Task<SnapshotOutput> GetSnapshotAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default);

    /// <summary>The commits of a branch, newest first.</summary>
    Task<CommitListOutput> ListCommitsAsync(string branch = BranchNames.Main, int limit = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>One commit.</summary>
    Task<CommitOutput> GetCommitAsync(string commitId, CancellationToken cancellationToken = default);

    /// <summary>The accepted schema of a branch head.</summary>
    Task<SchemaOutput> GetSchemaAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default);

    /// <summary>The branches, main first.</summary>
    Task<ImmutableArray<BranchInfo>> ListBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies one atomic write.</summary>
    Task<GraphWriteResult> WriteAsync(GraphWriteRequest request, CancellationToken cancellationToken = default);

    /// <summary>The table-branch grain of a table on a branch.</summary>
    ITableBranchGrain GetTable(string table, string branch = BranchNames.Main);

    /// <summary>The graph's manifest grain.</summary>
    IManifestGrain Manifest { get; }
}
