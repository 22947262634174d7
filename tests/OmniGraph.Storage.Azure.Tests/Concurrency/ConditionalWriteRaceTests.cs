using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Azure.Tests.Concurrency;

/// <summary>
/// Racing writers on the blob store, round after round: every conditional create, compare-and-swap, conditional delete
/// and lease acquire has exactly one winner, and every loser gets a typed precondition failure (never a silent win,
/// never an unknown outcome: nothing here fails transiently).
/// </summary>
public sealed class ConditionalWriteRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Racers = 8;
    private const int Rounds = 20;

    private readonly IObjectStore _store = azurite.CreateStore();

    [Fact]
    public async Task RacingCreates_HaveExactlyOneWinnerEachRound()
    {
        await _store.PutAsync("seed", Bytes.Utf8("x"), WriteCondition.None);
        for (var round = 0; round < Rounds; round++)
        {
            var key = $"immutable/{round}";
            var outcomes = await RaceAsync(racer => _store.PutAsync(key, Bytes.Utf8($"racer-{racer}"), WriteCondition.IfNotExists).AsTask());

            var winner = Assert.Single(outcomes, o => o.Won);
            var stored = await _store.GetAsync(key);
            Assert.Equal($"racer-{winner.Racer}", Bytes.Text(stored.Content));
            Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal(stored.ETag, o.Failure!.CurrentETag));
        }
    }

    [Fact]
    public async Task RacingCompareAndSwaps_FromOneTag_HaveExactlyOneWinnerEachRound()
    {
        var current = await _store.PutAsync("head", Bytes.Utf8("0"), WriteCondition.None);
        for (var round = 0; round < Rounds; round++)
        {
            var expected = current.ETag;
            var written = new ObjectProperties?[Racers];
            var outcomes = await RaceAsync(async racer =>
                written[racer] = await _store.PutAsync("head", Bytes.Utf8($"{round}/racer-{racer}"), WriteCondition.IfMatch(expected)));

            var winner = Assert.Single(outcomes, o => o.Won);
            current = written[winner.Racer]!;
            var stored = await _store.GetAsync("head");
            Assert.Equal($"{round}/racer-{winner.Racer}", Bytes.Text(stored.Content));
            Assert.Equal(current.ETag, stored.ETag);
            Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal(current.ETag, o.Failure!.CurrentETag));
        }
    }

    [Fact]
    public async Task RacingConditionalDeletes_HaveExactlyOneWinnerEachRound()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var key = $"doomed/{round}";
            var written = await _store.PutAsync(key, Bytes.Utf8("x"), WriteCondition.None);

            var outcomes = await RaceAsync(_ => _store.DeleteAsync(key, WriteCondition.IfMatch(written.ETag)).AsTask());

            Assert.Single(outcomes, o => o.Won);
            Assert.Null(await _store.GetPropertiesAsync(key));
        }
    }

    [Fact]
    public async Task RacingLeaseAcquires_HaveExactlyOneHolderEachRound()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var key = $"locks/{round}";
            await _store.PutAsync(key, Bytes.Utf8("x"), WriteCondition.None);
            var leases = new ObjectLease?[Racers];

            var outcomes = await RaceAsync(async racer => leases[racer] = await _store.AcquireLeaseAsync(key, TimeSpan.FromSeconds(15)));

            var holder = Assert.Single(outcomes, o => o.Won);
            Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal("the object is already leased", o.Failure!.Reason));
            await _store.PutAsync(key, Bytes.Utf8("held"), WriteCondition.None.WithLease(leases[holder.Racer]!.LeaseId));
            await _store.ReleaseLeaseAsync(leases[holder.Racer]!);
        }
    }

    /// <summary>Starts every racer at once (behind one gate) and reports who won and how the others lost.</summary>
    private static async Task<Outcome[]> RaceAsync(Func<int, Task> attempt)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(racer => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await attempt(racer);
                return new Outcome(racer, null);
            }
            catch (ObjectPreconditionFailedException failure)
            {
                return new Outcome(racer, failure);
            }
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }

    private sealed record Outcome(int Racer, ObjectPreconditionFailedException? Failure)
    {
        public bool Won => Failure is null;
    }
}
