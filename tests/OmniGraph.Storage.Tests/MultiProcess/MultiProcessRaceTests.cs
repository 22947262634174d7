using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OmniGraph.TestWorker.Verbs;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Processes;
using OmniGraph.Testing.Storage;
using Xunit.Abstractions;

namespace OmniGraph.Storage.Tests.MultiProcess;

/// <summary>
/// Separate processes racing on one local directory: the local backend's guarantees must hold across
/// processes (its locks and atomic publishes are kernel objects), not merely across threads of one process.
/// </summary>
public sealed class MultiProcessRaceTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 4;
    private const int Rounds = 200;
    private readonly TempDirectory _directory = new();

    /// <summary>
    /// Four workers, started together and meeting at a barrier before every round, each run 200 rounds of:
    /// create-if-absent on the round's key, then one if-match increment of a shared counter. Every round must have exactly one winner (whose id the round
    /// object holds), and the counter must equal the number of increments the workers saw succeed.
    /// </summary>
    [Fact]
    public async Task Workers_RacingOnALocalDirectory_HaveOneWinnerPerRoundAndLoseNoIncrement()
    {
        var root = _directory.Combine("store");
        var store = new LocalDirectoryObjectStore(root);
        await store.PutAsync("race/counter", Bytes.Utf8("0"), WriteCondition.IfNotExists);
        var startFile = _directory.Combine("go");
        var stopwatch = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, Workers)
            .Select(i => TestWorkerProcess.Start("store-race", new Dictionary<string, string>
            {
                ["store"] = "file://" + root,
                ["worker"] = $"w{i}",
                ["rounds"] = Rounds.ToString(CultureInfo.InvariantCulture),
                ["round-prefix"] = "race/rounds",
                ["counter-key"] = "race/counter",
                ["start-file"] = startFile,
                ["barrier"] = Workers.ToString(CultureInfo.InvariantCulture),
            }))
            .ToList();
        List<StoreRaceResult> results;
        try
        {
            await File.WriteAllTextAsync(startFile, "go");
            var outcomes = await Task.WhenAll(workers.Select(w => w.WaitAsync(TimeSpan.FromSeconds(120))));
            // Report every worker: when one dies, the others time out at the next barrier, and only the first
            // failure explains the run.
            var failures = outcomes.Where(static o => o.ExitCode != 0).ToList();
            Assert.True(
                failures.Count == 0,
                string.Join("\n", outcomes.Select((o, i) => $"worker w{i} exited {o.ExitCode}: {o.StandardError.Trim()}")));

            results = outcomes.Select(o => JsonSerializer.Deserialize<StoreRaceResult>(o.StandardOutput.Trim(), StoreRaceResult.JsonOptions)!).ToList();
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        output.WriteLine(
            $"{Workers} workers x {Rounds} rounds in {stopwatch.Elapsed.TotalSeconds:0.0} s; wins {string.Join('/', results.Select(r => r.Wins.Count))}; " +
            $"increments {results.Sum(r => r.Increments)}, lost CAS {results.Sum(r => r.Conflicts)}");

        for (var round = 0; round < Rounds; round++)
        {
            var winners = results.Where(r => r.Wins.Contains(round)).Select(r => r.Worker).ToList();
            Assert.True(winners.Count == 1, $"round {round} had winners [{string.Join(", ", winners)}]");
            Assert.Equal(winners[0], Bytes.Text((await store.GetAsync($"race/rounds/{round:D4}")).Content));
        }

        // Every worker tries one increment per round; the barrier keeps rounds apart, so every round has at least one
        // success (a lost compare-and-swap lost to a success of the same round) and at most one per worker.
        var counter = long.Parse(Bytes.Text((await store.GetAsync("race/counter")).Content), CultureInfo.InvariantCulture);
        Assert.Equal(results.Sum(r => (long)r.Increments), counter);
        Assert.All(results, r => Assert.Equal(Rounds, r.Increments + r.Conflicts));
        Assert.InRange(counter, Rounds, Rounds * Workers);
        Assert.Equal(Rounds, (await store.ListAsync("race/rounds/", null, 5000)).Objects.Count);
        Assert.Empty(Directory.GetFiles(root, ".og-tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Worker_WithAnUnknownVerb_ExitsWithUsageCode()
    {
        using var worker = TestWorkerProcess.Start("no-such-verb", new Dictionary<string, string>());

        var outcome = await worker.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(OmniGraph.TestWorker.WorkerHost.UsageExitCode, outcome.ExitCode);
        Assert.Contains("store-race", outcome.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
