using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniGraph.Server.Endpoints;

namespace OmniGraph.Server.Security;

/// <summary>
/// The access decision of one request (operations.md §3.5): the route's action (<see cref="RouteAccess"/>), the
/// authenticated actor, the graph and the branch fields the route names. A handler calls it after resolving the graph
/// and reading what names the branch, and before admission and the engine. A denied write is recorded in the graph's
/// audit log; every denial is <c>forbidden</c> (403) with the decision's message.
/// </summary>
internal static class RequestAuthorization
{
    /// <summary>Decides the request; returns the allowing decision.</summary>
    /// <exception cref="OmniGraphException">Code <c>forbidden</c>: denied.</exception>
    public static async Task<AccessDecision> AuthorizeAsync(this HttpContext context, string? graphId, string? branch = null, string? targetBranch = null)
    {
        var action = context.GetEndpoint()?.Metadata.GetMetadata<RouteAccess>()?.Action
            ?? throw new InvalidOperationException($"{context.Request.Path} authorizes without a declared action (RequiresAccess)");
        return await context.AuthorizeAsync(action, graphId, branch, targetBranch).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides the request on <paramref name="action"/>, for a service whose one endpoint serves several actions (the
    /// Flight service: a read, a load); returns the allowing decision.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>forbidden</c>: denied.</exception>
    public static async Task<AccessDecision> AuthorizeAsync(this HttpContext context, PolicyAction action, string? graphId, string? branch = null, string? targetBranch = null)
    {
        var services = context.RequestServices;
        var decision = services.GetRequiredService<ServerAccess>().Controller.Decide(new AccessRequest(context.Actor(), action, graphId, branch, targetBranch));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestAuthorization));
        if (decision.Allowed)
        {
            ServerLog.AccessAllowed(logger, decision.Request.Actor, action.Name(), graphId, branch, targetBranch, decision.RuleId, decision.Basis);
            return decision;
        }

        ServerLog.AccessDenied(logger, decision.Request.Actor, action.Name(), graphId, branch, targetBranch, decision.Basis, decision.Message);
        if (action.IsWrite() && graphId is not null)
        {
            await services.GetRequiredService<DecisionAudit>().RecordDenialAsync(decision, graphId, context.RequestAborted).ConfigureAwait(false);
        }

        throw SecurityErrors.AccessDenied(decision);
    }
}
