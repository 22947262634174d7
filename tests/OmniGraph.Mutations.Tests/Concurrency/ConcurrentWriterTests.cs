using System.Collections.Concurrent;
using OmniGraph.Arrow;
using OmniGraph.Engine;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Assertions;
using Xunit.Abstractions;

namespace OmniGraph.Mutations.Tests.Concurrency;

/// <summary>Several writers on one branch: inserts are re-prepared, read-dependent writes fail with typed conflicts, and no update is lost.</summary>
public sealed class ConcurrentWriterTests(ITestOutputHelper output)
{
    private const string Schema = """
        node Counter { name: String @key  value: I64 }
        node Item { key: String @key  writer: I32 }
        """;

    private const string Insert = "query add($key: String, $writer: I32) { insert Item { key: $key, writer: $writer } }";
    private const string Set = "query set($name: String, $value: I64) { update Counter set { value: $value } where name = $name }";

    /// <summary>
    /// Eight writers for a while: each alternates an insert of a distinct key with a read-then-conditional-update of a
    /// shared counter (read the counter at the head, write value + 1 expecting that head). Every insert lands; every
    /// update either lands or fails with a typed conflict; the counters equal the number of updates that landed; every
    /// acknowledged commit is in the one linear history.
    /// </summary>
    [Fact]
    public async Task EightWriters_NoUpdateIsLost_AndTheHistoryIsOneLine()
    {
        await using var host = await MutationHost.InitAsync(
            Schema,
            """
            {"type":"Counter","data":{"name":"c0","value":0}}
            {"type":"Counter","data":{"name":"c1","value":0}}
            """,
            engine: static o => o.MaxWriteAttempts = 1000);
        var commits = new ConcurrentBag<string>();
        var increments = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inserted = 0;
        var conflicts = 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(4);

        async Task WriterAsync(int writer)
        {
            for (var i = 0; DateTime.UtcNow < until || i < 4; i++)
            {
                var insert = await host.RunAsync(Insert, $$"""{"key":"w{{writer}}-{{i}}","writer":{{writer}}}""");
                commits.Add(insert.Commit!.GraphCommitId);
                Interlocked.Increment(ref inserted);

                var counter = $"c{(writer + i) % 2}";
                var (head, value) = await ReadCounterAsync(host, counter);
                try
                {
                    var update = await host.RunAsync(Set, $$"""{"name":"{{counter}}","value":{{value + 1}}}""", expectedHead: head);
                    commits.Add(update.Commit!.GraphCommitId);
                    increments.AddOrUpdate(counter, 1, static (_, n) => n + 1);
                }
                catch (Exception exception) when (exception is GraphPreconditionFailedException or ReadSetChangedException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() => WriterAsync(w))));

        output.WriteLine($"{inserted} inserts, {increments.Values.Sum()} counter updates landed, {conflicts} typed conflicts, {commits.Count} commits");
        Assert.True(conflicts > 0, "eight writers on two counters should have conflicted at least once");
        foreach (var counter in new[] { "c0", "c1" })
        {
            Assert.Equal(increments.GetValueOrDefault(counter), (await ReadCounterAsync(host, counter)).Value);
        }

        Assert.Equal(inserted, (await host.RowsAsync("node:Item")).Count);
        var history = await GraphAssertions.LinearHistoryAsync(host);
        var ids = history.Select(static c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(commits, c => Assert.Contains(c, ids));
        Assert.Equal(2 + commits.Count, history.Count);
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
