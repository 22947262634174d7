using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OmniGraph.Explorer.Tests.Support;

/// <summary>What the tests do on the explorer page, in the words of the page (its labels and roles).</summary>
internal static class ExplorerPage
{
    /// <summary>Opens the page on <paramref name="graph"/> and waits until it has loaded the graph.</summary>
    public static async Task OpenAsync(IPage page, string graph = "social")
    {
        await page.GotoAsync($"/?graph={graph}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
    }

    /// <summary>Replaces the editor's text and waits until lint has offered <paramref name="queryName"/> to run.</summary>
    public static async Task SetQueryAsync(IPage page, string source, string queryName)
    {
        await page.GetByLabel("Query (.gq)").FillAsync(source);
        await Expect(page.GetByLabel("Query to run").Locator($"option[value='{queryName}']")).ToHaveCountAsync(1);
        await page.GetByLabel("Query to run").SelectOptionAsync(queryName);
    }

    /// <summary>Runs the selected query and waits for its answer.</summary>
    public static async Task RunAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Expect(page.Locator("#run-status")).ToContainTextAsync("round trip");
    }

    /// <summary>Waits until the drawing holds <paramref name="nodes"/> nodes and has drawn all of them; answers the links.</summary>
    public static async Task<int> WaitForDrawingAsync(IPage page, int nodes)
    {
        var canvas = page.Locator("#graph-canvas");
        await Expect(canvas).ToHaveAttributeAsync("data-nodes", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(canvas).ToHaveAttributeAsync("data-drawn", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return int.Parse((await canvas.GetAttributeAsync("data-links"))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Selects a view by its tab.</summary>
    public static Task TabAsync(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();
}
