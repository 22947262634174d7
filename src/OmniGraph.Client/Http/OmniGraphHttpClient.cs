using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OmniGraph.Client.Wire;

namespace OmniGraph.Client.Http;

/// <summary>
/// A typed client of an OmniGraph server's HTTP interface (docs/server.md). Server-wide calls are here
/// (<see cref="ListGraphsAsync"/>, <see cref="GetHealthAsync"/>); per-graph calls on <see cref="Graph"/>. Every failure
/// is an <see cref="OmniGraphException"/> with the server's code (a server that cannot be reached:
/// <c>server_unavailable</c>). Thread-safe; reuse one per server.
/// </summary>
/// <example><code>
/// using var server = new OmniGraphHttpClient(new Uri("http://127.0.0.1:8080"), Environment.GetEnvironmentVariable("OMNIGRAPH_BEARER_TOKEN"));
/// var rows = await server.Graph("social").QueryAsync(new QueryRequest(source, "friends", """{"name":"Alice"}""", QueryTarget.Head()));
/// </code></example>
public sealed class OmniGraphHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <summary>A client of the server at <paramref name="baseAddress"/> with its own <see cref="HttpClient"/>.</summary>
    /// <param name="baseAddress">The server, e.g. <c>http://127.0.0.1:8080</c>.</param>
    /// <param name="bearerToken">The bearer token sent with every request, or <c>null</c> (an unauthenticated server).</param>
    public OmniGraphHttpClient(Uri baseAddress, string? bearerToken = null)
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, baseAddress, bearerToken, ownsHttp: true)
    {
    }

    /// <summary>A client over <paramref name="http"/> (an <c>IHttpClientFactory</c> client, a test server's client).</summary>
    /// <param name="http">The HTTP client; its <see cref="HttpClient.BaseAddress"/> is used when <paramref name="baseAddress"/> is <c>null</c>.</param>
    /// <param name="baseAddress">The server, or <c>null</c> for <paramref name="http"/>'s base address.</param>
    /// <param name="bearerToken">The bearer token sent with every request, or <c>null</c>.</param>
    public OmniGraphHttpClient(HttpClient http, Uri? baseAddress = null, string? bearerToken = null)
        : this(http, baseAddress ?? http?.BaseAddress ?? throw new ArgumentException("no base address: pass one or set HttpClient.BaseAddress", nameof(baseAddress)), bearerToken, ownsHttp: false)
    {
    }

    private OmniGraphHttpClient(HttpClient http, Uri baseAddress, string? bearerToken, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (baseAddress.Scheme is not ("http" or "https"))
        {
            throw new OmniGraphException(ErrorCodes.Usage, $"a server address is an http:// or https:// URL, not '{ErrorText.Quote(baseAddress.OriginalString)}'");
        }

        _http = http;
        _ownsHttp = ownsHttp;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _authorization = string.IsNullOrEmpty(bearerToken) ? null : new AuthenticationHeaderValue("Bearer", bearerToken);
    }

    /// <summary>The server's address (ending with <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The graph <paramref name="graphId"/> on this server.</summary>
    public HttpGraphService Graph(string graphId)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphId);
        return new HttpGraphService(this, graphId);
    }

    /// <summary><c>GET /graphs</c>: the served graphs.</summary>
    public Task<GraphListOutput> ListGraphsAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync("graphs", WireJsonContext.Default.GraphListOutput, cancellationToken);

    /// <summary><c>GET /healthz</c>.</summary>
    public Task<HealthOutput> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync("healthz", WireJsonContext.Default.HealthOutput, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue(WireNames.Json);
        return content;
    }

    internal async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendForJsonAsync(message, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<T> SendForJsonAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("the body is null");
        }
        catch (JsonException exception)
        {
            throw new OmniGraphException(ErrorCodes.CorruptObject, $"a response from the server is not the expected {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Sends <paramref name="message"/> with the bearer token; a non-success answer throws the error it carries.</summary>
    /// <param name="message">The request.</param>
    /// <param name="completion">When the call returns.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <param name="accept">Another status the caller reads itself (a merge's 409 with its conflicts).</param>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken, System.Net.HttpStatusCode? accept = null)
    {
        message.RequestUri = new Uri(BaseAddress, message.RequestUri!.OriginalString);
        message.Headers.Authorization = _authorization;
        var response = await TranslateTransportErrors(() => _http.SendAsync(message, completion, cancellationToken)).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || response.StatusCode == accept)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw ErrorEnvelope.Read(body, (int)response.StatusCode, response.ReasonPhrase);
        }
    }

    /// <summary>Runs a transport operation; a connection that cannot be made or breaks is <c>server_unavailable</c>.</summary>
    internal static async Task<T> TranslateTransportErrors<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw Unavailable(exception);
        }
        catch (IOException exception)
        {
            throw Unavailable(exception);
        }
    }

    /// <inheritdoc cref="TranslateTransportErrors{T}(Func{Task{T}})"/>
    internal static Task TranslateTransportErrors(Func<Task> operation) =>
        TranslateTransportErrors<bool>(async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        });

    private static OmniGraphException Unavailable(Exception exception) =>
        new(ErrorCodes.ServerUnavailable, $"the server could not be reached or the connection broke: {exception.Message}", exception);
}
