using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Http;

public sealed partial class HttpGraphService
{
    /// <inheritdoc />
    public Task<ChangeSetOutput> DiffAsync(GraphDiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder("diff?from=").Append(Uri.EscapeDataString(request.From)).Append("&to=").Append(Uri.EscapeDataString(request.To));
        AppendFilter(query, request.Filter);
        return _server.GetJsonAsync(_prefix + query, WireJsonContext.Default.ChangeSetOutput, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CommitChangesOutput> GetCommitChangesAsync(CommitChangesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder("commits/").Append(Uri.EscapeDataString(request.CommitId)).Append("/changes?limit=").Append(request.Limit.ToString(CultureInfo.InvariantCulture));
        Append(query, "page_token", request.PageToken);
        AppendFilter(query, request.Filter);
        return _server.GetJsonAsync(_prefix + query, WireJsonContext.Default.CommitChangesOutput, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChangeFeedOutput> PollChangesAsync(ChangeFeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder("changes?branch=").Append(Uri.EscapeDataString(request.Branch))
            .Append("&limit=").Append(request.Limit.ToString(CultureInfo.InvariantCulture))
            .Append("&max_commits=").Append(request.MaxCommits.ToString(CultureInfo.InvariantCulture));
        Append(query, "cursor", request.Cursor);
        Append(query, "start", request.Start);
        Append(query, "page_token", request.PageToken);
        AppendFilter(query, request.Filter);
        return _server.GetJsonAsync(_prefix + query, WireJsonContext.Default.ChangeFeedOutput, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The stream is copied as it arrives; the record is read back from its last line, which the server writes last.</remarks>
    public async Task<ChangeBaselineRecord> WriteBaselineAsync(Stream destination, ChangeBaselineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter;
        var body = new ChangeBaselineRequestBody(request.Branch, [.. filter.Kinds], [.. filter.TypeNames], [.. filter.Ops.Select(static o => o.ToWireName())]);
        using var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "changes/baseline") { Content = _server.Json(body, WireJsonContext.Default.ChangeBaselineRequestBody) };
        using var response = await _server.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var tail = new LastLine();
        await using (stream.ConfigureAwait(false))
        {
            await OmniGraphHttpClient.TranslateTransportErrors(async () =>
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    tail.Add(buffer.AsSpan(0, read));
                }
            }).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(tail.Line, WireJsonContext.Default.ChangeBaselineRecord) is { Baseline: not null } record
                ? record
                : throw new JsonException("no baseline member");
        }
        catch (JsonException exception)
        {
            throw new OmniGraphException(ErrorCodes.StoreUnavailable, "the baseline stream ended without its terminal {\"baseline\":…} line: discard the output and take the baseline again", exception);
        }
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static void AppendFilter(StringBuilder query, ChangeFilter filter)
    {
        foreach (var kind in filter.Kinds.IsDefault ? [] : filter.Kinds)
        {
            Append(query, "kind", kind);
        }

        foreach (var type in filter.TypeNames.IsDefault ? [] : filter.TypeNames)
        {
            Append(query, "type", type);
        }

        foreach (var op in filter.Ops.IsDefault ? [] : filter.Ops)
        {
            Append(query, "op", op.ToWireName());
        }
    }

    /// <summary>The last complete line of a stream seen in pieces (the lines before it are not kept).</summary>
    private sealed class LastLine
    {
        private readonly List<byte> _current = [];
        private byte[] _last = [];

        public ReadOnlySpan<byte> Line => _current.Count > 0 ? [.. _current] : _last;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            var end = bytes.LastIndexOf((byte)'\n');
            if (end < 0)
            {
                _current.AddRange(bytes);
                return;
            }

            var previous = bytes[..end].LastIndexOf((byte)'\n');
            byte[] line = previous >= 0 ? bytes[(previous + 1)..end].ToArray() : [.. _current, .. bytes[..end]];
            if (line.Length > 0)
            {
                _last = line;
            }

            _current.Clear();
            _current.AddRange(bytes[(end + 1)..]);
        }
    }
}
