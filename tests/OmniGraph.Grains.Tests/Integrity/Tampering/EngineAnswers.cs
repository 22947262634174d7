using System.Globalization;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Grains.Tests.Integrity.Tampering;

/// <summary>
/// The engine-level forms of the suite's commands and what they answer, as text so answers compare exactly: the
/// <c>snapshot</c> output, a read of Person (query), every table's rows (export), the commit list, and the suite's two
/// writes (a load-like upsert of a node and an edge; a mutation-like update and delete).
/// </summary>
public sealed record EngineAnswers(string Snapshot, string Query, string Export, string CommitList)
{
    public string Of(TamperCommand command) => command switch
    {
        TamperCommand.Snapshot => Snapshot,
        TamperCommand.Query => Query,
        TamperCommand.Export => Export,
        _ => CommitList,
    };

    internal static async Task<string> AnswerAsync(GraphHost host, TamperCommand command) => command switch
    {
        TamperCommand.Snapshot => SnapshotText(await host.Client.GetSnapshotAsync()),
        TamperCommand.Query => string.Join('\n', (await host.RowsAsync("node:Person")).Select(static r => $"{r.Id} {r["age"]}")),
        TamperCommand.Export => await ExportAsync(host),
        _ => string.Join('\n', (await host.Manifest.ListCommitsAsync(BranchNames.Main, int.MaxValue)).Select(static c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.ManifestVersion} {c.Id} {c.Kind} {c.Actor}"))),
    };

    internal static async Task<EngineAnswers> ReadAsync(GraphHost host) => new(
        await AnswerAsync(host, TamperCommand.Snapshot),
        await AnswerAsync(host, TamperCommand.Query),
        await AnswerAsync(host, TamperCommand.Export),
        await AnswerAsync(host, TamperCommand.CommitList));

    internal static Task LoadAsync(GraphHost host) => host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
    [
        TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Eve", 22, null))),
        TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k9", "Eve", "Alice"))),
    ]) { Actor = "load" });

    internal static Task MutateAsync(GraphHost host) => host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
    [
        TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Carol", 50, null))),
        TableWrite.Delete("edge:Knows", KeyBatch.Of("k0")),
    ]) { Actor = "mutate" });

    private static string SnapshotText(SnapshotOutput snapshot) => string.Create(CultureInfo.InvariantCulture,
        $"{snapshot.GraphBranch} v{snapshot.GraphManifestVersion}: {string.Join(", ", snapshot.Datasets.Select(static d => $"{d.EntityKind}:{d.TypeName} v{d.PublishedDatasetVersion} {d.EntityCount} rows at {d.DatasetPath}"))}");

    private static async Task<string> ExportAsync(GraphHost host)
    {
        var lines = new List<string>();
        foreach (var table in (await host.HeadAsync()).Tables)
        {
            foreach (var row in await host.RowsAsync(table.Table))
            {
                lines.Add($"{table.Table} {row.Id} {row.Source}->{row.Target} {string.Join(",", row.Cells.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value}"))}");
            }
        }

        return string.Join('\n', lines);
    }
}
