using System.Text.Json;
using OmniGraph.Security;
using OmniGraph.Storage;
using OmniGraph.TestWorker.Handshake;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>
/// <c>audit-append</c>: appends <c>--count</c> records to the audit log of the graph store <c>--store</c>, racing other
/// workers, each record with the commit id <c>{worker}-{i}</c> (so the test can find every one), after
/// <c>--start-file</c> appears. Reports the sequence numbers its entries got.
/// </summary>
public sealed class AuditAppendVerb : IWorkerVerb
{
    /// <inheritdoc />
    public string Name => "audit-append";

    /// <inheritdoc />
    public string Description => "append audit entries to a graph store, racing other workers";

    /// <inheritdoc />
    public async Task<int> RunAsync(WorkerArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var store = ObjectStoreUri.Open(arguments.GetString("store"));
        var worker = arguments.GetString("worker");
        var count = arguments.GetInt32("count", minimum: 1);
        var log = new AuditLog(store);
        if (arguments.GetOptionalString("start-file") is { } startFile)
        {
            await SignalFiles.WaitAsync(startFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var seqs = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var record = new AuditRecord(worker, PolicyAction.Change, "g", "main", $"{worker}-{i}", AuditDecisionKind.Allow, "team-change");
            var result = await log.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            seqs.Add(result.Entry.Seq);
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(new AuditAppendResult(worker, seqs), StoreRaceResult.JsonOptions)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>What one worker reports.</summary>
    /// <param name="Worker">The worker id.</param>
    /// <param name="Seqs">The sequence numbers of its entries, in append order.</param>
    public sealed record AuditAppendResult(string Worker, IReadOnlyList<long> Seqs);
}
