using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Storage;
using OmniGraph.TestWorker.Handshake;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>
/// <c>store-race</c>: races other workers on one object store. For each round it tries to create
/// <c>{round-prefix}/{round:D4}</c> with create-if-absent (content: its worker id), then tries once to increment
/// the decimal counter at <c>counter-key</c> with an if-match write. It reports the rounds it won, how many
/// increments succeeded and how many lost the compare-and-swap.
/// </summary>
/// <remarks>
/// Options: <c>--store</c> location (path, file:// or memory://), <c>--worker</c> id, <c>--rounds</c> count,
/// <c>--round-prefix</c>, <c>--counter-key</c>, and optionally <c>--start-file</c> (wait until that file exists
/// before the first round, so every worker starts together) and <c>--barrier</c> N (before each round, wait until
/// N workers have reached it, so each round's create-if-absent is a real race rather than a free run in which
/// the fastest worker simply arrives first). The barrier is kept in the store itself, under
/// <c>{round-prefix}-barrier/</c>.
/// </remarks>
public sealed class StoreRaceVerb : IWorkerVerb
{
    /// <inheritdoc />
    public string Name => "store-race";

    /// <inheritdoc />
    public string Description => "race create-if-absent and if-match increments against other workers";

    /// <inheritdoc />
    public async Task<int> RunAsync(WorkerArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var store = ObjectStoreUri.Open(arguments.GetString("store"));
        var worker = arguments.GetString("worker");
        var rounds = arguments.GetInt32("rounds", minimum: 1);
        var roundPrefix = arguments.GetString("round-prefix");
        var counterKey = arguments.GetString("counter-key");
        var barrier = arguments.GetOptionalString("barrier") is null ? 0 : arguments.GetInt32("barrier", minimum: 1);
        if (arguments.GetOptionalString("start-file") is { } startFile)
        {
            // Warm up (JIT, first directory creation) on a private key first, so a slow starter does not
            // simply lose every round and the workers really race once released.
            var warmUpKey = $"{roundPrefix}-warmup/{worker}";
            var warm = await store.PutAsync(warmUpKey, Encoding.UTF8.GetBytes(worker), WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            await store.PutAsync(warmUpKey, (await store.GetAsync(warmUpKey, cancellationToken).ConfigureAwait(false)).Content, WriteCondition.IfMatch(warm.ETag), cancellationToken).ConfigureAwait(false);
            await SignalFiles.WaitAsync(startFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var wins = new List<int>();
        var increments = 0;
        var conflicts = 0;
        var workerBytes = Encoding.UTF8.GetBytes(worker);
        for (var round = 0; round < rounds; round++)
        {
            if (barrier > 0)
            {
                await WaitAtBarrierAsync(store, $"{roundPrefix}-barrier/{round:D4}/", worker, barrier, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await store.PutAsync($"{roundPrefix}/{round:D4}", workerBytes, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
                wins.Add(round);
            }
            catch (ObjectPreconditionFailedException)
            {
                // Another worker created this round's object first.
            }

            var counter = await store.GetAsync(counterKey, cancellationToken).ConfigureAwait(false);
            var value = long.Parse(Encoding.UTF8.GetString(counter.Content.Span), NumberStyles.Integer, CultureInfo.InvariantCulture);
            var next = Encoding.UTF8.GetBytes((value + 1).ToString(CultureInfo.InvariantCulture));
            try
            {
                await store.PutAsync(counterKey, next, WriteCondition.IfMatch(counter.ETag), cancellationToken).ConfigureAwait(false);
                increments++;
            }
            catch (ObjectPreconditionFailedException)
            {
                conflicts++;
            }
        }

        var result = new StoreRaceResult(worker, wins, increments, conflicts);
        await output.WriteLineAsync(JsonSerializer.Serialize(result, StoreRaceResult.JsonOptions)).ConfigureAwait(false);
        return 0;
    }

    private static async Task WaitAtBarrierAsync(IObjectStore store, string prefix, string worker, int parties, CancellationToken cancellationToken)
    {
        await store.PutAsync(prefix + worker, ReadOnlyMemory<byte>.Empty, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(SignalFiles.HangGuard);
        try
        {
            while ((await store.ListAsync(prefix, null, parties, guard.Token).ConfigureAwait(false)).Objects.Count < parties)
            {
                await Task.Delay(1, guard.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"barrier '{prefix}' did not fill with {parties} workers within {SignalFiles.HangGuard.TotalSeconds} s");
        }
    }
}
