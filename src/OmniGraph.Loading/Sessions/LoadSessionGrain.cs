using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Grains.Writes;
using OmniGraph.Ingest;
using OmniGraph.Loading.Hosting;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Loading.Sessions;

/// <summary>
/// One load (key <c>{graph}/{tx}</c>): the JSONL intake fed chunk by chunk, fragments streamed to table grains as they
/// fill (<see cref="FragmentStager"/>), and at completion one typed write through the <see cref="GraphWriteCoordinator"/>:
/// every table the file touches, in the mode's table write mode, with the fragments staged under this session's tx and
/// each table's last fragment inline.
/// See <see cref="ILoadSessionGrain"/>.
/// </summary>
/// <remarks>
/// The session is prepared against the branch head at commit time (the coordinator's write entry), not at
/// <see cref="BeginAsync"/>: a long load does not conflict with commits that land while it parses. The file is
/// validated against the schema of the head at <see cref="BeginAsync"/>; if the schema changed meanwhile the table grains
/// refuse the fragments (<c>invalid_write</c>) and nothing is published.
/// </remarks>
internal sealed partial class LoadSessionGrain : Grain, ILoadSessionGrain
{
    private readonly GraphWriteCoordinator _coordinator;
    private readonly IGraphDirectory _directory;
    private readonly SchemaCatalogCache _schemas;
    private readonly JsonlIntakeFactory _intakes;
    private readonly OmniGraphLoadingOptions _options;
    private readonly ILogger<LoadSessionGrain> _logger;
    private readonly TextEmbedder _embedder;

    private string _key = null!;
    private string _graphId = null!;
    private string _tx = null!;
    private LoadSessionState _state = LoadSessionState.Created;
    private LoadRequest? _request;
    private string? _schemaHash;
    private JsonlIntake? _intake;
    private FragmentStager? _stager;
    private long _bytesReceived;
    private long _parseTicks;
    private Exception? _failure;
    private bool _branchCreated;

