using OmniGraph.Server.Graphs;

namespace OmniGraph.Server.Tests.Graphs;

/// <summary>The per-graph request counters behind <c>GET /graphs/{id}/placement</c>: a total and the last minute, per second.</summary>
public sealed class GraphRequestRatesTests
{
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Counts_PerSecondOverTheLastMinute_AndForgetOlderSeconds()
    {
        var time = new ManualTime(DateTimeOffset.FromUnixTimeSeconds(1_000_000));
        var rates = new GraphRequestRates(time);
        rates.Record("g");
        rates.Record("g");
        time.Now = time.Now.AddSeconds(1);
        rates.Record("g");
        rates.Record("other");

        var now = rates.Read("g");
        Assert.Equal(3, now.Total);
        Assert.Equal(3, now.LastMinute);
        Assert.Equal(60, now.PerSecond.Length);
        Assert.Equal([2L, 1L], now.PerSecond[^2..].AsEnumerable());

        // 59 seconds on, the first second has left the window; a minute on, both have; the total stays.
        time.Now = time.Now.AddSeconds(59);
        Assert.Equal(1, rates.Read("g").LastMinute);
        time.Now = time.Now.AddSeconds(1);
        var later = rates.Read("g");
        Assert.Equal(0, later.LastMinute);
        Assert.Equal(3, later.Total);

        // A slot reused a minute later starts from zero.
        rates.Record("g");
        Assert.Equal(1, rates.Read("g").PerSecond[^1]);
        Assert.Equal(1, rates.Read("other").Total);
        Assert.Equal(0, rates.Read("never").Total);
    }
}
