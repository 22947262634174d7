using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Http;

/// <summary>
/// The <see cref="IGraphService"/> of one graph on an OmniGraph server, over its HTTP interface (docs/server.md): the
/// same outputs and the same typed errors (code, kind, details; <see cref="GraphPreconditionFailedException"/> for a
/// lost compare-and-swap) as the engine in process. Obtain it from <see cref="OmniGraphHttpClient.Graph"/>. The actor of
/// every write is the bearer token's: a request that names one is refused before it is sent.
/// </summary>
public sealed partial class HttpGraphService : IGraphService
{
    private readonly OmniGraphHttpClient _server;
    private readonly string _prefix;

    internal HttpGraphService(OmniGraphHttpClient server, string graphId)
    {
        _server = server;
        GraphId = graphId;
        _prefix = $"graphs/{Uri.EscapeDataString(graphId)}/";
    }

    /// <inheritdoc />
    public string GraphId { get; }

    /// <summary>The graph's address on the server (<c>http://host:port/graphs/{id}</c>).</summary>
    public Uri Address => new(_server.BaseAddress, _prefix.TrimEnd('/'));

    /// <inheritdoc />
    public async Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new QueryRequestBody(request.Source, request.QueryName, Parameters(request.ParametersJson), request.Target.Branch, request.Target.Snapshot);
        using var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "query") { Content = _server.Json(body, WireJsonContext.Default.QueryRequestBody) };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(WireNames.ArrowStream));
        using var response = await _server.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return QueryResultWire.FromBody(bytes, name => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null, request.Target);
    }

    /// <inheritdoc />
    public async Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RefuseActor(request.Actor);
        var body = new MutateRequestBody(request.QuerySource, request.QueryName, Parameters(request.Parameters), request.Branch);
        var conditional = request.ExpectedHeadCommit is not null;
        using var message = new HttpRequestMessage(HttpMethod.Post, _prefix + (conditional ? "mutate/if-graph-commit" : "mutate"))
        {
            Content = _server.Json(body, WireJsonContext.Default.MutateRequestBody),
        };
        if (conditional)
        {
            message.Headers.TryAddWithoutValidation(WireNames.IfGraphCommitHeader, request.ExpectedHeadCommit);
        }

        return await _server.SendForJsonAsync(message, WireJsonContext.Default.ChangeOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The data streams to <c>POST /load/ndjson</c> as it is read; <see cref="GraphLoadOptions.Progress"/> is not reported over HTTP.</remarks>
    public async Task<LoadOutput> LoadAsync(Stream data, GraphLoadMode mode, string branch = BranchNames.Main, GraphLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        RefuseActor(options?.Actor);
        var content = new StreamContent(data, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue(WireNames.Ndjson);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{_prefix}load/ndjson?branch={Uri.EscapeDataString(branch)}&mode={mode.ToWireName()}{(options?.BaseBranch is { } from ? "&from=" + Uri.EscapeDataString(from) : string.Empty)}") { Content = content };
        return await _server.SendForJsonAsync(message, WireJsonContext.Default.LoadOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ExportAsync(Stream destination, ExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(request);
        var body = new ExportRequestBody(request.Branch, [.. request.TypeNames]);
        using var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "export") { Content = _server.Json(body, WireJsonContext.Default.ExportRequestBody) };
        using var response = await _server.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await OmniGraphHttpClient.TranslateTransportErrors(() => stream.CopyToAsync(destination, cancellationToken)).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SnapshotOutput> GetSnapshotAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _server.GetJsonAsync($"{_prefix}snapshot?branch={Uri.EscapeDataString(branch)}", WireJsonContext.Default.SnapshotOutput, cancellationToken);

    /// <inheritdoc />
    public Task<CommitListOutput> ListCommitsAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _server.GetJsonAsync($"{_prefix}commits?branch={Uri.EscapeDataString(branch)}", WireJsonContext.Default.CommitListOutput, cancellationToken);

    /// <inheritdoc />
    public Task<CommitOutput> GetCommitAsync(string commitId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commitId);
        return _server.GetJsonAsync($"{_prefix}commits/{Uri.EscapeDataString(commitId)}", WireJsonContext.Default.CommitOutput, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SchemaOutput> GetSchemaAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _server.GetJsonAsync($"{_prefix}schema?branch={Uri.EscapeDataString(branch)}", WireJsonContext.Default.SchemaOutput, cancellationToken);

    /// <inheritdoc />
    public async Task<ImmutableArray<string>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        (await _server.GetJsonAsync(_prefix + "branches", WireJsonContext.Default.BranchListOutput, cancellationToken).ConfigureAwait(false)).Branches;

    /// <summary>The parameters document as JSON (the engine validates it; malformed text is refused here, before sending).</summary>
    private static JsonElement? Parameters(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new OmniGraphException(ErrorCodes.QueryParameterInvalid, $"the parameters are not a JSON document: {exception.Message}", exception);
        }
    }

    private static void RefuseActor(string? actor)
    {
        if (actor is not null)
        {
            throw new OmniGraphException(ErrorCodes.Usage, "a served write takes its actor from the bearer token; --as (an explicit actor) cannot be used with --server");
        }
    }
}
