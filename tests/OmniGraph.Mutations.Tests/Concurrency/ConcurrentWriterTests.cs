using System.Collections.Concurrent;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Hosting;
using Xunit.Abstractions;

namespace OmniGraph.Mutations.Tests.Concurrency;

/// <summary>Several writers on one branch: inserts are re-prepared, read-dependent writes fail with typed conflicts, and no update is lost.</summary>
public abstract class ConcurrentWriterTests(ClusterShape shape, ITestOutputHelper output) : ClusterShapedTests(shape)
{
    private const string Schema = """
        node Counter { name: String @key  value: I64 }
        node Item { key: String @key  writer: I32 }
        """;

    private const string Insert = "query add($key: String, $writer: I32) { insert Item { key: $key, writer: $writer } }";
    private const string Set = "query set($name: String, $value: I64) { update Counter set { value: $value } where name = $name }";

    /// <summary>
    /// Eight writers, six rounds (an iteration budget, not a time one). In each round every writer inserts a distinct key
    /// at once (every insert lands, re-prepared as often as needed), then every writer reads the same head and tries a
    /// conditional update of one of two counters from it: exactly one update lands and the seven others fail with a typed
    /// conflict. The counters equal the updates that landed, and every acknowledged commit is in the one linear history.
    /// </summary>
    [Fact]
    public async Task EightWriters_NoUpdateIsLost_AndTheHistoryIsOneLine()
    {
        const int Writers = 8;
        const int Rounds = 6;
        await using var host = await MutationHost.InitAsync(
            Schema,
            """
            {"type":"Counter","data":{"name":"c0","value":0}}
            {"type":"Counter","data":{"name":"c1","value":0}}
            """,
            engine: static o => o.MaxWriteAttempts = 1000);
        var commits = new ConcurrentBag<string>();
        var increments = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var conflicts = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var inserts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => host.RunAsync(Insert, $$"""{"key":"w{{w}}-{{round}}","writer":{{w}}}"""))));
            Assert.All(inserts, i => commits.Add(i.Commit!.GraphCommitId));

            var head = (await host.HeadAsync()).Commit.Id;
            var values = new Dictionary<string, long>(StringComparer.Ordinal) { ["c0"] = (await ReadCounterAsync(host, "c0")).Value, ["c1"] = (await ReadCounterAsync(host, "c1")).Value };
            var updates = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var counter = $"c{(w + round) % 2}";
                try
                {
                    var update = await host.RunAsync(Set, $$"""{"name":"{{counter}}","value":{{values[counter] + 1}}}""", expectedHead: head);
                    commits.Add(update.Commit!.GraphCommitId);
                    increments.AddOrUpdate(counter, 1, static (_, n) => n + 1);
                    return true;
                }
                catch (Exception exception) when (exception is GraphPreconditionFailedException or ReadSetChangedException)
                {
                    Interlocked.Increment(ref conflicts);
                    return false;
                }
            })));
            Assert.Equal(1, updates.Count(static landed => landed));
        }

        output.WriteLine($"{Writers * Rounds} inserts, {increments.Values.Sum()} counter updates landed, {conflicts} typed conflicts, {commits.Count} commits");
        Assert.Equal(Rounds * (Writers - 1), conflicts);
        Assert.Equal(Rounds, increments.Values.Sum());
        foreach (var counter in new[] { "c0", "c1" })
        {
            Assert.Equal(increments.GetValueOrDefault(counter), (await ReadCounterAsync(host, counter)).Value);
        }

        Assert.Equal(Writers * Rounds, (await host.RowsAsync("node:Item")).Count);
        var history = await GraphAssertions.LinearHistoryAsync(host);
        var ids = history.Select(static c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(commits, c => Assert.Contains(c, ids));
        Assert.Equal(2 + (Writers * Rounds) + Rounds, history.Count);
        Assert.Equal(history.Count - 2, commits.Count);
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>Eight conditional updates of one row against the same head: exactly one lands, seven fail with the precondition failure.</summary>
    [Fact]
    public async Task EightConditionalUpdates_OfOneRow_FromOneHead_ExactlyOneWins()
    {
        await using var host = await MutationHost.InitAsync(Schema, """{"type":"Counter","data":{"name":"c0","value":0}}""");
        var head = (await host.HeadAsync()).Commit.Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(v => Task.Run(async () =>
        {
            try
            {
                await host.RunAsync(Set, $$"""{"name":"c0","value":{{v}}}""", expectedHead: head);
                return null;
            }
            catch (GraphPreconditionFailedException failure)
            {
                return failure;
            }
        })));

        Assert.Equal(1, outcomes.Count(static o => o is null));
        Assert.All(outcomes.Where(static o => o is not null), o => Assert.Equal(head, o!.Expected));
        Assert.Equal(3, (await GraphAssertions.LinearHistoryAsync(host)).Count);
    }

    /// <summary>Inserts into different tables, all at once: every one lands, each with its own commit, in one line.</summary>
    [Fact]
    public async Task ConcurrentInserts_OnDisjointTables_AllLand()
    {
        await using var host = await MutationHost.InitAsync(Schema, engine: static o => o.MaxWriteAttempts = 1000);

        var changes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => i % 2 == 0
            ? host.RunAsync(Insert, $$"""{"key":"k{{i}}","writer":{{i}}}""")
            : host.RunAsync($$"""query c() { insert Counter { name: "c{{i}}", value: {{i}} } }"""))));

        Assert.Equal(12, changes.Select(static c => c.Commit!.GraphCommitId).Distinct().Count());
        Assert.Equal(6, (await host.RowsAsync("node:Item")).Count);
        Assert.Equal(6, (await host.RowsAsync("node:Counter")).Count);
        Assert.Equal(13, (await GraphAssertions.LinearHistoryAsync(host)).Count);
    }

    private static async Task<(string Head, long Value)> ReadCounterAsync(MutationHost host, string name)
    {
        var snapshot = await host.HeadAsync();
        var version = snapshot.GetTable("node:Counter");
        var found = await host.Client.GetTable("node:Counter", version.ChainBranch).LookupAsync(version, KeyBatch.Of(name), ["value"]);
        return (snapshot.Commit.Id, ((PrimitiveColumn<long>)found.Rows.Column(0)).GetValue(0));
    }
}

/// <summary><see cref="ConcurrentWriterTests"/> on one silo.</summary>
public sealed class ConcurrentWriterTestsOnOneSilo(ITestOutputHelper output) : ConcurrentWriterTests(ClusterShape.OneSilo, output);

/// <summary><see cref="ConcurrentWriterTests"/> on three silos.</summary>
public sealed class ConcurrentWriterTestsOnThreeSilos(ITestOutputHelper output) : ConcurrentWriterTests(ClusterShape.ThreeSilos, output);

/// <summary><see cref="ConcurrentWriterTests"/> on three silos with random placement.</summary>
public sealed class ConcurrentWriterTestsOnThreeSilosRandom(ITestOutputHelper output) : ConcurrentWriterTests(ClusterShape.ThreeSilosRandom, output);
