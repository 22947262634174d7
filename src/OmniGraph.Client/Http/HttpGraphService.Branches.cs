using System.Net;
using System.Text.Json;
using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Http;

public sealed partial class HttpGraphService
{
    /// <inheritdoc />
    public Task<BranchCreateOutput> CreateBranchAsync(string name, string? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "branches") { Content = _server.Json(new BranchCreateRequestBody(name, from), WireJsonContext.Default.BranchCreateRequestBody) };
        return SendDisposingAsync(message, WireJsonContext.Default.BranchCreateOutput, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BranchDeleteOutput> DeleteBranchAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var message = new HttpRequestMessage(HttpMethod.Delete, $"{_prefix}branches/{Uri.EscapeDataString(name)}");
        return SendDisposingAsync(message, WireJsonContext.Default.BranchDeleteOutput, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A 409 <c>merge_conflicts</c> answer is read back as a conflicted result with every conflict.</remarks>
    public async Task<BranchMergeResult> MergeBranchAsync(BranchMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RefuseActor(request.Actor);
        var body = new BranchMergeRequestBody(request.Source, request.Target, request.DeleteBranch);
        using var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "branches/merge") { Content = _server.Json(body, WireJsonContext.Default.BranchMergeRequestBody) };
        using var response = await _server.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken, HttpStatusCode.Conflict).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var conflicts = TryReadConflicts(bytes) ?? throw ErrorEnvelope.Read(bytes, (int)response.StatusCode, response.ReasonPhrase);
            return new BranchMergeResult(BranchMergeOutcome.Conflicted, request.Source, request.Target, string.Empty, null, null, [], [.. conflicts.MergeConflicts.Select(static c => c.ToConflict())], 1);
        }

        var merged = Deserialize(bytes, WireJsonContext.Default.BranchMergeOutput);
        var commit = merged.Commit is { } c
            ? new CommitInfo(c.GraphCommitId, c.GraphBranch ?? BranchNames.Main, c.GraphManifestVersion, c.ParentCommitId, c.MergedParentCommitId, c.ActorId, c.CreatedAt, CommitKinds.Merge)
            : null;
        return new BranchMergeResult(
            BranchMergeOutcomes.Parse(merged.Outcome),
            merged.Source,
            merged.Target,
            merged.SourceCommitId,
            merged.BaseCommitId,
            commit,
            [.. merged.Tables.Select(static t => new TableMergeSummary(t.Table, t.Inserted, t.Updated, t.Deleted))],
            [],
            1)
        {
            BranchDeleted = merged.BranchDeleted == true,
            BranchDeleteError = merged.BranchDeleteError,
        };
    }

    private static MergeConflictsBody? TryReadConflicts(byte[] bytes)
    {
        try
        {
            var body = JsonSerializer.Deserialize(bytes, WireJsonContext.Default.MergeConflictsBody);
            return body is { Code: ErrorCodes.MergeConflicts, MergeConflicts.IsDefault: false } ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Deserialize<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("the body is null");
        }
        catch (JsonException exception)
        {
            throw new OmniGraphException(ErrorCodes.CorruptObject, $"a response from the server is not the expected {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    private async Task<T> SendDisposingAsync<T>(HttpRequestMessage message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using (message)
        {
            return await _server.SendForJsonAsync(message, typeInfo, cancellationToken).ConfigureAwait(false);
        }
    }
}
