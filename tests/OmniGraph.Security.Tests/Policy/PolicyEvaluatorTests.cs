using OmniGraph.Security.Tests.Support;

namespace OmniGraph.Security.Tests.Policy;

/// <summary>The Cedar model of operations.md §3.4, as a decision table over policy P.</summary>
public sealed class PolicyEvaluatorTests
{
    private readonly PolicyEvaluator _policy = PolicyFixtures.Evaluator();

    public static TheoryData<string, PolicyAction, string?, string?, string?> Table => new()
    {
        // actor, action, branch, target branch, expected matched rule (null = deny)
        { "act-bruno", PolicyAction.Read, "main", null, "team-read" },
        { "act-bruno", PolicyAction.Read, null, null, "team-read" },               // branch_scope any holds without a branch
        { "act-bruno", PolicyAction.Export, "main", null, null },                  // only admins export
        { "act-ragnor", PolicyAction.Export, "main", null, "admins-export" },
        { "act-bruno", PolicyAction.Change, "main", null, null },                  // main is protected
        { "act-bruno", PolicyAction.Change, "feature", null, "team-change" },
        { "act-bruno", PolicyAction.Change, null, null, null },                    // unprotected needs a branch
        { "act-ragnor", PolicyAction.BranchMerge, "feature", "main", "admins-merge" },
        { "act-ragnor", PolicyAction.BranchMerge, "main", "feature", null },       // the target scope reads the target
        { "act-ragnor", PolicyAction.BranchDelete, null, "main", "admins-merge" },
        { "act-bruno", PolicyAction.BranchMerge, "feature", "main", null },
        { "act-ragnor", PolicyAction.BranchCreate, "main", "feature", null },      // no rule grants it: default deny
        { "act-ragnor", PolicyAction.SchemaApply, null, "main", null },
        { "act-ragnor", PolicyAction.InvokeQuery, null, null, null },
        { "act-ragnor", PolicyAction.Admin, null, null, null },
        { "act-ragnor", PolicyAction.GraphList, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decision_FollowsTheCedarModel(string actor, PolicyAction action, string? branch, string? target, string? rule)
    {
        var decision = _policy.Evaluate(new AccessRequest(actor, action, "g", branch, target));

        Assert.Equal(rule is not null, decision.Allowed);
        Assert.Equal(rule, decision.RuleId);
        Assert.Equal(rule is null ? AccessBasis.PolicyNoPermit : AccessBasis.PolicyPermit, decision.Basis);
        Assert.Equal(rule is null ? null : $"{rule}:{action.Name()}", decision.PolicyId);
        Assert.Equal(rule is null, decision.Message is not null);
    }

    [Fact]
    public void DenyMessage_NamesActionBranchTargetAndActor()
    {
        Assert.Equal(
            "policy denied action 'change' on branch 'main' for actor 'act-bruno'",
            _policy.Evaluate(new AccessRequest("act-bruno", PolicyAction.Change, "g", "main")).Message);
        Assert.Equal(
            "policy denied action 'branch_merge' on branch 'feature' targeting branch 'main' for actor 'act-bruno'",
            _policy.Evaluate(new AccessRequest("act-bruno", PolicyAction.BranchMerge, "g", "feature", "main")).Message);
        Assert.Equal(
            "policy denied action 'branch_delete' targeting branch 'x' for actor 'act-ragnor'",
            _policy.Evaluate(new AccessRequest("act-ragnor", PolicyAction.BranchDelete, "g", null, "x")).Message);
    }

    [Fact]
    public void Promote_IsDecidedOnTheTargetBranch_WithTargetBranchScope()
    {
        var bundle = PolicyBundleReader.Parse(
            """
            version: 1
            groups: { team: [dev, admin], admins: [admin] }
            protected_branches: [main]
            rules:
              - id: admins-promote
                allow: { actors: { group: admins }, actions: [promote], target_branch_scope: protected }
            """,
            "p.yaml");
        var policy = new PolicyEvaluator(bundle);

        Assert.True(policy.Evaluate(new AccessRequest("admin", PolicyAction.Promote, "g", "shadow/x", "main")).Allowed);
        Assert.False(policy.Evaluate(new AccessRequest("admin", PolicyAction.Promote, "g", "main", "shadow/x")).Allowed);
        Assert.Equal(
            "policy denied action 'promote' on branch 'shadow/x' targeting branch 'main' for actor 'dev'",
            policy.Evaluate(new AccessRequest("dev", PolicyAction.Promote, "g", "shadow/x", "main")).Message);
        Assert.True(PolicyAction.Promote.IsWrite());
        Assert.Equal(PolicyAction.Promote, PolicyActions.Parse("promote", "cli"));
    }

    [Fact]
    public void UnknownActor_IsDeniedWithTheUnknownActorMessage()
    {
        var decision = _policy.Evaluate(new AccessRequest("act-mallory", PolicyAction.Read, "g", "main"));

        Assert.False(decision.Allowed);
        Assert.Equal(AccessBasis.PolicyUnknownActor, decision.Basis);
        Assert.Equal("policy denied action 'read' for unknown actor 'act-mallory'", decision.Message);
    }

    [Fact]
    public void NoActor_FailsClosed()
    {
        var decision = _policy.Evaluate(new AccessRequest(null, PolicyAction.Read, "g", "main"));

        Assert.False(decision.Allowed);
        Assert.Equal(AccessBasis.NoActor, decision.Basis);
        Assert.StartsWith("policy denied action 'read' on branch 'main': no actor", decision.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<OmniGraphException>(() => decision.ThrowIfDenied()).Code);
    }

    [Fact]
    public void MatchedRule_IsTheOrdinallySmallestPermittingRule_WhateverTheFileOrder()
    {
        var policy = PolicyFixtures.Evaluator("""
            version: 1
            groups: { a: [x], b: [x] }
            rules:
              - id: zeta
                allow: { actors: { group: a }, actions: [read] }
              - id: Beta
                allow: { actors: { group: b }, actions: [read], branch_scope: unprotected }
              - id: alpha
                allow: { actors: { group: b }, actions: [read], branch_scope: protected }
            """);

        // Both zeta and Beta permit (ordinal: 'B' < 'a' < 'z'); alpha's condition fails.
        Assert.Equal("Beta", policy.Evaluate(new AccessRequest("x", PolicyAction.Read, "g", "dev")).RuleId);
        Assert.Equal("zeta", policy.Evaluate(new AccessRequest("x", PolicyAction.Read, "g", null)).RuleId);
    }

    [Fact]
    public void Explain_TracesEveryRule()
    {
        var explanation = _policy.Explain(new AccessRequest("act-bruno", PolicyAction.Change, "g", "main"));

        Assert.False(explanation.Decision.Allowed);
        Assert.Equal(["team"], explanation.ActorGroups);
        Assert.True(explanation.BranchIsProtected);
        Assert.Equal(["admins-export", "admins-merge", "team-change", "team-read"], explanation.Rules.Select(static r => r.RuleId));
        var change = explanation.Rules.Single(static r => r.RuleId == "team-change");
        Assert.True(change.ActorInGroup);
        Assert.True(change.GrantsAction);
        Assert.False(change.ConditionHolds);
        Assert.Equal("the branch is not protected", change.Condition);
        Assert.DoesNotContain(explanation.Rules, static r => r.Permits);
    }

    [Fact]
    public void ServerBundle_DecidesGraphList()
    {
        var server = PolicyFixtures.Evaluator(PolicyFixtures.ServerPolicy);

        Assert.Equal("admins-list", server.Evaluate(new AccessRequest("act-ragnor", PolicyAction.GraphList, null)).RuleId);
        Assert.False(server.Evaluate(new AccessRequest("act-ragnor", PolicyAction.Read, "g")).Allowed);
    }
}
