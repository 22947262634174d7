namespace OmniGraph.Abstractions;

public static partial class GraphClientLoadingExtensions
{
    /// <summary>
    /// Writes the export of <paramref name="branch"/> (every type, or only <paramref name="typeNames"/>) to
    /// <paramref name="destination"/> as JSONL, chunk by chunk; returns the number of records written. If it fails part
    /// way, the destination holds a truncated export that must be discarded.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: The branch does not exist.</exception>
    /// <exception cref="OmniGraphException">Code <c>unknown_type</c>: A type name the schema does not declare.</exception>
    public static async Task<long> ExportAsync(
        this IGraphClient client,
        Stream destination,
        string branch = BranchNames.Main,
        IEnumerable<string>? typeNames = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long records = 0;
        await foreach (var chunk in client.ExportChunksAsync(branch, typeNames, cancellationToken).ConfigureAwait(false))
        {
            await destination.WriteAsync(chunk.Jsonl, cancellationToken).ConfigureAwait(false);
            records += chunk.Records;
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return records;
    }

    /// <summary>The export of <paramref name="branch"/> as chunks of whole JSONL lines.</summary>
    public static async IAsyncEnumerable<ExportChunk> ExportChunksAsync(
        this IGraphClient client,
        string branch = BranchNames.Main,
        IEnumerable<string>? typeNames = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        var request = new ExportRequest(branch, typeNames is null ? [] : [.. typeNames]);
        var grain = client.Grains.GetGrain<IGraphExportGrain>(IGraphExportGrain.NewKey(client.GraphId));
        await foreach (var chunk in grain.ExportAsync(request, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }
}
