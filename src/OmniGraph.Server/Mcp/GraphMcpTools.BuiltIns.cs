using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Server.Admission;
using OmniGraph.Server.Endpoints;
using OmniGraph.Server.Queries;

namespace OmniGraph.Server.Mcp;

internal static partial class GraphMcpTools
{
    /// <summary>The built-in tool that answers the graph's schema source (decided as <c>read</c> on main).</summary>
    public const string SchemaTool = "graph_schema";

    /// <summary>The built-in tool that runs an ad-hoc read, at a branch head or a commit (decided as <c>read</c> as <c>/query</c>).</summary>
    public const string ReadTool = "graph_read";

    /// <summary>The built-in tool that runs an ad-hoc or stored mutation on a branch (decided as <c>/mutate</c>, or as a stored query).</summary>
    public const string MutateTool = "graph_mutate";

    /// <summary>The built-in tool that lists the branches (decided as <c>read</c>).</summary>
    public const string BranchListTool = "branch_list";

    /// <summary>The built-in tool that creates a branch (decided as <c>branch_create</c>, as <c>POST /branches</c>).</summary>
    public const string BranchCreateTool = "branch_create";

    /// <summary>The built-in tool that shows a branch's change against its base (decided as <c>read</c> on both branches).</summary>
    public const string BranchDiffTool = "branch_diff";

    /// <summary>The built-in tool that merges a branch into an unprotected one (decided as <c>branch_merge</c>, as <c>POST /branches/merge</c>).</summary>
    public const string BranchMergeTool = "branch_merge";

    /// <summary>The built-in tool that requests a promotion: a preview and its digest (decided as <c>read</c>, as <c>POST /promotions/preview</c>).</summary>
    public const string PromotionRequestTool = "promotion_request";

    /// <summary>The built-in tools, in the order they are listed.</summary>
    private static McpBuiltInTool[] CreateBuiltIns() =>
    [
        new(SchemaTool, static id => $"The schema (.pg source) of graph '{id}'", """{"type":"object","properties":{},"additionalProperties":false}""", SchemaAsync),
        new(ReadTool, static id => $"Run a read query (.gq source) on graph '{id}' at a branch head (default main) or at a commit, and return its rows as JSON", """
            {"type":"object","properties":{
              "query":{"type":"string","description":"The .gq source holding the read query"},
              "name":{"type":"string","description":"The query to run when the source declares several"},
              "params":{"type":"object","description":"Parameter values"},
              "branch":{"type":"string","description":"The branch to read (default main)"},
              "snapshot":{"type":"string","description":"A commit id (or manifest version) to read instead of the branch head"}},
             "required":["query"],"additionalProperties":false}
            """, ReadAsync),
        new(MutateTool, static id => $"Run a mutation on a branch of graph '{id}' as one commit: ad-hoc .gq source ('query') or a stored mutation by name ('stored'). Work on your own branch (branch_create), not on main", """
            {"type":"object","properties":{
              "query":{"type":"string","description":"The .gq source holding the mutation (or give 'stored')"},
              "stored":{"type":"string","description":"The name of a stored mutation to run (or give 'query')"},
              "name":{"type":"string","description":"The mutation to run when the source declares several"},
              "params":{"type":"object","description":"Parameter values"},
              "branch":{"type":"string","description":"The branch written (default main)"}},
             "additionalProperties":false}
            """, MutateAsync),
        new(BranchListTool, static id => $"The branch names of graph '{id}', sorted", """{"type":"object","properties":{},"additionalProperties":false}""", BranchListAsync),
        new(BranchCreateTool, static id => $"Create a branch of graph '{id}' at the head of another branch (default main) or at a commit; no data is copied. Work there in isolation, then merge it or request a promotion", """
            {"type":"object","properties":{
              "name":{"type":"string","description":"The new branch"},
              "from":{"type":"string","description":"The branch (its head) or commit id to start at (default main)"}},
             "required":["name"],"additionalProperties":false}
            """, BranchCreateAsync),
        new(BranchDiffTool, static id => $"The net change of a branch of graph '{id}' against its base: from the merge base of the branch and 'base' (default main) to the branch head", """
            {"type":"object","properties":{
              "branch":{"type":"string","description":"The branch whose change is shown"},
              "base":{"type":"string","description":"The branch it is compared with (default main)"}},
             "required":["branch"],"additionalProperties":false}
            """, BranchDiffAsync),
        new(BranchMergeTool, static id => $"Merge a branch of graph '{id}' into an unprotected branch as one commit. A protected branch takes promotions only (use {PromotionRequestTool}); a conflicted merge writes nothing and lists every conflict", """
            {"type":"object","properties":{
              "source":{"type":"string","description":"The branch whose changes are taken"},
              "into":{"type":"string","description":"The unprotected branch that receives them (default main)"},
              "delete_branch":{"type":"boolean","description":"Delete the source afterwards"}},
             "required":["source"],"additionalProperties":false}
            """, BranchMergeAsync),
        new(PromotionRequestTool, static id => $"Request a promotion of a branch of graph '{id}' into a (protected) branch: returns the change it would apply and its diff_digest, and writes nothing. This tool cannot confirm it: a person the policy allows 'promote' reviews the change and confirms that digest (omnigraph promote SOURCE --into TARGET --confirm DIFF_DIGEST, or POST /graphs/{id}/promotions). Give them the digest", """
            {"type":"object","properties":{
              "source":{"type":"string","description":"The branch whose change would be promoted"},
              "into":{"type":"string","description":"The branch that would receive it (default main)"}},
             "required":["source"],"additionalProperties":false}
            """, PromotionRequestAsync),
    ];

