using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Ingest;
using OmniGraph.Tables.Search;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

/// <summary>
/// One table on one branch (key <c>{graph}/{table}@{branch}</c>). See <see cref="ITableBranchGrain"/> and <see cref="ITableBranchProtocol"/>. The grain keeps
/// its head version and the versions staged by writes in progress pinned in memory, plus a small LRU of other versions;
/// every version is immutable, which is what lets reads interleave with everything.
/// </summary>
internal sealed partial class TableBranchGrain : Grain, ITableBranchProtocol
{
    private readonly SchemaCatalogCache _schemas;
    private readonly SharedFragments _sharedFragments;
    private readonly OmniGraphOptions _options;
    private readonly ILogger<TableBranchGrain> _logger;
    private readonly IPersistentState<TableHeadState> _head;
    private readonly VersionCache _versions;
    private readonly Dictionary<string, Task<TableVersionView>> _loading = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, TransactionStaging> _staging = new(StringComparer.Ordinal);

    private readonly IGraphDirectory _directory;
    private IObjectStore _store = null!;
    private string _graphId = null!;
    private string _table = null!;
    private string _branch = null!;
    private string? _headKey;

    public TableBranchGrain(
        [PersistentState("head", GraphGrainStorage.ProviderName)] IPersistentState<TableHeadState> head,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        SharedFragments sharedFragments,
        IOptions<OmniGraphOptions> options,
        ILogger<TableBranchGrain> logger)
    {
        _head = head;
        _schemas = schemas;
        _sharedFragments = sharedFragments;
        _options = options.Value;
        _logger = logger;
        _versions = new VersionCache(_options.VersionCacheSize);
        _searchIndexes = new SearchIndexCache(_options.VectorSearch);
        _directory = directory;
    }

    private bool IsEdge => GraphObjectKeys.IsEdgeTable(_table);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!GraphGrainKeys.TryParseTableBranch(key, out var graphId, out var table, out var branch)
            || !(table.StartsWith("node:", StringComparison.Ordinal) || table.StartsWith("edge:", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{key}' is not a table-branch grain key ({{graph}}/{{node|edge}}:{{Type}}@{{branch}})");
        }

        _graphId = graphId;
        _table = table;
        _branch = branch;
        _headKey = _head.State.Head?.Key;

        // Here, not in the constructor: an unknown graph then fails the call with its own typed error.
        _store = await _directory.GetStoreAsync(graphId, cancellationToken);
    }

    /// <summary>The loaded version a reference names (loading it on first use), its rows in memory.</summary>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="endpointsOnly">Only the endpoint columns of an edge table need be in memory (traversals).</param>
    private async Task<TableVersionView> GetViewAsync(TableVersionRef version, CancellationToken cancellationToken = default, bool endpointsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!string.Equals(version.Table, _table, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidTableRequest(_table, $"the version reference names {version.Table}");
        }

        var key = CacheKey(version);
        if (_versions.TryGet(key, out var view))
        {
            return IsReady(view, endpointsOnly) ? view : await MakeResidentAsync(view, endpointsOnly, cancellationToken);
        }

        if (!_loading.TryGetValue(key, out var loading))
        {
            loading = LoadViewAsync(version, key);
            _loading[key] = loading;
        }

        try
        {
            // The load is shared by every caller of the version (and cached for later ones): a caller that gives up
            // stops waiting for it, the load itself runs on.
            view = await loading.WaitAsync(cancellationToken);
            return IsReady(view, endpointsOnly) ? view : await MakeResidentAsync(view, endpointsOnly, cancellationToken);
        }
        finally
        {
            if (loading.IsCompleted && _loading.TryGetValue(key, out var current) && ReferenceEquals(current, loading))
            {
                _loading.Remove(key);
            }
        }
    }

    private async Task<TableVersionView> LoadViewAsync(TableVersionRef version, string key)
    {
        var layout = await LayoutAsync(version.SchemaHash);
        TableVersionView view;
        if (version.Version == 0)
        {
            view = VersionLoader.Empty(version, layout);
        }
        else
        {
            // A fragment another grain holds (main's, for a branch's first read) is taken as it is, rows and all.
            (view, _) = await VersionLoader.LoadAsync(_store, version, layout, fragmentKey => _versions.FindFragment(fragmentKey) ?? _sharedFragments.Find(_graphId, fragmentKey), _versions.FindMask);
            LogVersionLoaded(_graphId, _table, version.Version, view.Fragments.Length, view.RowCount);
        }

        _versions.Add(key, view, pinned: string.Equals(version.Key, _headKey, StringComparison.Ordinal) && version.Key is not null);
        _sharedFragments.Share(_graphId, view.Fragments);
        return view;
    }

    private async Task<TableLayout> LayoutAsync(string schemaHash)
    {
        var catalog = await _schemas.GetAsync(_store, schemaHash);
        return SchemaCatalogCache.LayoutOf(catalog, _table);
    }

    private static string CacheKey(TableVersionRef version) =>
        version.Key ?? $"v0/{version.ChainIncarnation}/{version.SchemaHash}";
}
