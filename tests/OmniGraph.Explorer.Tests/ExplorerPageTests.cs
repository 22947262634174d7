using Microsoft.Playwright;
using OmniGraph.Explorer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OmniGraph.Explorer.Tests;

/// <summary>
/// The explorer end to end in headless Chromium against a real <c>omnigraph serve</c> (docs/explorer.md): each view
/// does what it shows, with a screenshot of it saved as an artifact.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerPageTests(ExplorerFixture fixture)
{
    private const string FriendsQuery = """
        query ada_friends($name: String) {
          match {
            $p: Person { name: $name }
            $p knows $f
          }
          return { $p, $f, $f.age }
          order { $f.name asc }
        }
        """;

    private const string PeopleQuery = """
        query people() {
          match { $p: Person }
          return { $p.name, $p.age }
          order { $p.name asc }
        }
        """;

    [Fact]
    public async Task Query_ShowsTheRowsAndDrawsOneNodePerPersonAndOneLinkPerRow()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.SetQueryAsync(page, FriendsQuery, "ada_friends");

        // The parameter form comes from the query's declared parameters.
        await page.GetByLabel("$name: string").FillAsync("Ada");
        await ExplorerPage.RunAsync(page);

        // Ada knows Dana, Jun and Sami: three rows, four people drawn, three Knows links.
        await Expect(page.Locator("#run-status")).ToContainTextAsync("3 rows");
        Assert.Equal(3, await ExplorerPage.WaitForDrawingAsync(page, 4));
        await Expect(page.Locator("#graph-legend")).ToContainTextAsync("Person");
        await fixture.ScreenshotAsync(page, "query-graph");

        await page.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        var rows = page.Locator("#result-table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("Dana");
        await Expect(rows.Nth(2).Locator("td").Nth(1)).ToHaveTextAsync("Sami");
        await fixture.ScreenshotAsync(page, "query-table");
    }

    [Fact]
    public async Task Query_ANodeShowsItsPropertiesAndExpandsToItsNeighbours()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.SetQueryAsync(page, FriendsQuery, "ada_friends");
        await page.GetByLabel("$name: string").FillAsync("Ada");
        await ExplorerPage.RunAsync(page);
        await ExplorerPage.WaitForDrawingAsync(page, 4);

        // Keyboard: the drawing takes focus, an arrow steps to the first node (Ada), Enter selects it.
        await page.Locator("#graph-canvas").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Enter");
        var details = page.GetByRole(AriaRole.Complementary, new() { Name = "Selected node" });
        await Expect(details.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Person Ada");
        await Expect(details.Locator("dl")).ToContainTextAsync("email");

        // Ada also works somewhere and lives somewhere: expanding adds at least her company and her city.
        await details.GetByRole(AriaRole.Button, new() { Name = "Expand neighbours" }).ClickAsync();
        await Expect(details.Locator("#expand-node")).ToContainTextAsync("Expanded");
        var drawn = int.Parse((await page.Locator("#graph-canvas").GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(drawn >= 6, $"{drawn} nodes after expanding Ada");
        await Expect(page.Locator("#graph-legend")).ToContainTextAsync("Company");
        await Expect(page.Locator("#graph-legend")).ToContainTextAsync("City");
        await fixture.ScreenshotAsync(page, "query-expanded");
    }

    [Fact]
    public async Task Lint_AnErrorAppearsInlineAsYouType()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.SetQueryAsync(page, PeopleQuery, "people");
        await Expect(page.Locator("#lint-summary")).ToContainTextAsync("1 query checked");

        // A misspelt type: the engine's T1 with its line, the word underlined in the editor.
        await page.GetByLabel("Query (.gq)").FillAsync(PeopleQuery.Replace("$p: Person", "$p: Persn", StringComparison.Ordinal));
        await Expect(page.Locator("#lint-summary")).ToContainTextAsync("1 error");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Lint diagnostics" })).ToContainTextAsync("error[T1] line 2: type error: T1: unknown node type `Persn`");
        await Expect(page.Locator("#editor-highlight .lint-at")).ToHaveTextAsync("Persn");
        await fixture.ScreenshotAsync(page, "lint-error");
    }

    [Fact]
    public async Task Schema_DrawsEveryTypeWithItsPropertiesAndEveryEdgeWithItsCardinality()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.TabAsync(page, "Schema");
        var diagram = page.Locator("#schema-diagram svg");
        await Expect(diagram.Locator("g.schema-box")).ToHaveCountAsync(3);
        await Expect(diagram.Locator("g.schema-edge")).ToHaveCountAsync(3);
        await Expect(diagram.Locator("g.schema-box[data-type=Person]")).ToContainTextAsync("name: String @key");
        await Expect(diagram.Locator("g.schema-box[data-type=Person]")).ToContainTextAsync("email: String? @unique");
        await Expect(diagram.Locator("g.schema-box[data-type=Person]")).ToContainTextAsync("@range(age, 0..150)");
        await Expect(diagram.Locator("g.schema-box[data-type=Company]")).ToContainTextAsync("industry: enum(energy, finance, health, media, retail, software)");
        await Expect(diagram.Locator("g.schema-edge[data-edge=WorksAt] desc")).ToHaveTextAsync("WorksAt 0..1 {role: String?}");
        await Expect(diagram.Locator("g.schema-edge[data-edge=Knows] desc")).ToHaveTextAsync("Knows 0..* {since: Date?}");
        await Expect(diagram.Locator("g.schema-edge-label")).ToHaveCountAsync(3);
        await fixture.ScreenshotAsync(page, "schema");
    }

    [Fact]
    public async Task History_ListsTheCommitsAndTheirChangesReadsAnOlderCommitAndDiffs()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.SetQueryAsync(page, PeopleQuery, "people");
        await ExplorerPage.TabAsync(page, "History");

        // Newest first: the merge, Yara (on feature), Zed, the sample's load, init. Solid lines to first parents (four),
        // a dashed one from the merge to its merged parent, Yara's commit.
        var commits = page.Locator(".timeline .commit");
        await Expect(commits).ToHaveCountAsync(5);
        await Expect(page.Locator(".timeline path.first-parent")).ToHaveCountAsync(4);
        await Expect(page.Locator(".timeline path.merged-parent")).ToHaveCountAsync(1);
        await Expect(commits.Nth(0)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(", a merge$"));
        await Expect(commits.Nth(1)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(" on feature,"));
        var zed = commits.Nth(2);
        var load = commits.Nth(3);
        await zed.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#commit-details table caption")).ToHaveTextAsync("1 changes");
        await Expect(page.Locator("#commit-details tbody")).ToContainTextAsync("Zed");
        await fixture.ScreenshotAsync(page, "history");

        // Diff the sample's load → Zed: one inserted person.
        var loadCommit = (await load.GetAttributeAsync("data-commit"))!;
        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync(loadCommit);
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync((await zed.GetAttributeAsync("data-commit"))!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator("#diff-output caption")).ToContainTextAsync(": 1 net changes");
        await Expect(page.Locator("#diff-output tbody")).ToContainTextAsync("Zed");

        // Time travel: the sample's load has 26 people; the head, with Zed and Yara, 28.
        await load.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the graph at this commit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Query" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#run-status")).ToContainTextAsync("26 rows");
        await Expect(page.Locator("#run-status")).ToContainTextAsync("snapshot " + loadCommit);
        await page.GetByLabel("Snapshot (commit id; empty: branch head)").FillAsync(string.Empty);
        await ExplorerPage.RunAsync(page);
        await Expect(page.Locator("#run-status")).ToContainTextAsync("28 rows");
    }

    [Fact]
    public async Task Cluster_ShowsTheSiloTheGraphsGrainsAndItsRequests()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);
        await ExplorerPage.TabAsync(page, "Cluster");
        var output = page.Locator("#cluster-output");
        await Expect(output.Locator("table").First).ToContainTextAsync("Active");
        await Expect(output).ToContainTextAsync("ManifestGrain");
        await Expect(output).ToContainTextAsync("social/node:Person@main");
        await Expect(page.Locator("#request-rates")).ToContainTextAsync("requests in the last minute");
        await fixture.ScreenshotAsync(page, "cluster");
    }

    [Fact]
    public async Task Auth_ThePageAsksForTheTokenAndAsksAgainForAWrongOne()
    {
        var page = await fixture.NewPageAsync(signedIn: false);
        await page.GotoAsync("/?graph=social");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "This server needs a token" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("missing bearer token");
        await fixture.ScreenshotAsync(page, "token-prompt");

        await dialog.GetByLabel("Bearer token").FillAsync("wrong");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("invalid bearer token");

        await dialog.GetByLabel("Bearer token").FillAsync(ExplorerFixture.Token);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#auth-state")).ToContainTextAsync("Signed in");
        await Expect(page.Locator("#lint-summary")).ToContainTextAsync("checked");
    }

    [Fact]
    public async Task Accessibility_ControlsAreLabelledAndTheEditorTablesAndTabsWorkFromTheKeyboard()
    {
        var page = await fixture.NewPageAsync();
        await ExplorerPage.OpenAsync(page);

        // Every visible form control has a label (or an aria-label).
        var unlabelled = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('input, select, textarea, canvas')]
              .filter(e => e.offsetParent !== null && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
              .map(e => e.id || e.outerHTML.slice(0, 60))
            """);
        Assert.Empty(unlabelled);

        // The editor: typed with the keyboard, Tab indents, Escape then Tab leaves it, Ctrl+Enter runs.
        var editor = page.GetByLabel("Query (.gq)");
        await editor.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync("query names() {\n");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("match { $c: City }\n");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("return { $c.name, $c.country }\n}\n");
        Assert.Contains("\n  match", await editor.InputValueAsync(), StringComparison.Ordinal);
        await Expect(page.GetByLabel("Query to run").Locator("option[value='names']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#run-status")).ToContainTextAsync("rows");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual("query-source", await page.EvaluateAsync<string>("document.activeElement.id"));

        // The table: a header is a button; Enter sorts ascending, again descending, and aria-sort says so.
        var header = page.Locator("#result-table th").Nth(1);
        await header.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        var first = await page.Locator("#result-table tbody tr").First.Locator("td").Nth(1).TextContentAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(page.Locator("#result-table tbody tr").Last.Locator("td").Nth(1)).ToHaveTextAsync(first!);

        // The tabs: arrow keys move the selection (the WAI-ARIA tabs pattern).
        await page.GetByRole(AriaRole.Tab, new() { Name = "Query" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Schema" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Schema" })).ToBeVisibleAsync();
    }
}
