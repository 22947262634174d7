using System.Globalization;
using OmniGraph.Storage;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    /// <summary>Many tasks race create-if-absent on each of several keys: exactly one wins each key, and its bytes stay.</summary>
    [Fact]
    public async Task Concurrency_RacingIfNotExists_HasExactlyOneWinnerPerKey()
    {
        const int racers = 12;
        const int keys = 5;
        var outcomes = await Task.WhenAll(
            from racer in Enumerable.Range(0, racers)
            from key in Enumerable.Range(0, keys)
            select Task.Run(async () =>
            {
                try
                {
                    await Store.PutAsync($"race/{key}", Bytes.Utf8($"racer-{racer}"), WriteCondition.IfNotExists);
                    return (Key: key, Winner: (int?)racer);
                }
                catch (ObjectPreconditionFailedException)
                {
                    return (Key: key, Winner: (int?)null);
                }
            }));

        for (var key = 0; key < keys; key++)
        {
            var winners = outcomes.Where(o => o.Key == key && o.Winner is not null).Select(o => o.Winner!.Value).ToList();
            Assert.Single(winners);
            Assert.Equal($"racer-{winners[0]}", await GetTextAsync($"race/{key}"));
        }
    }

    /// <summary>
    /// Tasks increment one counter with read / if-match write, retrying on conflict: no increment may be lost,
    /// so the final value equals the number of successful writes.
    /// </summary>
    [Fact]
    public async Task Concurrency_RacingIfMatchIncrements_LoseNoUpdate()
    {
        const int tasks = 6;
        const int incrementsPerTask = 15;
        await PutTextAsync("counter", "0", WriteCondition.IfNotExists);

        await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < incrementsPerTask;)
            {
                var current = await Store.GetAsync("counter");
                var next = int.Parse(Bytes.Text(current.Content), CultureInfo.InvariantCulture) + 1;
                try
                {
                    await Store.PutAsync("counter", Bytes.Utf8(next.ToString(CultureInfo.InvariantCulture)), WriteCondition.IfMatch(current.ETag));
                    done++;
                }
                catch (ObjectPreconditionFailedException)
                {
                    // Lost the race; read again and retry.
                }
            }
        })));

        Assert.Equal((tasks * incrementsPerTask).ToString(CultureInfo.InvariantCulture), await GetTextAsync("counter"));
    }

    /// <summary>Readers racing a writer always see a whole version whose tag matches its bytes, never a torn mix.</summary>
    [Fact]
    public async Task Concurrency_ReadersDuringRewrites_SeeWholeVersionsOnly()
    {
        var versions = Enumerable.Range(0, 20).Select(i => Bytes.Random(64 * 1024, seed: i)).ToArray();
        var first = await Store.PutAsync("hot", versions[0], WriteCondition.None);
        var tagToVersion = new System.Collections.Concurrent.ConcurrentDictionary<string, int> { [first.ETag] = 0 };
        using var stop = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var read = await Store.GetAsync("hot");
                Assert.Contains(versions, v => v.AsSpan().SequenceEqual(read.Content.Span));
                reads++;
            }

            return reads;
        });

        for (var i = 1; i < versions.Length; i++)
        {
            var written = await Store.PutAsync("hot", versions[i], WriteCondition.None);
            tagToVersion[written.ETag] = i;
        }

        await stop.CancelAsync();
        Assert.True(await reader > 0);
        var final = await Store.GetAsync("hot");
        Assert.True(versions[tagToVersion[final.ETag]].AsSpan().SequenceEqual(final.Content.Span));
    }
}
