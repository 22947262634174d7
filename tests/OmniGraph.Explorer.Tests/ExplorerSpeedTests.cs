using System.Globalization;
using System.Text.Json;
using OmniGraph.Explorer.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OmniGraph.Explorer.Tests;

/// <summary>
/// The explorer's speed, measured in the page (docs/explorer.md#speed): the first render on loopback and a 5,000-node
/// drawing, with the page's long tasks (main-thread work over 50 ms, what a user feels as a freeze). The figures are
/// written to <c>explorer-metrics.json</c> among the artifacts and to the test output; the tests check what was drawn,
/// never how fast (no wall-clock assertions).
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerSpeedTests(ExplorerFixture fixture, ITestOutputHelper output)
{
    private const int FirstRenderLoads = 5;

    [Fact]
    public async Task FirstRender_IsMeasuredOverSeveralLoads()
    {
        var page = await fixture.NewPageAsync();
        var ready = new List<double>();
        var paint = new List<double>();
        var html = new List<double>();
        var api = new List<double>();
        for (var load = 0; load < FirstRenderLoads; load++)
        {
            await ExplorerPage.OpenAsync(page);
            var timing = await page.EvaluateAsync<JsonElement>("""
                ({ ready: performance.getEntriesByName('explorer-ready')[0].startTime,
                   paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
                   html: performance.getEntriesByType('navigation')[0].responseEnd,
                   api: Math.max(0, ...performance.getEntriesByType('resource').filter(r => r.name.includes('/graphs/')).map(r => r.duration)) })
                """);
            ready.Add(timing.GetProperty("ready").GetDouble());
            paint.Add(timing.GetProperty("paint").GetDouble());
            html.Add(timing.GetProperty("html").GetDouble());
            api.Add(timing.GetProperty("api").GetDouble());
        }

        Assert.All(ready, value => Assert.True(value > 0));

        // The first load is the server's first request for the graph's branches and schema (cold); the others are warm.
        await RecordAsync("first_render", new Dictionary<string, object>
        {
            ["loads"] = FirstRenderLoads,
            ["first_contentful_paint_ms_median"] = Median(paint),
            ["graph_loaded_ms_first_load"] = Math.Round(ready[0], 1),
            ["html_ms_first_load"] = Math.Round(html[0], 1),
            ["slowest_api_call_ms_first_load"] = Math.Round(api[0], 1),
            ["graph_loaded_ms_median_warm"] = Median(ready[1..]),
            ["slowest_api_call_ms_median_warm"] = Median(api[1..]),
        });
    }

    [Fact]
    public async Task FiveThousandNodes_AreDrawnWithTheLayoutOffThePagesThread()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page, "big");
        await ExplorerPage.SetQueryAsync(page, """
            query everyone() {
              match {
                $p: Person
                $p knows $f
              }
              return { $p, $f }
            }
            """, "everyone");
        await page.EvaluateAsync("window.__longTasks.length = 0");
        var started = await page.EvaluateAsync<double>("performance.now()");
        await ExplorerPage.RunAsync(page);
        var links = await ExplorerPage.WaitForDrawingAsync(page, ExplorerFixture.BigPeople);
        Assert.Equal(2 * ExplorerFixture.BigPeople, links);
        await Expect(page.Locator("#run-status")).ToContainTextAsync($"{2 * ExplorerFixture.BigPeople} rows");
        var firstDrawn = await page.EvaluateAsync<double>("performance.now()");

        // While the worker lays out, the page keeps painting frames; wait for the layout to settle.
        await Expect(page.Locator("#graph-canvas")).ToHaveAttributeAsync("data-settled", "true", new() { Timeout = 120_000 });
        var settled = await page.EvaluateAsync<double>("performance.now()");
        await fixture.ScreenshotAsync(page, "big-graph");
        var longTasks = await page.EvaluateAsync<JsonElement>("window.__longTasks.map(t => t.duration)");
        var durations = longTasks.EnumerateArray().Select(static d => d.GetDouble()).ToList();
        var roundTrip = double.Parse((await page.Locator("#run-status").GetAttributeAsync("data-round-trip-ms"))!, CultureInfo.InvariantCulture);
        await RecordAsync("five_thousand_nodes", new Dictionary<string, object>
        {
            ["nodes"] = ExplorerFixture.BigPeople,
            ["links"] = links,
            ["query_round_trip_ms"] = roundTrip,
            ["run_to_first_drawing_ms"] = Math.Round(firstDrawn - started, 1),
            ["run_to_settled_layout_ms"] = Math.Round(settled - started, 1),
            ["long_tasks"] = durations.Count,
            ["longest_task_ms"] = durations.Count == 0 ? 0 : durations.Max(),
            ["long_task_total_ms"] = Math.Round(durations.Sum(), 1),
        });
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 1);
    }

    private async Task RecordAsync(string name, Dictionary<string, object> figures)
    {
        var line = JsonSerializer.Serialize(new Dictionary<string, object> { ["measure"] = name, ["figures"] = figures });
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(fixture.Artifacts, "explorer-metrics.json"), line + "\n");
    }
}
