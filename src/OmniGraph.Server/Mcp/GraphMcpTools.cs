using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using OmniGraph.Server.Queries;

namespace OmniGraph.Server.Mcp;

/// <summary>
/// A graph's Model Context Protocol tools (<c>/graphs/{id}/mcp</c>, docs/server.md#mcp): one tool per stored query
/// (its tool name, description and instruction, and a JSON Schema of its parameters), plus the built-in tools
/// (<see cref="CreateBuiltIns"/>: the schema, ad-hoc reads and mutations, and the versioning workflow of docs/branches.md,
/// "Agents"). Each call is made with the request's bearer-token actor and decided by the policy on the same actions as
/// the HTTP route it mirrors (a stored query through <see cref="StoredQueryInvoker"/>). A failure is a tool result
/// marked as an error whose text and structured content are the error envelope, so its <c>code</c> is typed.
/// </summary>
internal static partial class GraphMcpTools
{
    // Built in one file, in this order: static initializers of a partial class run in file order only within a file.
    private static readonly McpBuiltInTool[] s_builtIns = CreateBuiltIns();
    private static readonly IReadOnlyDictionary<string, McpBuiltInTool> s_builtInsByName = s_builtIns.ToDictionary(static t => t.Name, StringComparer.Ordinal);

    /// <summary>The names a stored query may not take: they are the built-in tools'.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = s_builtIns.Select(static t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Lists the tools: read-gated on main and not filtered per query (as <c>GET /queries</c>).</summary>
    public static async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var (http, graph) = Resolve(request.Services!);
        try
        {
            await http.AuthorizeAsync(PolicyAction.Read, graph.Id, BranchNames.Main);
            var catalogue = await http.RequestServices.GetRequiredService<ServedStoredQueries>().ForAsync(graph.Id, cancellationToken);
            var tools = s_builtIns.Select(t => new Tool { Name = t.Name, Description = t.Describe(graph.Id), InputSchema = t.InputSchema }).ToList();
            foreach (var query in await catalogue.ListAsync(cancellationToken))
            {
                var entry = query.ToEntry();
                tools.Add(new Tool { Name = entry.ToolName, Description = Describe(entry), InputSchema = StoredQueryToolSchema.Of(entry.Params) });
            }

            return new ListToolsResult { Tools = tools };
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not McpException)
        {
            throw new McpProtocolException(Encoding.UTF8.GetString(ErrorEnvelope.ToUtf8(OmniGraphErrors.Classify(exception))), McpErrorCode.InvalidRequest);
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
            var answer = s_builtInsByName.TryGetValue(name, out var tool)
                ? await tool.Handler(http, graph, new McpToolArguments(name, arguments, tool.Declared))
                : new McpToolAnswer((await http.RequestServices.GetRequiredService<StoredQueryInvoker>().InvokeAsync(http, graph, name, new InvokeStoredQueryRequest(Params: ToObject(arguments)), expectedHead: null)).ToJson());
            return Result(answer);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Result(new McpToolAnswer(Encoding.UTF8.GetString(ErrorEnvelope.ToUtf8(OmniGraphErrors.Classify(exception))), IsError: true));
        }
    }

    /// <summary>
    /// The tool result: the JSON as text (what a model reads) and, when it is a JSON object, as structured content (what
    /// a program reads: a failure's <c>code</c>).
    /// </summary>
    private static CallToolResult Result(McpToolAnswer answer)
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = answer.Json }], IsError = answer.IsError ? true : null };
        using var document = JsonDocument.Parse(answer.Json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            result.StructuredContent = document.RootElement.Clone();
        }

        return result;
    }

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
