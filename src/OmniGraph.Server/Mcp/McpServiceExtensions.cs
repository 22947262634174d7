using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace OmniGraph.Server.Mcp;

/// <summary>Registers each graph's Model Context Protocol endpoint (<see cref="GraphMcpTools"/>).</summary>
internal static class McpServiceExtensions
{
    /// <summary>The MCP server: stateless Streamable HTTP (each call is one HTTP request, authenticated like every route).</summary>
    public static void AddOmniGraphMcp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddMcpServer(mcp => mcp.ServerInfo = new Implementation { Name = "omnigraph", Version = ServerInfo.Version })
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithListToolsHandler(GraphMcpTools.ListAsync)
            .WithCallToolHandler(GraphMcpTools.CallAsync);
    }

    /// <summary>
    /// Maps <c>/graphs/{graphId}/mcp</c>: a bearer token is required (401 as every route); each tool call is decided
    /// on its own action (<c>invoke_query</c> and then <c>read</c>/<c>change</c> for a stored query, <c>read</c> otherwise).
    /// </summary>
    public static void MapOmniGraphMcp(this IEndpointRouteBuilder routes) =>
        routes.MapMcp("/graphs/{graphId}/mcp").RequiresAccess(PolicyAction.InvokeQuery);
}
