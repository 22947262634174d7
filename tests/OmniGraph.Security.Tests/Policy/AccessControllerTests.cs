using OmniGraph.Security.Tests.Support;

namespace OmniGraph.Security.Tests.Policy;

/// <summary>The runtime modes of operations.md §3.2 applied per request (§3.5), and the engine's re-check.</summary>
public sealed class AccessControllerTests
{
    private static readonly Dictionary<string, PolicyEvaluator> s_none = [];

    [Fact]
    public void OpenMode_AllowsPerGraphActions_ButNotGraphList()
    {
        var controller = new AccessController(ServerAuthMode.Open, null, s_none);

        foreach (var action in PolicyActions.All.Where(static a => !a.IsServerScoped()))
        {
            var decision = controller.Decide(new AccessRequest(null, action, "g", "main"));
            Assert.True(decision.Allowed, action.Name());
            Assert.Equal(AccessBasis.Open, decision.Basis);
        }

        var list = controller.Decide(new AccessRequest(null, PolicyAction.GraphList, null));
        Assert.False(list.Allowed);
        Assert.Equal(AccessBasis.ServerScopeClosed, list.Basis);
    }

    [Fact]
    public void DefaultDeny_AllowsAnAuthenticatedRead_AndDeniesTheRest()
    {
        var controller = new AccessController(ServerAuthMode.DefaultDeny, null, s_none);

        Assert.Equal(AccessBasis.DefaultDenyRead, controller.Decide(new AccessRequest("default", PolicyAction.Read, "g", "main")).Basis);
        foreach (var action in PolicyActions.All.Where(static a => a != PolicyAction.Read))
        {
            var decision = controller.Decide(new AccessRequest("default", action, "g", "main"));
            Assert.False(decision.Allowed, action.Name());
            Assert.Contains(action.IsServerScoped() ? "graph_list" : "default-deny", decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PolicyMode_UsesTheGraphsBundle_AndDefaultDenyForAGraphWithout()
    {
        var controller = new AccessController(
            ServerAuthMode.PolicyEnabled,
            PolicyFixtures.Evaluator(PolicyFixtures.ServerPolicy),
            new Dictionary<string, PolicyEvaluator> { ["g"] = PolicyFixtures.Evaluator() });

        Assert.Equal("team-change", controller.Decide(new AccessRequest("act-bruno", PolicyAction.Change, "g", "feature")).RuleId);
        Assert.False(controller.Decide(new AccessRequest("act-bruno", PolicyAction.Change, "g", "main")).Allowed);
        var other = controller.Decide(new AccessRequest("act-bruno", PolicyAction.Change, "other", "feature"));
        Assert.Equal(AccessBasis.DefaultDeny, other.Basis);
        Assert.Equal(AccessBasis.DefaultDenyRead, controller.Decide(new AccessRequest("act-bruno", PolicyAction.Read, "other")).Basis);
        Assert.Equal("admins-list", controller.Decide(new AccessRequest("act-ragnor", PolicyAction.GraphList, null)).RuleId);
        Assert.False(controller.Decide(new AccessRequest("act-bruno", PolicyAction.GraphList, null)).Allowed);
    }

    [Fact]
    public void Construction_RefusesAModeThatDoesNotMatchTheBundles_AndBundlesOfTheWrongKind()
    {
        Assert.Throws<ArgumentException>(() => new AccessController(ServerAuthMode.PolicyEnabled, null, s_none));
        Assert.Throws<ArgumentException>(() => new AccessController(ServerAuthMode.Open, PolicyFixtures.Evaluator(PolicyFixtures.ServerPolicy), s_none));
        var wrong = Assert.Throws<OmniGraphException>(() => new AccessController(ServerAuthMode.PolicyEnabled, PolicyFixtures.Evaluator(), s_none));
        Assert.Equal(ErrorCodes.PolicyBindingMismatch, wrong.Code);
        var wrongGraph = Assert.Throws<OmniGraphException>(() => new AccessController(
            ServerAuthMode.PolicyEnabled, null, new Dictionary<string, PolicyEvaluator> { ["g"] = PolicyFixtures.Evaluator(PolicyFixtures.ServerPolicy) }));
        Assert.Equal(ErrorCodes.PolicyBindingMismatch, wrongGraph.Code);
    }

    [Fact]
    public void EngineRecheck_IsANoOpWithoutPolicy_AndFailsClosedWithoutActor()
    {
        var request = new AccessRequest(null, PolicyAction.Change, "g", "feature");

        Assert.Equal(AccessBasis.NoPolicy, AccessController.DecideInEngine(null, request).Basis);
        var closed = AccessController.DecideInEngine(PolicyFixtures.Evaluator(), request);
        Assert.False(closed.Allowed);
        Assert.Equal(AccessBasis.NoActor, closed.Basis);
        Assert.True(AccessController.DecideInEngine(PolicyFixtures.Evaluator(), request with { Actor = "act-bruno" }).Allowed);
    }
}
