using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Ingest;

/// <summary>Settings of a <see cref="JsonlIntake"/>: fragment sizes and input limits.</summary>
public sealed class JsonlIntakeOptions
{
    /// <summary>The documented per-line limit: 32 MiB.</summary>
    public const int DefaultMaxLineBytes = 32 * 1024 * 1024;

    /// <summary>
    /// A table's pending rows are emitted as a fragment once they reach this many rows. Default 131,072: large enough
    /// for efficient columnar files, small enough that a table's builders stay a few megabytes.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int FragmentMaxRows { get; set; } = 128 * 1024;

    /// <summary>
    /// A table's pending rows are emitted as a fragment once their estimated columnar size reaches this many bytes,
    /// whichever of rows and bytes comes first. Default 64 MiB (it bounds wide rows: long strings, blobs, vectors).
    /// </summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long FragmentMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The longest accepted line in bytes, excluding its line break. Default 32 MiB.</summary>
    [Range(1, JsonlIntakeOptionsValidator.MaxLineBytesCeiling)]
    public int MaxLineBytes { get; set; } = DefaultMaxLineBytes;

    /// <summary>
    /// When <c>true</c>, a required <c>@embed("src")</c> vector a record leaves out (or gives as null) is left null in
    /// the fragment, for the consumer to compute from its source before the fragment is written (a load does, with
    /// the configured embedding provider: docs/loading.md). Default <c>false</c>: it is a missing required property.
    /// </summary>
    public bool LeavesEmbedVectorsOpen { get; set; }
}
