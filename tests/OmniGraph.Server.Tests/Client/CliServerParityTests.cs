using System.Text.RegularExpressions;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Client;

/// <summary>
/// The CLI's <c>--server URL --graph ID</c> against the CLI on the graph's directory (docs/cli.md, "Served graphs"): the
/// same commands, in the same order, on two copies of one graph — one served, one local — print the same output and
/// exit with the same code, for successes and for failures. What may differ is only what cannot be equal: the ids and
/// times of the commits each side makes, and where the graph is.
/// </summary>
public sealed partial class CliServerParityTests : IAsyncLifetime
{
    private readonly TempDirectory _store = new();
    private readonly TempDirectory _local = new();
    private readonly TempDirectory _files = new();
    private OmniGraphServer _server = null!;

    public async Task InitializeAsync()
    {
        await ServerFixture.CreateGraphAsync(_store.Combine("p"));
        StoreFiles.CopyTree(_store.Combine("p"), _local.Combine("p"));
        await File.WriteAllTextAsync(_files.Combine("test.gq"), AcceptanceFixtures.TestQueries);
        await File.WriteAllTextAsync(_files.Combine("mutations.gq"), AcceptanceFixtures.MutationQueries);
        await File.WriteAllTextAsync(_files.Combine("good.jsonl"), "{\"type\":\"Company\",\"data\":{\"name\":\"Parity Co\"}}\n");
        await File.WriteAllTextAsync(_files.Combine("bad.jsonl"), "{\"type\":\"Company\",\"data\":{\"name\":\"Broken Co\",\"staff\":3}}\n");
        _server = await OmniGraphServer.StartAsync(ServerFixture.Options(_store.Path));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
        _local.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task EveryServedCommand_PrintsWhatTheLocalOnePrints_WithTheSameExitCode()
    {
        string[][] steps =
        [
            ["snapshot", "--json"],
            ["snapshot"],
            ["query", "friends_of", "--query", _files.Combine("test.gq"), "--params", """{"name":"Alice"}""", "--format", "json"],
            ["query", "friends_of", "--query", _files.Combine("test.gq"), "--params", """{"name":"Alice"}""", "--format", "table"],
            ["query", "friends_of", "--query", _files.Combine("test.gq"), "--params", """{"name":"Alice"}""", "--format", "csv"],
            ["schema", "show"],
            ["schema", "show", "--json"],
            ["commit", "list", "--json"],
            ["mutate", "insert_person", "--query", _files.Combine("mutations.gq"), "--params", """{"name":"Parity","age":7}""", "--json"],
            ["load", "--data", _files.Combine("good.jsonl"), "--mode", "merge", "--json"],
            ["export"],
            ["commit", "list"],
            ["snapshot", "--json"],

            // Failures: the same code, message and exit code.
            ["query", "no_such_query", "--query", _files.Combine("test.gq")],
            ["query", "friends_of", "--query", _files.Combine("test.gq"), "--params", """{"name":3}"""],
            ["query", "--query", _files.Combine("test.gq"), "--branch", "no-such-branch", "friends_of", "--params", """{"name":"Alice"}"""],
            ["mutate", "insert_person", "--query", _files.Combine("mutations.gq"), "--params", """{"name":"Parity","age":7}""", "--if-commit", "01M96ZA34R9VM7C4NA5QYKZBVN"],
            ["load", "--data", _files.Combine("bad.jsonl"), "--mode", "merge"],
            ["commit", "show", "01M96ZA34R9VM7C4NA5QYKZBVN"],
            ["schema", "show", "--branch", "no-such-branch"],
            ["export", "--type", "NoSuchType"],
            ["commit", "list", "--json"],
        ];

        var differences = new List<string>();
        foreach (var step in steps)
        {
            var local = await InProcessCli.RunAsync([.. step, "--store", _local.Combine("p")]);
            var served = await InProcessCli.RunAsync([.. step, "--server", _server.BaseAddress.AbsoluteUri, "--graph", "p"]);
            var localText = Normalize(local.Out + "\n--- stderr ---\n" + local.Error, _local.Combine("p"));
            var servedText = Normalize(served.Out + "\n--- stderr ---\n" + served.Error, _server.BaseAddress.AbsoluteUri + "graphs/p");
            if (local.ExitCode != served.ExitCode || localText != servedText)
            {
                differences.Add($"omnigraph {string.Join(' ', step)}\n  local (exit {local.ExitCode}):\n{localText}\n  served (exit {served.ExitCode}):\n{servedText}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
    }

    /// <summary>Ids and times of commits, and the graph's location, replaced by placeholders.</summary>
    private static string Normalize(string text, string location) =>
        Micros().Replace(Time().Replace(Ulid().Replace(text.Replace(location, "<graph>", StringComparison.Ordinal), "<id>"), "<time>"), "\"created_at\": <time>");

    [GeneratedRegex("\"created_at\": \\d+")]
    private static partial Regex Micros();

    [GeneratedRegex("\\b[0-9A-HJKMNP-TV-Z]{26}\\b")]
    private static partial Regex Ulid();

    [GeneratedRegex("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?")]
    private static partial Regex Time();
}
