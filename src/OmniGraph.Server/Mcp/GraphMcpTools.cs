using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;
using OmniGraph.Security;
using OmniGraph.Server.Endpoints;
using OmniGraph.Server.Graphs;
using OmniGraph.Server.Queries;
using OmniGraph.Server.Security;

namespace OmniGraph.Server.Mcp;

/// <summary>
/// A graph's Model Context Protocol tools (<c>/graphs/{id}/mcp</c>, docs/server.md#mcp): one tool per stored query
/// (its tool name, description and instruction, and a JSON Schema of its parameters), plus <see cref="SchemaTool"/>
/// (the schema source) and <see cref="ReadTool"/> (an ad-hoc read). Each call is made with the request's bearer-token
/// actor and decided by the policy exactly as the HTTP routes decide (a stored query through
/// <see cref="StoredQueryInvoker"/>); a failure is a tool result marked as an error whose text is the error envelope.
/// </summary>
internal static class GraphMcpTools
{
    /// <summary>The built-in tool that answers the graph's schema source (decided as <c>read</c> on main).</summary>
    public const string SchemaTool = "graph_schema";

    /// <summary>The built-in tool that runs an ad-hoc read query (decided as <c>read</c> on the branch read).</summary>
    public const string ReadTool = "graph_read";

    /// <summary>The names a stored query may not take: they are the built-in tools'.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(StringComparer.Ordinal) { SchemaTool, ReadTool };

    private static readonly JsonElement s_noArguments = StoredQueryToolSchema.Parse("""{"type":"object","properties":{},"additionalProperties":false}""");

    private static readonly JsonElement s_readArguments = StoredQueryToolSchema.Parse("""
        {"type":"object","properties":{
          "query":{"type":"string","description":"The .gq source holding the read query"},
          "name":{"type":"string","description":"The query to run when the source declares several"},
          "params":{"type":"object","description":"Parameter values"},
          "branch":{"type":"string","description":"The branch to read (default main)"}},
         "required":["query"],"additionalProperties":false}
        """);

    /// <summary>Lists the tools: read-gated on main and not filtered per query (as <c>GET /queries</c>).</summary>
    public static async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var (http, graph) = Resolve(request.Services!);
        try
        {
            await http.AuthorizeAsync(PolicyAction.Read, graph.Id, BranchNames.Main);
            var catalogue = await http.RequestServices.GetRequiredService<ServedStoredQueries>().ForAsync(graph.Id, cancellationToken);
            var tools = new List<Tool>
            {
                new() { Name = SchemaTool, Description = $"The schema (.pg source) of graph '{graph.Id}'", InputSchema = s_noArguments },
                new() { Name = ReadTool, Description = $"Run a read query (.gq source) on graph '{graph.Id}' and return its rows as JSON", InputSchema = s_readArguments },
            };
            foreach (var query in await catalogue.ListAsync(cancellationToken))
            {
                var entry = query.ToEntry();
                tools.Add(new Tool { Name = entry.ToolName, Description = Describe(entry), InputSchema = StoredQueryToolSchema.Of(entry.Params) });
            }

            return new ListToolsResult { Tools = tools };
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not McpException)
        {
            throw new McpProtocolException(System.Text.Encoding.UTF8.GetString(ErrorEnvelope.ToUtf8(OmniGraphErrors.Classify(exception))), McpErrorCode.InvalidRequest);
        }
    }

    /// <summary>Calls a tool.</summary>
    public static async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var (http, graph) = Resolve(request.Services!);
        var arguments = request.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        var name = request.Params?.Name ?? string.Empty;
        try
        {
            var text = name switch
            {
                SchemaTool => await SchemaAsync(http, graph),
                ReadTool => await ReadAsync(http, graph, arguments),
                _ => (await http.RequestServices.GetRequiredService<StoredQueryInvoker>().InvokeAsync(http, graph, name, new InvokeStoredQueryRequest(Params: ToObject(arguments)), expectedHead: null)).ToJson(),
            };
            return new CallToolResult { Content = [new TextContentBlock { Text = text }] };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = OmniGraphErrors.Classify(exception);
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = System.Text.Encoding.UTF8.GetString(ErrorEnvelope.ToUtf8(error)) }] };
        }
    }

    private static async Task<string> SchemaAsync(HttpContext http, ServedGraph graph)
    {
        await http.AuthorizeAsync(PolicyAction.Read, graph.Id, BranchNames.Main);
        return (await graph.Service.GetSchemaAsync(BranchNames.Main, http.RequestAborted)).SchemaSource;
    }

    private static async Task<string> ReadAsync(HttpContext http, ServedGraph graph, IDictionary<string, JsonElement> arguments)
    {
        var body = new QueryRequestBody(
            Text(arguments, "query"),
            Text(arguments, "name"),
            arguments.TryGetValue("params", out var parameters) ? parameters : null,
            Text(arguments, "branch"));
        return Execution.Output.ReadOutputWriter.Json(await GraphEndpoints.RunReadAsync(http, graph, body), indented: false);
    }

    private static string? Text(IDictionary<string, JsonElement> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement ToObject(IDictionary<string, JsonElement> arguments)
    {
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(arguments, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, JsonElement>))));
        return document.RootElement.Clone();
    }

    private static string Describe(StoredQueryEntry entry)
    {
        var kind = entry.Mutation ? "Stored mutation" : "Stored read query";
        var text = entry.Description ?? $"{kind} '{entry.Name}'";
        return entry.Instruction is null ? text : $"{text}\n\n{entry.Instruction}";
    }

    /// <summary>The request of the tool call (stateless HTTP: the handler runs inside it) and the graph its route names.</summary>
    private static (HttpContext Http, ServedGraph Graph) Resolve(IServiceProvider services)
    {
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext
            ?? throw new InvalidOperationException("an MCP tool handler runs outside an HTTP request (the transport must be stateless)");
        var graphs = http.RequestServices.GetRequiredService<ServedGraphs>();
        return (http, graphs.Get(http.GetRouteValue("graphId") as string ?? string.Empty));
    }
}
