using System.Text.Json;

namespace OmniGraph.Abstractions;

/// <summary>
/// Diffs, per-commit changes, the change feed and baselines on an <see cref="IGraphClient"/> (docs/branches.md, "Diffs
/// and changes"), as calls to <see cref="IGraphChangesGrain"/>.
/// </summary>
public static class GraphClientChangeExtensions
{
    /// <summary>The net diff between two read targets (branch, commit id or manifest version).</summary>
    /// <exception cref="OmniGraphException">See <see cref="IGraphChangesGrain.DiffAsync"/>.</exception>
    public static Task<ChangeSetOutput> DiffAsync(this IGraphClient client, GraphDiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Grains.GetGrain<IGraphChangesGrain>(client.GraphId).DiffAsync(request, cancellationToken);
    }

    /// <summary>A page of a commit's changes against its first parent.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IGraphChangesGrain.GetCommitChangesAsync"/>.</exception>
    public static Task<CommitChangesOutput> GetCommitChangesAsync(this IGraphClient client, CommitChangesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Grains.GetGrain<IGraphChangesGrain>(client.GraphId).GetCommitChangesAsync(request, cancellationToken);
    }

    /// <summary>A page of a branch's change feed.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IGraphChangesGrain.PollAsync"/>.</exception>
    public static Task<ChangeFeedOutput> PollChangesAsync(this IGraphClient client, ChangeFeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Grains.GetGrain<IGraphChangesGrain>(client.GraphId).PollAsync(request, cancellationToken);
    }

    /// <summary>
    /// Writes a change baseline to <paramref name="destination"/> as NDJSON: the entities of the branch head as
    /// <c>export</c> writes them, then the terminal <c>{"baseline":{snapshot_commit_id, resume_cursor}}</c> line, written
    /// only after every entity record. Returns that record. A failure part way leaves output without the terminal line,
    /// which yields no cursor.
    /// </summary>
    /// <exception cref="OmniGraphException">See <see cref="IGraphChangesGrain.BeginBaselineAsync"/>.</exception>
    public static async Task<ChangeBaselineRecord> WriteBaselineAsync(this IGraphClient client, Stream destination, ChangeBaselineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(destination);
        var plan = await client.Grains.GetGrain<IGraphChangesGrain>(client.GraphId).BeginBaselineAsync(request, cancellationToken).ConfigureAwait(false);
        var export = client.Grains.GetGrain<IGraphExportGrain>(IGraphExportGrain.NewKey(client.GraphId));
        await foreach (var chunk in export.ExportAsync(plan.Export, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await destination.WriteAsync(chunk.Jsonl, cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync(BaselineLine(plan.Record), cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return plan.Record;
    }

    /// <summary>The terminal line of a baseline, newline included.</summary>
    public static byte[] BaselineLine(ChangeBaselineRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("baseline");
            writer.WriteString("snapshot_commit_id", record.Baseline.SnapshotCommitId);
            writer.WriteString("resume_cursor", record.Baseline.ResumeCursor);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
