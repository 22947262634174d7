namespace OmniGraph.Security.Tests.Support;

/// <summary>Policy texts the tests share: policy P of operations.md §8 and variants.</summary>
internal static class PolicyFixtures
{
    /// <summary>
    /// Policy P: team = [act-andrew, act-bruno, act-ragnor], admins = [act-ragnor]; main protected; team reads anywhere,
    /// admins export anywhere, team changes unprotected branches, admins delete and merge into protected branches.
    /// </summary>
    public const string PolicyP = """
        version: 1
        groups:
          team: [act-andrew, act-bruno, act-ragnor]
          admins: [act-ragnor]
        protected_branches: [main]
        rules:
          - id: team-read
            allow:
              actors: { group: team }
              actions: [read]
              branch_scope: any
          - id: admins-export
            allow: { actors: { group: admins }, actions: [export], branch_scope: any }
          - id: team-change
            allow: { actors: { group: team }, actions: [change], branch_scope: unprotected }
          - id: admins-merge
            allow: { actors: { group: admins }, actions: [branch_delete, branch_merge], target_branch_scope: protected }
        """;

    /// <summary>A server bundle: admins may list graphs.</summary>
    public const string ServerPolicy = """
        version: 1
        groups: { admins: [act-ragnor] }
        rules:
          - id: admins-list
            allow: { actors: { group: admins }, actions: [graph_list] }
        """;

    public static PolicyBundle Parse(string text) => PolicyBundleReader.Parse(text, "policy.yaml");

    public static PolicyEvaluator Evaluator(string text = PolicyP) => new(Parse(text));
}
