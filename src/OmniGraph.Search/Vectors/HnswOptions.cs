using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// Parameters of the HNSW graph (Malkov and Yashunin, 2016/2018). Defaults: M = 16 links per node per layer (2M = 32
/// on the ground layer), ef_construction = 100, ef_search = 64, level multiplier 1/ln(M), a fixed seed so a build
/// is reproducible, and a build on every core.
/// </summary>
public sealed record HnswOptions
{
    /// <summary>Links per node on the upper layers (the ground layer keeps twice as many). 2..64.</summary>
    public int M { get; set; } = 16;

    /// <summary>Candidates kept while inserting a node (build quality vs build time). At least <see cref="M"/>.</summary>
    public int EfConstruction { get; set; } = 100;

    /// <summary>Candidates kept while searching (recall vs latency); a search keeps at least its limit. At least 1.</summary>
    public int EfSearch { get; set; } = 64;

    /// <summary>Seed of the level draws.</summary>
    public int Seed { get; set; } = 0x5EED;

    /// <summary>
    /// Threads a build or an extension uses (1..1,024; default: every core). The graph does not depend on it: nodes are
    /// inserted in fixed batches whose searches run in parallel over the graph as it was before the batch.
    /// </summary>
    public int BuildParallelism { get; set; } = Environment.ProcessorCount;

    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>: a parameter is out of range.</exception>
    internal void Validate()
    {
        if (M is < 2 or > 64)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"HNSW M must be between 2 and 64, got {M}."));
        }

        if (EfConstruction < M || EfConstruction > 10_000)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"HNSW ef_construction must be between M ({M}) and 10,000, got {EfConstruction}."));
        }

        if (EfSearch is < 1 or > 10_000)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"HNSW ef_search must be between 1 and 10,000, got {EfSearch}."));
        }

        if (BuildParallelism is < 1 or > 1_024)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"HNSW build parallelism must be between 1 and 1,024, got {BuildParallelism}."));
        }
    }
}
