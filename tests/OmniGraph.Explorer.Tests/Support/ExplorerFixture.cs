using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using OmniGraph.Cli.Serving;
using OmniGraph.Testing.IO;

namespace OmniGraph.Explorer.Tests.Support;

/// <summary>
/// One <c>omnigraph serve</c> child process on loopback (with a bearer token, so the page must ask for it) over two
/// graphs — <c>social</c> (the sample; then Zed on main and Yara on a branch <c>feature</c> made before Zed, merged into
/// main: five commits, one of them a merge) and <c>big</c> (5,000
/// people in a ring of <c>Knows</c> edges, for the drawing's speed) — and one headless Chromium driven by Playwright.
/// Shared by every test of the assembly: the store is built and the server and browser start once.
/// </summary>
public sealed class ExplorerFixture : IAsyncLifetime
{
    /// <summary>The token the server accepts.</summary>
    public const string Token = "explorer-secret";

    /// <summary>People in the <c>big</c> graph.</summary>
    public const int BigPeople = 5000;

    private readonly TempDirectory _store = new();
    private ServeProcess? _server;
    private IPlaywright? _playwright;

    /// <summary>The server's URL.</summary>
    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots and measurements go: <c>$OMNIGRAPH_EXPLORER_ARTIFACTS</c>, else <c>explorer-artifacts</c> beside the tests.</summary>
    public string Artifacts { get; } = Environment.GetEnvironmentVariable("OMNIGRAPH_EXPLORER_ARTIFACTS") is { Length: > 0 } path
        ? path : Path.Combine(AppContext.BaseDirectory, "explorer-artifacts");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = ChromiumInstall.EnsureAsync();
        Directory.CreateDirectory(Artifacts);
        var samples = Path.Combine(RepositoryFiles.Root, "samples", "social");
        var social = _store.Combine("data", "social");
        await CliAsync("init", "--schema", Path.Combine(samples, "schema.pg"), social);
        await CliAsync("load", social, "--data", Path.Combine(samples, "data.jsonl"), "--mode", "overwrite");
        await CliAsync("branch", "create", social, "feature");
        await CliAsync("load", social, "--data", await PersonFileAsync("Zed"), "--mode", "merge");
        await CliAsync("load", social, "--data", await PersonFileAsync("Yara"), "--mode", "merge", "--branch", "feature");
        await CliAsync("branch", "merge", social, "feature");

        var big = _store.Combine("data", "big");
        await CliAsync("init", "--schema", Path.Combine(samples, "schema.pg"), big);
        var ring = _store.Combine("ring.jsonl");
        await File.WriteAllTextAsync(ring, RingData(BigPeople));
        await CliAsync("load", big, "--data", ring, "--mode", "overwrite");

        _server = await ServeProcess.StartAsync(_store.Combine("data"), new Dictionary<string, string> { ["OMNIGRAPH_SERVER_BEARER_TOKEN"] = Token });
        await chromium;
        // Waits are for what the page shows, never timing checks: generous, so a loaded CI machine cannot fail them.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumInstall.ExecutablePath,
            Headless = true,

            // The machine's network is closed: no background connections, no component updates (see the env notes).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page at 1400×900; with <paramref name="signedIn"/> the token is already in the session (no prompt).</summary>
    public async Task<IPage> NewPageAsync(bool signedIn = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, BaseURL = BaseAddress.ToString() });
        if (signedIn)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('omnigraph.explorer.token', '{Token}')");
        }

        // Long tasks (main-thread work over 50 ms) are what freezes a page; the speed test reads them.
        await context.AddInitScriptAsync("""
            window.__longTasks = [];
            new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
              .observe({ type: 'longtask', buffered: true });
            """);
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> as <c>{name}.png</c> in <see cref="Artifacts"/>.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png") });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        _store.Dispose();
    }

    private async Task<string> PersonFileAsync(string name)
    {
        var path = _store.Combine(name + ".jsonl");
        await File.WriteAllTextAsync(path, $"{{\"type\":\"Person\",\"data\":{{\"name\":\"{name}\",\"age\":40,\"joined\":\"2024-01-02\"}}}}\n");
        return path;
    }

    /// <summary>Person p0…p{n-1}, each knowing the next (a ring) and the one 37 further on.</summary>
    private static string RingData(int people)
    {
        var text = new StringBuilder();
        for (var i = 0; i < people; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"Person\",\"data\":{{\"name\":\"p{i}\",\"age\":{i % 90},\"joined\":\"2020-01-01\"}}}}\n");
        }

        for (var i = 0; i < people; i++)
        {
            foreach (var step in (int[])[1, 37])
            {
                text.Append(CultureInfo.InvariantCulture, $"{{\"edge\":\"Knows\",\"from\":\"p{i}\",\"to\":\"p{(i + step) % people}\"}}\n");
            }
        }

        return text.ToString();
    }

    private static async Task CliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "omnigraph.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start omnigraph");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"omnigraph {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}

/// <summary>The explorer tests share one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "explorer";
}
