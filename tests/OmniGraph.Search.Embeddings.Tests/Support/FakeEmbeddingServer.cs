using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniGraph.Search.Embeddings.Tests;

/// <summary>
/// An OpenAI-compatible <c>POST /v1/embeddings</c> endpoint on a loopback port (Kestrel), scripted per request: it
/// answers with the mock provider's vectors scaled by 3 (so the embedder's normalization shows), or with a scripted
/// status, a hang, or a custom body. Records every request it received.
/// </summary>
internal sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();

    private FakeEmbeddingServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests received, in order: the JSON body and the Authorization header.</summary>
    public ConcurrentQueue<(JsonObject Body, string? Authorization)> Requests { get; } = new();

    public static async Task<FakeEmbeddingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(static kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app);
        RequestDelegate handler = server.HandleAsync;
        app.MapPost("/v1/embeddings", handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The next requests' replies, in order; once the script is used up, requests are answered normally.</summary>
    public FakeEmbeddingServer Then(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        Requests.Enqueue((body, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null));
        var reply = _script.TryDequeue(out var scripted) ? scripted : Reply.Ok;
        switch (reply.Kind)
        {
            case ReplyKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                return;
            case ReplyKind.Status:
                context.Response.StatusCode = reply.Status;
                if (reply.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted {reply.Status}" } });
                return;
            default:
                var vectors = Vectors(body);
                await Respond(context, body, reply.Transform?.Invoke(vectors) ?? vectors);
                return;
        }
    }

    private static float[][] Vectors(JsonObject body)
    {
        var dimensions = body["dimensions"]!.GetValue<int>();
        var inputs = body["input"] is JsonArray array ? array.Select(static n => n!.GetValue<string>()).ToArray() : [body["input"]!.GetValue<string>()];
        return [.. inputs.Select(text => MockEmbeddingGenerator.Embed(text, dimensions).Select(static v => v * 3).ToArray())];
    }

    /// <summary>The OpenAI list shape, with each embedding as floats or (when asked) base64 of little-endian Float32.</summary>
    private static Task Respond(HttpContext context, JsonObject body, float[][] vectors)
    {
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vectors[i].AsSpan())))
                : new JsonArray([.. vectors[i].Select(static v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString(JsonSerializerOptions.Default));
    }

    public enum ReplyKind
    {
        Ok,
        Status,
        Hang,
    }

    /// <summary>One scripted reply.</summary>
    public sealed record Reply(ReplyKind Kind, int Status = 200, int? RetryAfterSeconds = null, Func<float[][], float[][]>? Transform = null)
    {
        public static Reply Ok { get; } = new(ReplyKind.Ok);

        public static Reply Hang { get; } = new(ReplyKind.Hang);

        public static Reply WithStatus(int status, int? retryAfterSeconds = null) => new(ReplyKind.Status, status, retryAfterSeconds);

        public static Reply Changed(Func<float[][], float[][]> transform) => new(ReplyKind.Ok, Transform: transform);
    }
}
