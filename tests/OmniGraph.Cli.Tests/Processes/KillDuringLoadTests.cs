using System.Diagnostics;
using OmniGraph.Cli.Tests.Support;
using Xunit.Abstractions;

namespace OmniGraph.Cli.Tests.Processes;

/// <summary>
/// A real <c>omnigraph load</c> child process of a large file is killed with SIGKILL at random moments (while it starts,
/// parses, stages fragments or commits). Reopening the graph (which heals) shows the graph before the load or after it,
/// never a mix; no recovery sidecar survives the reopen; the history stays one line; and the next load works. Rounds
/// alternate between two files of different sizes, so every round's "before" and "after" differ.
/// </summary>
public sealed class KillDuringLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kill9_AtRandomMoments_LeavesOldOrNewGraph()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        DataSet[] files =
        [
            DataSet.Create(workspace, "q", persons: 40_000, edgesPerPerson: 3),
            DataSet.Create(workspace, "r", persons: 30_000, edgesPerPerson: 4),
        ];

        // How long an uninterrupted load takes here (on a copy), so the kills spread over a whole run.
        var probe = Path.Combine(workspace.Root, "probe");
        await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, probe);
        await CliRun.OkAsync("load", probe, "--data", workspace.DataFile, "--mode", "overwrite", "--quiet");
        var clock = Stopwatch.StartNew();
        var full = await CliProcess.RunAsync("load", probe, "--data", files[0].Path, "--mode", "overwrite", "--quiet");
        var duration = clock.Elapsed;
        Assert.True(full.ExitCode == 0, full.ToString());

        var random = new Random(20261121);
        var current = (Persons: 4L, Knows: 3L, WorksAt: 2L);
        var outcomes = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var file = files[round % files.Length];
            var delay = TimeSpan.FromMilliseconds(duration.TotalMilliseconds * (0.1 + random.NextDouble()));
            bool finished;
            using (var child = CliProcess.Start("load", workspace.Graph, "--data", file.Path, "--mode", "overwrite", "--quiet"))
            {
                await Task.Delay(delay);
                finished = child.HasExited;
                await child.KillAsync();
                if (finished)
                {
                    // A load that ended on its own must have committed.
                    var result = await child.WaitAsync(TimeSpan.FromSeconds(30));
                    Assert.True(result.ExitCode == 0, result.ToString());
                }
            }

            var counts = await CountsAsync(workspace.Graph);
            var state = counts == current ? (current == file.Counts ? "old (= new)" : "old") : counts == file.Counts ? "new" : null;
            outcomes.Add($"{file.Prefix} {delay.TotalMilliseconds:F0} ms {(finished ? "(had finished)" : "(killed)")} -> {state ?? "MIX"}");
            Assert.True(state is not null, $"a mix: {counts} after {string.Join("; ", outcomes)}");
            await AssertHealedAndLinearAsync(workspace.Graph);
            current = counts;
        }

        output.WriteLine($"uninterrupted load: {duration.TotalMilliseconds:F0} ms; {string.Join("; ", outcomes)}");
        var next = await CliProcess.RunAsync("load", workspace.Graph, "--data", files[1].Path, "--mode", "overwrite", "--quiet");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(files[1].Counts, await CountsAsync(workspace.Graph));
        await AssertHealedAndLinearAsync(workspace.Graph);
    }

    /// <summary>No sidecar is left after the reopen, Company is untouched, and each commit's parent is the one before it.</summary>
    private static async Task AssertHealedAndLinearAsync(string graph)
    {
        // Objects only: a process killed between unlinking an object and its lock file leaves the (empty) dot file of
        // the local store's bookkeeping, which is not a sidecar (docs/storage/object-store.md, "Deletes").
        var recovery = Path.Combine(graph, "recovery");
        var sidecars = Directory.Exists(recovery) ? Directory.GetFiles(recovery).Select(Path.GetFileName).Where(static f => !f!.StartsWith('.')).ToArray() : [];
        Assert.Empty(sidecars);
        var companies = (await CliRun.OkAsync("export", graph, "--type", "Company")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, companies.Length);
        var commits = (await CliRun.OkAsync("commit", "list", graph, "--json")).Json().GetProperty("commits").EnumerateArray().ToArray();
        for (var i = 0; i < commits.Length; i++)
        {
            Assert.Equal(commits.Length - i, commits[i].GetProperty("graph_manifest_version").GetInt64());
            var parent = i + 1 < commits.Length ? commits[i + 1].GetProperty("graph_commit_id").GetString() : null;
            Assert.Equal(parent, commits[i].TryGetProperty("parent_commit_id", out var p) ? p.GetString() : null);
        }
    }

    private static async Task<(long Persons, long Knows, long WorksAt)> CountsAsync(string graph)
    {
        var datasets = (await CliRun.OkAsync("snapshot", graph, "--json")).Json().GetProperty("datasets").EnumerateArray().ToArray();
        long Count(string type) => datasets.Single(d => d.GetProperty("type_name").GetString() == type).GetProperty("entity_count").GetInt64();
        return (Count("Person"), Count("Knows"), Count("WorksAt"));
    }

    /// <summary>A file that overwrites Person, Knows and WorksAt (so no kept edge points at a person it drops).</summary>
    private sealed record DataSet(string Prefix, string Path, (long Persons, long Knows, long WorksAt) Counts)
    {
        public static DataSet Create(CliWorkspace workspace, string prefix, int persons, int edgesPerPerson)
        {
            var path = LargeData.Write(workspace, $"{prefix}.jsonl", prefix, persons, edgesPerPerson);
            File.AppendAllText(path, $"{{\"edge\":\"WorksAt\",\"from\":\"{prefix}0\",\"to\":\"Acme\",\"data\":{{\"id\":\"{prefix}w0\"}}}}\n");
            return new DataSet(prefix, path, (persons, (long)persons * edgesPerPerson, 1));
        }
    }
}