    private static async Task<McpToolAnswer> SchemaAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        await http.AuthorizeAsync(PolicyAction.Read, graph.Id, BranchNames.Main);
        var schema = await graph.Service.GetSchemaAsync(BranchNames.Main, http.RequestAborted);
        return new McpToolAnswer(JsonSerializer.Serialize(schema, WireJsonContext.Default.SchemaOutput));
    }

    private static async Task<McpToolAnswer> ReadAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var body = new QueryRequestBody(arguments.Text("query"), arguments.Text("name"), arguments.Object("params"), arguments.Text("branch"), arguments.Text("snapshot"));
        return new McpToolAnswer(Execution.Output.ReadOutputWriter.Json(await GraphEndpoints.RunReadAsync(http, graph, body), indented: false));
    }

    private static async Task<McpToolAnswer> MutateAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var source = arguments.Text("query");
        var stored = arguments.Text("stored");
        var parameters = arguments.Object("params");
        var branch = arguments.Text("branch");
        if ((source is null) == (stored is null))
        {
            throw Http.ServerErrors.InvalidBody($"tool '{MutateTool}' needs exactly one of 'query' (a .gq source) and 'stored' (a stored mutation's name)");
        }

        if (stored is not null)
        {
            var invoker = http.RequestServices.GetRequiredService<StoredQueryInvoker>();
            var outcome = await invoker.InvokeAsync(http, graph, stored, new InvokeStoredQueryRequest(parameters, branch, ExpectMutation: true), expectedHead: null);
            return new McpToolAnswer(outcome.ToJson());
        }

        var body = new MutateRequestBody(source, arguments.Text("name"), parameters, branch);
        var change = await GraphEndpoints.RunMutationAsync(http, graph, body, expectedHead: null, http.RequestServices.GetRequiredService<ActorAdmission>());
        return new McpToolAnswer(JsonSerializer.Serialize(change, WireJsonContext.Default.ChangeOutput));
    }

    private static async Task<McpToolAnswer> BranchListAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        await http.AuthorizeAsync(PolicyAction.Read, graph.Id);
        var branches = new BranchListOutput(await graph.Service.ListBranchesAsync(http.RequestAborted));
        return new McpToolAnswer(JsonSerializer.Serialize(branches, WireJsonContext.Default.BranchListOutput));
    }

    private static async Task<McpToolAnswer> BranchCreateAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var created = await GraphEndpoints.CreateBranchAsync(http, graph, new BranchCreateRequestBody(arguments.Text("name"), arguments.Text("from")));
        return new McpToolAnswer(JsonSerializer.Serialize(created, WireJsonContext.Default.BranchCreateOutput));
    }

    /// <summary>
    /// The branch's own change: the net diff from its merge base with <c>base</c> to its head (what a merge would bring,
    /// without what <c>base</c> changed since). The merge base is the promotion preview's, which reads only.
    /// </summary>
    private static async Task<McpToolAnswer> BranchDiffAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var preview = await GraphEndpoints.PreviewPromotionAsync(http, graph, arguments.Text("branch"), arguments.Text("base"));
        var diff = await graph.Service.DiffAsync(new GraphDiffRequest(preview.BaseCommitId, preview.SourceCommitId, ChangeFilter.All), http.RequestAborted);
        return new McpToolAnswer(JsonSerializer.Serialize(diff, WireJsonContext.Default.ChangeSetOutput));
    }

    private static async Task<McpToolAnswer> BranchMergeAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var body = new BranchMergeRequestBody(arguments.Text("source"), arguments.Text("into"), arguments.Flag("delete_branch"));
        var (merged, conflicts) = await GraphEndpoints.MergeBranchesAsync(http, graph, body);
        return conflicts is not null
            ? new McpToolAnswer(JsonSerializer.Serialize(conflicts, WireJsonContext.Default.MergeConflictsBody), IsError: true)
            : new McpToolAnswer(JsonSerializer.Serialize(merged!, WireJsonContext.Default.BranchMergeOutput));
    }

    private static async Task<McpToolAnswer> PromotionRequestAsync(HttpContext http, ServedGraph graph, McpToolArguments arguments)
    {
        var preview = await GraphEndpoints.PreviewPromotionAsync(http, graph, arguments.Text("source"), arguments.Text("into"));
        return new McpToolAnswer(JsonSerializer.Serialize(preview, WireJsonContext.Default.PromotionPreviewOutput));
    }
}
