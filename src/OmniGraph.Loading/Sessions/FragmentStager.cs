using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Sessions;

/// <summary>
/// Streams a load's fragments to their table grains as the intake fills them, with at most a fixed number of writes in
/// flight: the parser runs on while earlier fragments are written, and memory holds only the fragments being written
/// (plus what the table grains keep warm). Remembers, per table and in file order, what each write staged.
/// </summary>
/// <remarks>Used from one load session's turns only (not thread-safe).</remarks>
internal sealed class FragmentStager
{
    private readonly IGrainFactory _grains;
    private readonly string _graphId;
    private readonly string _branch;
    private readonly string _tx;
    private readonly int _maxInFlight;
    private readonly EmbedVectorFiller _embeddings;
    private readonly Queue<(Task<ImmutableArray<StagedFragment>> Write, long Bytes)> _inFlight = new();
    private readonly SortedDictionary<string, List<Task<ImmutableArray<StagedFragment>>>> _byTable = new(StringComparer.Ordinal);

    public FragmentStager(IGrainFactory grains, string graphId, string branch, string tx, int maxInFlight, EmbedVectorFiller embeddings)
    {
        _embeddings = embeddings;
        _grains = grains;
        _graphId = graphId;
        _branch = branch;
        _tx = tx;
        _maxInFlight = maxInFlight;
    }

    /// <summary>Fragments handed to table grains so far.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the fragments whose writes are still in flight (the intake's estimate of each batch).</summary>
    public long BytesInFlight { get; private set; }

    /// <summary>The most bytes ever in flight at once, counting the fragment about to be handed over.</summary>
    public long PeakBytesInFlight { get; private set; }

    /// <summary>The tables written to so far, in table-key order.</summary>
    public IEnumerable<string> Tables => _byTable.Keys;

    /// <summary>Hands every fragment the intake has emitted to its table grain; waits only while too many writes are in flight.</summary>
    /// <exception cref="OmniGraphException">A fragment write failed (the first failure surfaces here or at <see cref="FinishAsync"/>).</exception>
    public async Task StageReadyAsync(JsonlIntake intake, CancellationToken cancellationToken = default)
    {
        while (intake.TryTakeFragment(out var fragment))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Stage(fragment, await _embeddings.FillAsync(fragment, cancellationToken), cancellationToken);
            while (_inFlight.Count > _maxInFlight)
            {
                var (write, bytes) = _inFlight.Dequeue();
                await write;
                BytesInFlight -= bytes;
            }

            // Completed writes need no waiting; keep the queue to the ones still running.
            while (_inFlight.TryPeek(out var oldest) && oldest.Write.IsCompletedSuccessfully)
            {
                BytesInFlight -= _inFlight.Dequeue().Bytes;
            }
        }
    }

    /// <summary>
    /// Takes the fragments the intake emitted at its end (each table's last, partial fragment) without staging them: they
    /// travel with the commit as inline batches and are written in parallel with the table's version object, so a small
    /// load pays no durable write of its own before its commit. Their left-out <c>@embed</c> vectors are filled first.
    /// </summary>
    public async Task<SortedDictionary<string, ImmutableArray<RecordBatch>>> TakeRemainingAsync(JsonlIntake intake, CancellationToken cancellationToken)
    {
        var remaining = new SortedDictionary<string, ImmutableArray<RecordBatch>>(StringComparer.Ordinal);
        while (intake.TryTakeFragment(out var fragment))
        {
            var batch = await _embeddings.FillAsync(fragment, cancellationToken);
            remaining[fragment.TableName] = remaining.TryGetValue(fragment.TableName, out var earlier)
                ? earlier.Add(batch)
                : [batch];
        }

        return remaining;
    }

    /// <summary>Waits for every write and returns each table's staged fragments in file order.</summary>
    public async Task<SortedDictionary<string, ImmutableArray<StagedFragment>>> FinishAsync()
    {
        _inFlight.Clear();
        BytesInFlight = 0;
        var staged = new SortedDictionary<string, ImmutableArray<StagedFragment>>(StringComparer.Ordinal);
        foreach (var (table, writes) in _byTable)
        {
            var fragments = ImmutableArray.CreateBuilder<StagedFragment>();
            foreach (var write in writes)
            {
                fragments.AddRange(await write);
            }

            staged[table] = fragments.ToImmutable();
        }

        return staged;
    }

    /// <summary>
    /// Lets writes in flight end (their failures no longer matter) and tells each table grain to forget this load's
    /// staging. Best effort: what was written stays as unreferenced garbage.
    /// </summary>
    public async Task ReleaseAsync()
    {
        foreach (var writes in _byTable.Values)
        {
            foreach (var write in writes)
            {
                try
                {
                    await write;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // The load is being abandoned; a failed fragment write changes nothing.
                }
            }
        }

        _inFlight.Clear();
        BytesInFlight = 0;
        foreach (var table in _byTable.Keys)
        {
            try
            {
                await TableGrain(table).AbortAsync(_tx);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Forgetting only frees memory; a grain that cannot be reached drops the staging when it deactivates.
            }
        }
    }

    private void Stage(IntakeFragment fragment, RecordBatch batch, CancellationToken cancellationToken)
    {
        if (!_byTable.TryGetValue(fragment.TableName, out var writes))
        {
            writes = [];
            _byTable.Add(fragment.TableName, writes);
        }

        var write = TableGrain(fragment.TableName).StageFragmentAsync(_tx, batch, cancellationToken);
        writes.Add(write);
        _inFlight.Enqueue((write, fragment.EstimatedBytes));
        Count++;
        BytesInFlight += fragment.EstimatedBytes;
        PeakBytesInFlight = Math.Max(PeakBytesInFlight, BytesInFlight);
    }

    private ITableBranchProtocol TableGrain(string table) =>
        _grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(_graphId, table, _branch));
}
