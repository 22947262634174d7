namespace OmniGraph.Abstractions;

/// <summary>Client-side settings of one <c>client.LoadAsync(...)</c> call.</summary>
public sealed class GraphLoadOptions
{
    /// <summary>The default chunk size: 4 MiB.</summary>
    public const int DefaultChunkBytes = 4 * 1024 * 1024;

    /// <summary>Who makes the write (recorded on the commit as <c>actor_id</c>).</summary>
    public string? Actor { get; set; }

    /// <summary><c>--from</c>: create a missing branch at the head of this branch (or at this commit) before loading.</summary>
    public string? BaseBranch { get; set; }

    /// <summary>
    /// <c>@embed</c> vector properties (as <c>Type.property</c>) to compute wherever a record leaves them null, nullable
    /// ones included (what <c>omnigraph embed</c> asks). Embedded loads only: a load over HTTP computes the required ones.
    /// </summary>
    public IReadOnlyList<string> EmbedProperties { get; set; } = [];

    /// <summary>How many bytes of input travel to the session per call. Default 4 MiB; at least 1.</summary>
    public int ChunkBytes { get; set; } = DefaultChunkBytes;

    /// <summary>Told after each chunk is parsed (a progress bar, a log line).</summary>
    public IProgress<LoadProgress>? Progress { get; set; }
}
