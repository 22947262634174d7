using System.Text.Json;

namespace OmniGraph.Server.Mcp;

/// <summary>
/// One of the tools every graph's MCP endpoint offers besides its stored queries (<see cref="GraphMcpTools"/>): its
/// name, its description (given the graph id), its input schema, and its handler. The handler decides the call on the
/// same policy actions as the HTTP route it mirrors and answers JSON (<see cref="McpToolAnswer"/>).
/// </summary>
/// <param name="Name">The tool name (reserved: no stored query may take it).</param>
/// <param name="Describe">Its description for a graph id.</param>
/// <param name="InputSchemaJson">Its input schema (JSON Schema text; the members it declares are the only arguments taken).</param>
/// <param name="Handler">Runs a call.</param>
internal sealed record McpBuiltInTool(
    string Name,
    Func<string, string> Describe,
    string InputSchemaJson,
    Func<HttpContext, ServedGraph, McpToolArguments, Task<McpToolAnswer>> Handler)
{
    /// <summary>The parsed input schema.</summary>
    public JsonElement InputSchema { get; } = StoredQueryToolSchema.Parse(InputSchemaJson);

    /// <summary>The argument names the input schema declares.</summary>
    public IReadOnlySet<string> Declared { get; } = StoredQueryToolSchema.Parse(InputSchemaJson).GetProperty("properties").EnumerateObject().Select(static p => p.Name).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What a tool call answers: JSON text, and whether it is a failure (a failure's JSON is an error body carrying a <c>code</c>).</summary>
/// <param name="Json">The answer.</param>
/// <param name="IsError">Whether the call failed.</param>
internal sealed record McpToolAnswer(string Json, bool IsError = false);
