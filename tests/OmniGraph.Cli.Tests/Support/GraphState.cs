namespace OmniGraph.Cli.Tests.Support;

/// <summary>What a graph shows from outside: its snapshot, its history and its export (to prove a failed command changed nothing).</summary>
internal static class GraphState
{
    public static async Task<string> CaptureAsync(string graph)
    {
        var snapshot = await CliRun.OkAsync("snapshot", graph, "--json");
        var commits = await CliRun.OkAsync("commit", "list", graph, "--json");
        var export = await CliRun.OkAsync("export", graph);
        var sidecars = Directory.Exists(Path.Combine(graph, "recovery")) ? Directory.GetFiles(Path.Combine(graph, "recovery")).Length : 0;
        return $"{snapshot.Out}\n{commits.Out}\n{export.Out}\nsidecars: {sidecars}";
    }
}
