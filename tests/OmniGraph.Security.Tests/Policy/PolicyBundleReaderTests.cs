using OmniGraph.Security.Tests.Support;

namespace OmniGraph.Security.Tests.Policy;

/// <summary>The bundle reader: policy P reads back exactly; every kind of bad input gets its code and position.</summary>
public sealed class PolicyBundleReaderTests
{
    [Fact]
    public void PolicyP_ReadsGroupsProtectedBranchesAndRules()
    {
        var bundle = PolicyFixtures.Parse(PolicyFixtures.PolicyP);

        Assert.Equal(1, bundle.Version);
        Assert.Equal(["admins", "team"], bundle.Groups.Keys);
        Assert.Equal(["act-andrew", "act-bruno", "act-ragnor"], bundle.Groups["team"]);
        Assert.Equal(["act-andrew", "act-bruno", "act-ragnor"], bundle.Actors);
        Assert.Equal(["main"], bundle.ProtectedBranches);
        Assert.Equal(["team-read", "admins-export", "team-change", "admins-merge"], bundle.Rules.Select(static r => r.Id));
        var merge = bundle.Rules[3];
        Assert.Equal("admins", merge.Group);
        Assert.Equal([PolicyAction.BranchDelete, PolicyAction.BranchMerge], merge.Actions);
        Assert.Null(merge.BranchScope);
        Assert.Equal(BranchScope.Protected, merge.TargetBranchScope);
        Assert.Equal(BranchScope.Unprotected, bundle.Rules[2].BranchScope);
        Assert.Equal(new YamlPosition(7, 5), bundle.Rules[0].Position);
        Assert.Equal(PolicyBundleKind.Graph, bundle.Kind);
    }

    [Fact]
    public void ServerBundle_IsOfServerKind_AndBindingChecksTheKind()
    {
        var server = PolicyFixtures.Parse(PolicyFixtures.ServerPolicy);
        Assert.Equal(PolicyBundleKind.Server, server.Kind);
        server.RequireKind(PolicyBundleKind.Server, "cluster");

        var wrong = Assert.Throws<OmniGraphException>(() => server.RequireKind(PolicyBundleKind.Graph, "graph g"));
        Assert.Equal(ErrorCodes.PolicyBindingMismatch, wrong.Code);
        var graph = Assert.Throws<OmniGraphException>(() => PolicyFixtures.Parse(PolicyFixtures.PolicyP).RequireKind(PolicyBundleKind.Server, "cluster"));
        Assert.Equal(ErrorCodes.PolicyBindingMismatch, graph.Code);
    }

    [Fact]
    public void NoProtectedBranches_AndNoRules_AreAccepted()
    {
        var bundle = PolicyFixtures.Parse("version: 1\ngroups: { team: [a] }\nrules: []\n");

        Assert.Empty(bundle.ProtectedBranches);
        Assert.Empty(bundle.Rules);
    }

