using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Security;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The manifest grain of one graph (key: the graph id). See <see cref="IManifestProtocol"/> for the contract and
/// docs/design/storage-engine.md §5–§6 for the protocol. State kept in memory is a cache of immutable objects (manifest
/// versions by incarnation and number, commits) plus what this activation knows about its own failed attempts; the
/// truth is always the store, which a resolve re-probes.
/// </summary>
internal sealed partial class ManifestGrain : Grain, IManifestProtocol
{
    private const int ManifestCacheCapacity = 256;

    private readonly SchemaCatalogCache _schemas;
    private readonly FailpointRegistry _failpoints;
    private readonly CommitCompletions _completionTracker;
    private readonly OmniGraphOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ManifestGrain> _logger;
    private readonly IPersistentState<ManifestGrainState> _state;
    private readonly SemaphoreSlim _stateLock = new(1, 1);

    /// <summary>Latest manifest known per branch incarnation (only versions on the incarnation's own chain).</summary>
    private readonly Dictionary<string, ManifestDocument> _heads = new(StringComparer.Ordinal);

    /// <summary>Manifest versions read so far (time travel, listings), bounded.</summary>
    private readonly Dictionary<(string Incarnation, long Version), ManifestDocument> _manifests = [];
    private readonly Queue<(string Incarnation, long Version)> _manifestOrder = new();

    /// <summary>Commits by (incarnation, version): small, immutable, kept for listings.</summary>
    private readonly Dictionary<(string Incarnation, long Version), CommitInfo> _commits = [];

    /// <summary>Head hints last persisted, per incarnation.</summary>
    private readonly Dictionary<string, long> _persistedHints = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _schemaSources = new(StringComparer.Ordinal);
    private readonly IGraphDirectory _directory;
    private readonly GraphWriteAccess _access;
    private readonly AuditLogFactory _auditLogs;
    private IObjectStore _store = null!;

    private GraphStampDocument? _stamp;
    private Exception? _stampError;

    public ManifestGrain(
        [PersistentState("registry", GraphGrainStorage.ProviderName)] IPersistentState<ManifestGrainState> state,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        FailpointRegistry failpoints,
        CommitCompletions completions,
        IOptions<OmniGraphOptions> options,
        GraphWriteAccess access,
        AuditLogFactory auditLogs,
        TimeProvider time,
        ILogger<ManifestGrain> logger)
    {
        _access = access;
        _auditLogs = auditLogs;
        _state = state;
        _schemas = schemas;
        _failpoints = failpoints;
        _completionTracker = completions;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _directory = directory;
    }

    private string GraphId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Here, not in the constructor: an unknown graph then fails the call with its own typed error (Orleans wraps
        // what a constructor throws).
        _store = await _directory.GetStoreAsync(GraphId, cancellationToken);
        foreach (var hint in _state.State.HeadHints)
        {
            _persistedHints[hint.Incarnation] = hint.Version;
        }

        await LoadStampAsync();
        if (_stamp is not null)
        {
            // A fresh activation cannot know whether another process is still writing, but fencing makes rolling
            // back safe anyway: every sidecar is healed (docs/design/storage-engine.md §6).
            await HealAllAsync(HealMode.Full);

            // A branch delete whose reclaim stopped (a crash, an I/O error) is finished here.
            await ReclaimPendingAsync();

            // So is a cleanup that recorded its floors but did not delete everything its journal lists.
            await FinishCleanupsOnActivationAsync();
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Committed writes still being completed (heads, sidecar deletes) finish first; if the silo stops before, their
        // sidecars are healed at the next activation.
        await SettleCompletionsAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (_stamp is not null && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            try
            {
                await PersistHeadHintsAsync(force: true);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHintWriteFailed(GraphId, exception);
            }
        }
    }

    /// <inheritdoc />
    public Task<int> GetStorageVersionAsync(CancellationToken cancellationToken = default)
    {
        return Task.FromResult(StorageFormat.StorageVersion);
    }

    private async Task LoadStampAsync()
    {
        try
        {
            var stored = await _store.GetAsync(GraphObjectKeys.Stamp);
            _stamp = StoredDocuments.ReadStamp(GraphObjectKeys.Stamp, stored.Content.Span);
            _stampError = null;
        }
        catch (ObjectNotFoundException)
        {
            _stamp = null;
        }
        catch (OmniGraphException exception) when (exception is CorruptObjectException or { Code: ErrorCodes.UnsupportedStorageFormat })
        {
            _stampError = exception;
        }
    }

    /// <summary>The stamp of an initialised graph (re-read while the root is uninitialised: another process may have run init).</summary>
    private async ValueTask<GraphStampDocument> RequireStampAsync()
    {
        if (_stampError is not null)
        {
            throw _stampError;
        }

        if (_stamp is null)
        {
            await LoadStampAsync();
            if (_stampError is not null)
            {
                throw _stampError;
            }

            if (_stamp is null)
            {
                throw EngineErrors.GraphNotInitialized(_store.Location);
            }
        }

        return _stamp;
    }

    private long NowMicros() => (_time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    private ITableBranchProtocol TableGrain(string table, string branch) =>
        GrainFactory.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(GraphId, table, branch));
}
