using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>Creates the <see cref="AuditLog"/> of a graph's store with the registered options, clock and logging.</summary>
public sealed class AuditLogFactory(IOptions<AuditLogOptions> options, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>The audit log of the graph whose root is <paramref name="graphStore"/>.</summary>
    public AuditLog Create(IObjectStore graphStore) => new(graphStore, options.Value, time, logger);
}