    public static TheoryData<string, string, int, int, string> BadBundles => new()
    {
        // text, code, line, column, a substring of the message
        { "", ErrorCodes.PolicySyntaxError, 0, 0, "empty" },
        { "version: 1\ngroups: {team: [a]\nrules: []\n", ErrorCodes.PolicySyntaxError, 2, 18, "never closed" },
        { "version: 1\ngroups: {team: [a]}\nrules: []\n---\nversion: 1\n", ErrorCodes.PolicySyntaxError, 4, 1, "more than one YAML document" },
        { "version: 1\ngroups: &g {team: [a]}\nrules: []\n", ErrorCodes.PolicySyntaxError, 2, 9, "anchors" },
        { "version: !!int 1\ngroups: {team: [a]}\nrules: []\n", ErrorCodes.PolicySyntaxError, 1, 10, "explicit tags" },
        { "- version\n", ErrorCodes.PolicyInvalidValue, 1, 1, "must be a mapping" },
        { "version: 1\ngroups: {team: [a]}\nrules: []\nextra: true\n", ErrorCodes.PolicyUnknownField, 4, 1, "unknown field 'extra'" },
        { "version: 1\nversion: 1\ngroups: {team: [a]}\nrules: []\n", ErrorCodes.PolicyDuplicateField, 2, 1, "'version' is given twice (first at line 1, column 1)" },
        { "groups: {team: [a]}\nrules: []\n", ErrorCodes.PolicyMissingField, 1, 1, "has no 'version'" },
        { "version: 1\nrules: []\n", ErrorCodes.PolicyMissingField, 1, 1, "has no 'groups'" },
        { "version: 2\ngroups: {team: [a]}\nrules: []\n", ErrorCodes.PolicyUnsupportedVersion, 1, 10, "version 2 is not supported" },
        { "version: one\ngroups: {team: [a]}\nrules: []\n", ErrorCodes.PolicyInvalidValue, 1, 10, "must be an integer" },
        { "version: 1\ngroups: {team: []}\nrules: []\n", ErrorCodes.PolicyInvalidValue, 2, 16, "must not be empty" },
        { "version: 1\ngroups: {team: [a, '  ']}\nrules: []\n", ErrorCodes.PolicyInvalidValue, 2, 20, "'groups.team[1]' must not be blank" },
        { "version: 1\ngroups: {team: [a, a]}\nrules: []\n", ErrorCodes.PolicyInvalidValue, 2, 20, "repeats 'a'" },
        { "version: 1\ngroups: {team: a}\nrules: []\n", ErrorCodes.PolicyInvalidValue, 2, 16, "must be a list" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [read]}\n  - id: r\n    allow: {actors: {group: team}, actions: [read]}\n", ErrorCodes.PolicyDuplicateId, 6, 9, "rule id 'r' is used twice" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: ' '\n    allow: {actors: {group: team}, actions: [read]}\n", ErrorCodes.PolicyInvalidValue, 4, 9, "'rules[0].id' must not be blank" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n", ErrorCodes.PolicyMissingField, 4, 5, "'rules[0]' has no 'allow'" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: ops}, actions: [read]}\n", ErrorCodes.PolicyUnknownGroup, 5, 29, "group 'ops'" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {user: a}, actions: [read]}\n", ErrorCodes.PolicyUnknownField, 5, 22, "unknown field 'user' in 'rules[0].allow.actors'" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [mutate]}\n", ErrorCodes.PolicyUnknownAction, 5, 46, "unknown action 'mutate'" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: []}\n", ErrorCodes.PolicyInvalidValue, 5, 45, "must not be empty" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [read], branch_scope: some}\n", ErrorCodes.PolicyInvalidScope, 5, 67, "expected any, protected or unprotected" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [read], branch_scope: any, target_branch_scope: any}\n", ErrorCodes.PolicyInvalidScope, 5, 72, "both branch_scope and target_branch_scope" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [read, branch_merge], branch_scope: any}\n", ErrorCodes.PolicyInvalidScope, 5, 67, "not to branch_merge" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [change], target_branch_scope: protected}\n", ErrorCodes.PolicyInvalidScope, 5, 55, "not to change" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [invoke_query], branch_scope: any}\n", ErrorCodes.PolicyInvalidScope, 5, 61, "not to invoke_query" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [promote], branch_scope: protected}\n", ErrorCodes.PolicyInvalidScope, 5, 56, "not to promote" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [admin], target_branch_scope: any}\n", ErrorCodes.PolicyInvalidScope, 5, 54, "not to admin" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [graph_list, read]}\n", ErrorCodes.PolicyMixedKinds, 5, 45, "mixes graph_list" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [graph_list]}\n  - id: s\n    allow: {actors: {group: team}, actions: [read]}\n", ErrorCodes.PolicyMixedKinds, 4, 5, "a bundle holds one kind" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: [read], owner: me}\n", ErrorCodes.PolicyUnknownField, 5, 53, "unknown field 'owner'" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: {group: team}, actions: read}\n", ErrorCodes.PolicyInvalidValue, 5, 45, "must be a list" },
        { "version: 1\ngroups: {team: [a]}\nrules:\n  - id: r\n    allow: {actors: *x, actions: [read]}\n", ErrorCodes.PolicySyntaxError, 5, 21, "aliases" },
        { "version: 1\ngroups: {team: [a]}\nrules: {}\n", ErrorCodes.PolicyInvalidValue, 3, 8, "must be a list" },
        { "version: 1\ngroups: {[a]: [b]}\nrules: []\n", ErrorCodes.PolicySyntaxError, 2, 10, "a key must be a name" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public void BadBundle_IsRefusedWithCodeAndPosition(string text, string code, int line, int column, string message)
    {
        var error = Assert.Throws<OmniGraphException>(() => PolicyBundleReader.Parse(text, "p.yaml"));

        Assert.Equal(code, error.Code);
        Assert.Equal((line, column), (error.Get(ErrorDetail.Line), error.Get(ErrorDetail.Column)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("p.yaml: ", error.Message, StringComparison.Ordinal);
        Assert.True(ErrorCatalog.Contains(code), code);
    }
}
