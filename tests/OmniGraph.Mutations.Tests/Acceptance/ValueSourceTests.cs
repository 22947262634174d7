using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>Values come from literals, parameters or <c>now()</c>, in every position a value goes; <c>now()</c> is one timestamp per query.</summary>
public sealed class ValueSourceTests
{
    private const string Events = "node Event { name: String @key  at: DateTime  day: Date?  seen: DateTime? }  edge After: Event -> Event { at: DateTime? }";

    [Fact]
    public async Task Now_IsOneTimestampForTheWholeQuery_AndCanBePinned()
    {
        await using var host = await MutationHost.InitAsync(Events);
        const string source = """
            query log() {
                insert Event { name: "a", at: now() }
                insert Event { name: "b", at: now(), seen: now() }
                insert After { from: "a", to: "b", at: now() }
            }
            """;

        await host.RunAsync(source, """{"__omnigraph_now":"2024-06-01T12:00:00Z"}""");

        var events = await host.RowsAsync("node:Event");
        Assert.All(events, static e => Assert.Equal("1717243200000", e["at"]));
        Assert.Equal("1717243200000", events.Single(static e => e.Id == "b")["seen"]);
        Assert.Equal("1717243200000", Assert.Single(await host.RowsAsync("edge:After"))["at"]);
    }

    [Fact]
    public async Task Now_FromTheClock_IsUsedWhenNotPinned()
    {
        await using var host = await MutationHost.InitAsync(Events);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await host.RunAsync("""query log() { insert Event { name: "a", at: now() } }""");

        var at = long.Parse((await host.FindAsync("node:Event", "a"))!["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Parameters_WorkInEveryValuePosition()
    {
        await using var host = await MutationHost.InitAsync(Events, """
            {"type":"Event","data":{"name":"a","at":"2024-01-01T00:00:00Z"}}
            {"type":"Event","data":{"name":"b","at":"2024-02-01T00:00:00Z"}}
            """);
        const string source = """
            query q($name: String, $day: Date, $cutoff: DateTime, $from: String, $to: String, $at: DateTime?) {
                update Event set { day: $day } where at < $cutoff
                insert After { from: $from, to: $to, at: $at }
                insert Event { name: $name, at: $cutoff }
            }
            """;

        var change = await host.RunAsync(source, """{"name":"c","day":"2024-03-03","cutoff":"2024-01-15T00:00:00Z","from":"a","to":"b"}""");

        Assert.Equal((2, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal("19785", (await host.FindAsync("node:Event", "a"))!["day"]);
        Assert.Null((await host.FindAsync("node:Event", "b"))!["day"]);
        Assert.Null(Assert.Single(await host.RowsAsync("edge:After"))["at"]);
        var inserted = await host.FindAsync("node:Event", "c");
        Assert.Equal(("1705276800000", (string?)null), (inserted?["at"], inserted?["day"]));
    }

    [Fact]
    public async Task DateLiteralInWhere_ComparesByDay()
    {
        await using var host = await MutationHost.InitAsync(Events, """
            {"type":"Event","data":{"name":"a","at":"2024-01-01T00:00:00Z","day":"2024-01-01"}}
            {"type":"Event","data":{"name":"b","at":"2024-02-01T00:00:00Z","day":"2024-02-01"}}
            """);

        var change = await host.RunAsync("""query d() { delete Event where day >= date("2024-01-15") }""");

        Assert.Equal(1, change.AffectedNodes);
        Assert.Equal(["a"], await host.IdsAsync("node:Event"));
    }
}
