using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Schema;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph embed [URI] --type T [--property P] [--branch B] [--only-missing] [--as ACTOR] [--json] [--quiet]</c>:
/// (re)computes the <c>@embed("src")</c> vectors of a node type from their source text through the configured
/// embedding provider, as ONE commit. It exports the type's rows, drops the vectors to (re)fill (every one, or with
/// <c>--only-missing</c> the null ones), and merges those rows back with a load that computes them (docs/loading.md):
/// any provider failure writes nothing. Rows whose source is null keep their vector.
/// </summary>
internal sealed class EmbedCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["embed"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions(bindsPolicy: true);
        var type = new Option<string>("--type") { Description = "The node type whose vectors to compute", Required = true, HelpName = "T" };
        var property = new Option<string?>("--property") { Description = "Only this @embed vector property (default: every one of the type)", HelpName = "P" };
        var onlyMissing = new Option<bool>("--only-missing") { Description = "Compute only the vectors that are null (default: recompute every one)" };
        var branch = CliOptions.Branch();
        var actor = CliOptions.Actor();
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("embed", "(Re)compute a node type's @embed vectors from their source text, as one commit") { uri, type, property, onlyMissing, branch, actor, quiet, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            var branchName = parseResult.GetValue(branch)!;
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            var schema = SchemaCatalog.Compile((await graph.Service.GetSchemaAsync(branchName, cancellationToken)).SchemaSource);
            var node = NodeTypeOf(schema, parseResult.GetValue(type)!);
            var targets = Targets(node, parseResult.GetValue(property));
            if (graph.IsServed && targets.Any(static t => t.IsNullable))
            {
                // A load over HTTP computes the required @embed vectors a record leaves out; the load route has no way to
                // name nullable ones, so a served graph can only be asked for required vectors.
                throw CliErrors.Usage("--server computes required @embed vectors only; a nullable one needs a local graph (--store or a URI)");
            }

            var names = targets.Select(static t => t.Name).ToImmutableArray();
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"embedding {node.Name}.{string.Join(", ", names)} on branch {branchName} of {graph.Uri}");
            var rows = await RowsToEmbedAsync(graph, branchName, node, targets, parseResult.GetValue(onlyMissing), cancellationToken);
            await CliOptions.EchoAsync(runtime, parseResult, quiet, string.Create(CultureInfo.InvariantCulture, $"{rows.Embedded} of {rows.Read} rows to embed ({rows.WithoutSource} without source text)"));
            CommitOutput? commit = null;
            if (rows.Embedded > 0)
            {
                var options = new GraphLoadOptions { Actor = parseResult.GetValue(actor), EmbedProperties = [.. names.Select(n => $"{node.Name}.{n}")] };
                using var data = new MemoryStream(rows.Jsonl, writable: false);
                commit = (await graph.Service.LoadAsync(data, GraphLoadMode.Merge, branchName, options, cancellationToken)).Commit;
            }

            var output = new EmbedCommandOutput(graph.Uri, branchName, node.Name, names, rows.Read, rows.Embedded, rows.WithoutSource, commit);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, output);
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync(commit is null
                    ? $"nothing to embed for {node.Name} on {branchName}: no commit"
                    : string.Create(CultureInfo.InvariantCulture, $"embedded {rows.Embedded} rows of {node.Name} on {branchName}: commit {commit.GraphCommitId} at manifest version {commit.GraphManifestVersion}"));
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static NodeType NodeTypeOf(SchemaCatalog schema, string name) =>
        schema.NodeTypes.FirstOrDefault(n => n.Name == name)
        ?? throw new OmniGraphException(ErrorCodes.UnknownType, $"the schema has no node type '{ErrorText.Quote(name)}'");

    /// <summary>The <c>@embed</c> vector properties to compute: the one named, or every one of the type.</summary>
    private static ImmutableArray<Property> Targets(NodeType node, string? name)
    {
        ImmutableArray<Property> targets = [.. node.Properties.Where(p => p.Embed is not null && p.Type.IsVector && (name is null || p.Name == name))];
        if (!targets.IsEmpty)
        {
            return targets;
        }

        throw name is null
            ? CliErrors.Usage($"node type {node.Name} has no @embed vector property")
            : CliErrors.Usage($"'{ErrorText.Quote(name)}' is not an @embed vector property of {node.Name}");
    }

    /// <summary>
    /// The type's rows as exported, as merge-load records without the vectors to compute: only the rows that get one
    /// (their source text is set and, with <paramref name="onlyMissing"/>, their vector is null).
    /// </summary>
    private static async Task<(byte[] Jsonl, long Read, long Embedded, long WithoutSource)> RowsToEmbedAsync(
        CliGraph graph, string branch, NodeType node, ImmutableArray<Property> targets, bool onlyMissing, CancellationToken cancellationToken)
    {
        using var exported = new MemoryStream();
        await graph.Service.ExportAsync(exported, new ExportRequest(branch, [node.Name]), cancellationToken);
        exported.Position = 0;
        using var reader = new StreamReader(exported, Encoding.UTF8);
        var output = new StringBuilder();
        long read = 0, embedded = 0, withoutSource = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject record || record["data"] is not JsonObject data)
            {
                continue;
            }

            read++;
            var dropped = false;
            var lacksSource = false;
            foreach (var target in targets)
            {
                if (data[target.Embed!.SourceProperty] is null)
                {
                    lacksSource = true;
                }
                else if (!onlyMissing || data[target.Name] is null)
                {
                    // An export leaves a null value out or writes null: either way the load computes it.
                    data.Remove(target.Name);
                    dropped = true;
                }
            }

            withoutSource += lacksSource ? 1 : 0;
            if (dropped)
            {
                embedded++;
                output.Append(record.ToJsonString()).Append('\n');
            }
        }

        return (Encoding.UTF8.GetBytes(output.ToString()), read, embedded, withoutSource);
    }
}
