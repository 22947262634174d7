using Microsoft.Extensions.Logging;
using OmniGraph.Grains.Hosting;

namespace OmniGraph.Server.Security;

/// <summary>
/// Records the front-end's decisions on writes in the graph's audit log (docs/security.md "Who appends, and when"),
/// with no commit, so each decision is its own entry: every denial, and the allowed branch operations that publish no
/// commit (branch create and delete). Allowed writes that publish a commit are recorded by the engine with that commit.
/// </summary>
internal sealed class DecisionAudit(IGraphDirectory graphs, AuditLogFactory auditLogs, ILogger<DecisionAudit> logger)
{
    /// <summary>Appends a denial; a failure is logged, never turned into an allow (the caller throws the denial next).</summary>
    public async Task RecordDenialAsync(AccessDecision decision, string graphId, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(decision, graphId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ServerLog.DenialNotAudited(logger, exception, graphId, decision.Request.Action.Name());
        }
    }

    /// <summary>
    /// Appends the allowing decision of a branch operation <b>before</b> the operation runs: an entry is durable before
    /// its effect, so a crash can leave a decision whose operation never ran (still a true record of the decision), never
    /// an operation without its entry. A failure fails the request before the operation: an audited graph does not make
    /// changes it cannot record.
    /// </summary>
    /// <exception cref="OmniGraphException">The append failed (the log's own codes, or the store's).</exception>
    public Task RecordAllowedAsync(AccessDecision decision, string graphId, CancellationToken cancellationToken) =>
        AppendAsync(decision, graphId, cancellationToken);

    private async Task AppendAsync(AccessDecision decision, string graphId, CancellationToken cancellationToken)
    {
        var store = await graphs.GetStoreAsync(graphId, cancellationToken).ConfigureAwait(false);
        await auditLogs.Create(store).AppendAsync(AuditRecord.FromDecision(decision, graphId), cancellationToken).ConfigureAwait(false);
    }
}
