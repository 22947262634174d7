using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Security;

/// <summary>Settings of <see cref="AuditLog"/>.</summary>
public sealed class AuditLogOptions
{
    /// <summary>
    /// How many times one append may lose the compare-and-swap on its sequence number before it gives up with
    /// <c>audit_append_contended</c> (default 1,000). A lost race means another append succeeded, so the log always
    /// progresses; the budget only bounds one caller's wait under extreme contention.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxAppendAttempts { get; set; } = 1000;

    /// <summary>How many times the tail record's compare-and-swap is retried after an append (default 8); it is a hint, so giving up is harmless.</summary>
    [Range(1, 1000)]
    public int MaxTailUpdateAttempts { get; set; } = 8;
}
