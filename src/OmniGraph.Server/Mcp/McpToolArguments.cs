using System.Text.Json;

namespace OmniGraph.Server.Mcp;

/// <summary>
/// The arguments of one built-in tool call, read strictly: a member the tool's input schema does not declare, or a
/// member of the wrong JSON type, is <c>invalid_request_body</c> (as a misspelt field of an HTTP body is), not ignored.
/// </summary>
internal sealed class McpToolArguments
{
    private readonly IDictionary<string, JsonElement> _values;

    /// <summary>Reads <paramref name="values"/> for a tool whose input schema declares <paramref name="declared"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: an undeclared member.</exception>
    public McpToolArguments(string tool, IDictionary<string, JsonElement> values, IReadOnlySet<string> declared)
    {
        if (values.Keys.FirstOrDefault(key => !declared.Contains(key)) is { } unknown)
        {
            throw ServerErrors.InvalidBody($"tool '{tool}' takes no argument '{ErrorText.Quote(unknown)}' (it takes {string.Join(", ", declared.Order(StringComparer.Ordinal))})");
        }

        Tool = tool;
        _values = values;
    }

    /// <summary>The tool called.</summary>
    public string Tool { get; }

    /// <summary>A string argument, or <c>null</c> when absent or JSON null.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: present but not a string.</exception>
    public string? Text(string name) => Get(name, JsonValueKind.String, "a string")?.GetString();

    /// <summary>An object argument (parameter values), or <c>null</c> when absent or JSON null.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: present but not an object.</exception>
    public JsonElement? Object(string name) => Get(name, JsonValueKind.Object, "an object");

    /// <summary>A boolean argument; <c>false</c> when absent or JSON null.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: present but not a boolean.</exception>
    public bool Flag(string name) => _values.TryGetValue(name, out var value) && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw WrongType(name, "a boolean", value.ValueKind),
    };

    private JsonElement? Get(string name, JsonValueKind kind, string expected)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw WrongType(name, expected, value.ValueKind);
    }

    private OmniGraphException WrongType(string name, string expected, JsonValueKind actual) =>
        ServerErrors.InvalidBody($"argument '{name}' of tool '{Tool}' must be {expected}, not a JSON {actual.ToString().ToLowerInvariant()}");
}
