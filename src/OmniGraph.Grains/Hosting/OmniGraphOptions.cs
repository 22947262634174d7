using System.ComponentModel.DataAnnotations;
using OmniGraph.Search;
using OmniGraph.Security;

namespace OmniGraph.Grains.Hosting;

/// <summary>Settings of the storage engine in a silo (<c>silo.AddOmniGraph(options =&gt; ...)</c>).</summary>
public sealed class OmniGraphOptions
{
    /// <summary><see cref="TimeSpan.MaxValue"/> as a <c>[Range]</c> bound.</summary>
    private const string MaxTimeSpan = "10675199.02:48:05.4775807";

    /// <summary>
    /// Graphs by id, each a store location: a local path, a <c>file://</c> URI or <c>memory://name</c>. Configure the
    /// same graphs on every silo of a cluster; graphs added at run time go to the <see cref="OmniGraph.Abstractions.IGraphRegistryGrain"/>.
    /// </summary>
    public Dictionary<string, string> Graphs { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the cluster keeps the graphs registered at run time. Default (<see langword="null"/>): a memory store of
    /// this cluster, named from its service and cluster ids (<see cref="RegistryLocations.DefaultFor"/>), so two
    /// clusters in one process (two embedded engines, two test clusters) never share registrations. Silos in several
    /// processes must name a store they share.
    /// </summary>
    public string? RegistryLocation { get; set; }

    /// <summary>Largest number of rows in one fragment file; larger batches are split. Default 1,048,576.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFragmentRows { get; set; } = 1 << 20;

    /// <summary>Table versions each table grain keeps loaded besides its head and staged versions (time travel). Default 4.</summary>
    [Range(0, int.MaxValue)]
    public int VersionCacheSize { get; set; } = 4;

    /// <summary>Write transactions a table grain keeps staging state for before it forgets the oldest. Default 64.</summary>
    [Range(1, int.MaxValue)]
    public int MaxStagedTransactions { get; set; } = 64;

    /// <summary>Preparations a retryable write makes before it reports the conflict. Default 16.</summary>
    [Range(1, int.MaxValue)]
    public int MaxWriteAttempts { get; set; } = 16;

    /// <summary>
    /// Age after which a foreign, incomplete recovery sidecar is healed at write entry (a younger one may belong to a
    /// write in progress in another process; heal on activation heals every sidecar). Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", MaxTimeSpan)]
    public TimeSpan StaleSidecarAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest number of rows one write may add to one table (0, the default: no limit). A guard for servers against
    /// runaway writes; a write over it fails with <c>resource_limit</c> before anything is staged. Loads are not capped by
    /// default: a whole data set loads as one commit.
    /// </summary>
    [Range(typeof(long), "0", "9223372036854775807")]
    public long MaxRowsPerTableWrite { get; set; }

    /// <summary>How many versions a branch head may move before the manifest grain refreshes its persisted head hint. Default 64.</summary>
    [Range(1, int.MaxValue)]
    public int HeadHintInterval { get; set; } = 64;

    /// <summary>
    /// Whether every commit appends an entry to its graph's hash-chained audit log (<c>audit/</c> in the graph's store,
    /// docs/security.md): after the publish and before the recovery sidecar is deleted, so a crash between the two is
    /// completed by the heal, exactly once per commit. A write the graph's policy denies appends a <c>deny</c> entry.
    /// Default <c>false</c> (the embedded engine); the server turns it on. Configure the same value on every silo.
    /// </summary>
    public bool AuditWrites { get; set; }

    /// <summary>
    /// Graph id → the policy bundle bound to that graph. Every commit re-checks the same decision the front-end made
    /// (operations.md §3.5, defence in depth): the write's actor must be allowed <c>change</c> on its branch, and a write
    /// without an actor is refused (fail closed) — including calls through the gateway, which no front-end checked. A
    /// graph without a bundle is not checked here. Each bundle must be a graph bundle. Configure the same bundles on
    /// every silo.
    /// </summary>
    public Dictionary<string, PolicyBundle> GraphPolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How long after a promotion <c>promote revert</c> may undo it (docs/branches.md, "Protected branches and
    /// promotion"). Default 24 hours; must be positive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", MaxTimeSpan, MinimumIsExclusive = true)]
    public TimeSpan PromotionRevertWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How <c>nearest</c> is answered by the table grains: the exact-scan threshold (rows up to which every search scans
    /// exactly and no graph is built; default 20,000), the filtered-search and rebuild shares, and the HNSW graph's M,
    /// ef_construction and ef_search (defaults 16, 100, 64). Checked on start (<c>search_options_invalid</c> ranges,
    /// docs/search.md §3). Configure the same values on every silo.
    /// </summary>
    public VectorSearchOptions VectorSearch { get; set; } = new();

    /// <summary>Registers a graph at a store location.</summary>
    public OmniGraphOptions AddGraph(string graphId, string location)
    {
        Graphs[graphId] = location;
        return this;
    }
}
