using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Ingest;

/// <summary>Settings of a <see cref="JsonlIntake"/>: fragment sizes and input limits.</summary>
public sealed class JsonlIntakeOptions
{
    /// <summary>The largest accepted <see cref="ParseParallelism"/>.</summary>
    public const int MaxParseParallelism = 64;

    /// <summary>The cap of the default <see cref="ParseParallelism"/>: beyond it the in-order merge, not the parse, sets the pace.</summary>
    public const int MaxDefaultParseParallelism = 4;

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
    /// The most lanes that parse consecutive chunks of the input at once (see <see cref="ParseChunkBytes"/>). Their rows
    /// are merged in input order, so the fragments, errors and facts of a load do not depend on it. Default
    /// <see cref="DefaultParseParallelism"/>: the processor count, at most <see cref="MaxDefaultParseParallelism"/>.
    /// </summary>
    [Range(1, MaxParseParallelism)]
    public int ParseParallelism { get; set; } = DefaultParseParallelism;

    /// <summary>
    /// The size a parse chunk is cut to: the input is split at line boundaries into runs of about this many bytes (a
    /// chunk always holds at least one whole line), which the parse lanes take one at a time. Default 256 KiB: small
    /// enough that a 4 MiB piece of input keeps two lanes busy to its end, large enough that a chunk's fixed costs vanish.
    /// </summary>
    [Range(1, JsonlIntakeOptionsValidator.MaxLineBytesCeiling)]
    public int ParseChunkBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// When <c>true</c>, a required <c>@embed("src")</c> vector a record leaves out (or gives as null) is left null in
    /// the fragment, for the consumer to compute from its source before the fragment is written (a load does, with
    /// the configured embedding provider: docs/loading.md). Default <c>false</c>: it is a missing required property.
    /// </summary>
    public bool LeavesEmbedVectorsOpen { get; set; }

    /// <summary>The default <see cref="ParseParallelism"/>: <see cref="Environment.ProcessorCount"/>, at most <see cref="MaxDefaultParseParallelism"/>.</summary>
    public static int DefaultParseParallelism => Math.Clamp(Environment.ProcessorCount, 1, MaxDefaultParseParallelism);

    /// <summary>A copy, so an intake is not affected by later changes to the options it was created with.</summary>
    internal JsonlIntakeOptions Copy() => new()
    {
        FragmentMaxRows = FragmentMaxRows,
        FragmentMaxBytes = FragmentMaxBytes,
        MaxLineBytes = MaxLineBytes,
        ParseParallelism = ParseParallelism,
        ParseChunkBytes = ParseChunkBytes,
        LeavesEmbedVectorsOpen = LeavesEmbedVectorsOpen,
    };
}
