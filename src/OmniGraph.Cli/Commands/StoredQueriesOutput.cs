using System.Text.Json;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Client.Wire;
using OmniGraph.Server.Queries;

namespace OmniGraph.Cli.Commands;

/// <summary>How the <c>queries</c> commands print stored queries: the catalogue JSON (as <c>GET /queries</c>), or one block per query.</summary>
internal static class StoredQueriesOutput
{
    private static readonly StoredQueryJsonContext s_indented = new(new JsonSerializerOptions { WriteIndented = true });

    public static async Task WriteAsync(CliRuntime runtime, bool json, IReadOnlyList<StoredQuery> queries, string? verb)
    {
        var output = runtime.Console.Out;
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new QueriesCatalogOutput([.. queries.Select(static q => q.ToEntry())]), s_indented.QueriesCatalogOutput));
            return;
        }

        if (queries.Count == 0)
        {
            await output.WriteLineAsync("no stored queries");
            return;
        }

        foreach (var query in queries)
        {
            var parameters = string.Join(", ", query.Declaration.Parameters.Select(static p => p.ToString()));
            await output.WriteLineAsync($"{(verb is null ? string.Empty : verb + " ")}{(query.IsMutation ? "mutation" : "read")} {query.Name}({parameters})");
            await WriteIndentedAsync(output, "description", query.Declaration.Description);
            await WriteIndentedAsync(output, "instruction", query.Declaration.Instruction);
        }
    }

    private static async Task WriteIndentedAsync(TextWriter output, string label, string? text)
    {
        if (text is not null)
        {
            await output.WriteLineAsync($"    {label}: {text.ReplaceLineEndings("\n        ")}");
        }
    }
}