    public LoadSessionGrain(
        GraphWriteCoordinator coordinator,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        JsonlIntakeFactory intakes,
        IOptions<OmniGraphLoadingOptions> options,
        TextEmbedder embedder,
        ILogger<LoadSessionGrain> logger)
    {
        _embedder = embedder;
        _coordinator = coordinator;
        _directory = directory;
        _schemas = schemas;
        _intakes = intakes;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        if (!LoadSessionKeys.TryParse(_key, out var graphId, out var tx))
        {
            throw new ArgumentException($"'{_key}' is not a load session key ({{graph}}/{{transaction ULID}})");
        }

        _graphId = graphId;
        _tx = tx;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state is LoadSessionState.Receiving or LoadSessionState.Committing && _stager is not null)
        {
            // The caller went away mid-load (idle collection, shutdown): nothing was published; free the staging.
            LogAbandoned(_graphId, _tx, _state.ToString());
            _state = LoadSessionState.Aborted;
            await _stager.ReleaseAsync();
        }
    }

    /// <inheritdoc />
    public async Task BeginAsync(LoadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        RequireState(LoadSessionState.Created, "it has already begun");
        if (string.IsNullOrEmpty(request.Branch))
        {
            throw EngineErrors.LoadSessionState(_key, "the load names no branch");
        }

        if (!Enum.IsDefined(request.Mode))
        {
            throw EngineErrors.LoadSessionState(_key, $"unknown load mode {(int)request.Mode}");
        }

        // The branch must exist (or is created from --from first) and its head's schema is what the file is read against.
        var manifest = GrainFactory.GetGrain<IManifestGrain>(_graphId);
        GraphSnapshot head;
        try
        {
            head = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Branch), cancellationToken);
        }
        catch (OmniGraphException missing) when (missing.Code == ErrorCodes.BranchNotFound && request.BaseBranch is { } from)
        {
            try
            {
                await manifest.CreateBranchAsync(request.Branch, from, cancellationToken);
                _branchCreated = true;
            }
            catch (OmniGraphException exists) when (exists.Code == ErrorCodes.BranchExists)
            {
                // Created by someone else meanwhile: load into it.
            }

            head = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Branch), cancellationToken);
        }

        var catalog = await _schemas.GetAsync(await _directory.GetStoreAsync(_graphId, cancellationToken), head.SchemaHash, cancellationToken);
        _schemaHash = head.SchemaHash;
        _intake = _intakes.Create(catalog, LoadWriteModes.ToIntakeMode(request.Mode), leavesEmbedVectorsOpen: true);
        _stager = new FragmentStager(GrainFactory, _graphId, request.Branch, _tx, _options.MaxFragmentWritesInFlight, new EmbedVectorFiller(_embedder, request.EmbedProperties));
        _request = request;
        _state = LoadSessionState.Receiving;
        LogBegun(_graphId, _tx, request.Branch, request.Mode.ToWireName(), head.ManifestVersion);
    }

    /// <inheritdoc />
    public async Task<LoadProgress> WriteAsync(LoadChunk chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        RequireState(LoadSessionState.Receiving, "it is not receiving input");
        var start = Stopwatch.GetTimestamp();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _intake!.Feed(chunk.Data.Span);
            _bytesReceived += chunk.Data.Length;
            await _stager!.StageReadyAsync(_intake, cancellationToken);
        }
        catch (Exception exception)
        {
            await FailAsync(exception);
            throw;
        }
        finally
        {
            _parseTicks += Stopwatch.GetTimestamp() - start;
        }

        return Progress();
    }

    /// <inheritdoc />
    public async Task<LoadOutput> CompleteAsync(CancellationToken cancellationToken = default)
    {
        RequireState(LoadSessionState.Receiving, "it is not receiving input");
        var request = _request!;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            var intake = _intake!.Complete();
            var inline = await _stager!.TakeRemainingAsync(_intake, cancellationToken);
            var staged = await _stager!.FinishAsync();
            cancellationToken.ThrowIfCancellationRequested();
            var staging = Stopwatch.GetElapsedTime(start);
            _state = LoadSessionState.Committing;
            start = Stopwatch.GetTimestamp();
            var graphWrite = BuildWrite(request, intake, staged, inline) with { SchemaHash = _schemaHash };
            ImmutableArray<LoadedTypeCount> nodes = [.. intake.Nodes.Select(static n => new LoadedTypeCount(n.Name, n.EntitiesLoaded))];
            ImmutableArray<LoadedTypeCount> edges = [.. intake.Edges.Select(static e => new LoadedTypeCount(e.Name, e.EntitiesLoaded))];
            var (entities, records) = (intake.TotalEntities, intake.RecordCount);

            // The intake's id sets are as large as the file's ids and the commit needs none of them: let them go first.
            intake = null;
            _intake = null;
            var write = await _coordinator.WriteAsync(_graphId, graphWrite, cancellationToken);
            var commit = Stopwatch.GetElapsedTime(start);
            _state = LoadSessionState.Completed;
            LogCommitted(_graphId, _tx, request.Branch, write.Commit.Id, write.Commit.ManifestVersion, entities, write.Attempts);
            await _stager.ReleaseAsync();
            Forget();
            return new LoadOutput(
                request.Branch,
                BaseBranch: request.BaseBranch,
                BranchCreated: _branchCreated,
                request.Mode.ToWireName(),
                nodes,
                edges,
                entities,
                request.Actor,
                write.Commit.ToOutput())
            {
                Tables = write.Tables,
                RecordsRead = records,
                Attempts = write.Attempts,
                Timings = new LoadTimings(Stopwatch.GetElapsedTime(0, _parseTicks).TotalMilliseconds, staging.TotalMilliseconds, commit.TotalMilliseconds),
            };
        }
        catch (Exception exception)
        {
            await FailAsync(exception);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task AbortAsync()
    {
        if (_state is LoadSessionState.Completed or LoadSessionState.Aborted)
        {
            return;
        }

        var wasFailed = _state == LoadSessionState.Failed;
        _state = LoadSessionState.Aborted;
        if (!wasFailed && _stager is not null)
        {
            await _stager.ReleaseAsync();
        }

        LogAborted(_graphId, _tx);
        Forget();
    }

    /// <summary>
    /// One table write per touched table: the fragments staged for it while the file was read, in file order, then its
    /// last fragments as inline batches (see <see cref="FragmentStager.TakeRemainingAsync"/>).
    /// </summary>
    private static GraphWriteRequest BuildWrite(
        LoadRequest request,
        IntakeResult intake,
        SortedDictionary<string, ImmutableArray<StagedFragment>> staged,
        SortedDictionary<string, ImmutableArray<RecordBatch>> inline)
    {
        var mode = LoadWriteModes.ToTableWriteMode(request.Mode);
        var tables = ImmutableArray.CreateBuilder<TableWrite>(intake.Tables.Length);
        foreach (var table in intake.Tables)
        {
            var fragments = staged.TryGetValue(table.TableName, out var written) ? written : [];
            var batches = inline.TryGetValue(table.TableName, out var last) ? last : [];
            tables.Add(new TableWrite(table.TableName, mode, fragments, batches, null));
        }

        return new GraphWriteRequest(request.Branch, tables.MoveToImmutable())
        {
            Actor = request.Actor,
            Writer = "load",
            RetryOnReadSetChange = LoadWriteModes.RetriesOnReadSetChange(request.Mode),
        };
    }

    private LoadProgress Progress() =>
        new(_bytesReceived, _intake!.LinesRead, _intake.RecordsRead, _stager!.Count) { PeakBytesInFlight = _stager.PeakBytesInFlight };

    /// <summary>Marks the session failed and frees its staging; nothing of it is published.</summary>
    private async Task FailAsync(Exception exception)
    {
        _failure = exception;
        _state = LoadSessionState.Failed;
        LogFailed(_graphId, _tx, (exception as OmniGraphException)?.Code ?? exception.GetType().Name, exception.Message);
        if (_stager is not null)
        {
            await _stager.ReleaseAsync();
        }

        Forget();
    }

    /// <summary>
    /// Ends the session's life: drops the intake (its key sets are as large as the file's ids) and the stager, and lets
    /// the activation go as soon as it is idle, so a silo running many small loads does not keep one activation per load
    /// until idle collection. A later call reaches a fresh activation and is refused as "not begun".
    /// </summary>
    private void Forget()
    {
        _intake = null;
        _stager = null;
        DeactivateOnIdle();
    }

    private void RequireState(LoadSessionState expected, string reason)
    {
        if (_state == expected)
        {
            return;
        }

        throw _state switch
        {
            LoadSessionState.Failed => EngineErrors.LoadSessionState(_key, $"it failed earlier: {_failure?.Message}", _failure),
            LoadSessionState.Aborted => EngineErrors.LoadSessionState(_key, "it was aborted"),
            LoadSessionState.Completed => EngineErrors.LoadSessionState(_key, "it has already committed"),
            LoadSessionState.Created => EngineErrors.LoadSessionState(_key, "it has not begun (a session that ended is forgotten: start a new one)"),
            _ => EngineErrors.LoadSessionState(_key, reason),
        };
    }
}
