using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Mutations.Hosting;

/// <summary>Settings of mutation execution (<c>silo.AddOmniGraphMutations(o => …)</c>).</summary>
/// <remarks>
/// There is deliberately no small per-write entity cap (the reference implementation refuses keyed writes of more than
/// 8,192 entities per table): a mutation's pending rows are bounded by memory only, unless
/// <see cref="MaxRowsPerTable"/> is set.
/// </remarks>
public sealed class OmniGraphMutationOptions
{
    /// <summary>Default of <see cref="LookupBatchSize"/>.</summary>
    public const int DefaultLookupBatchSize = 8192;

    /// <summary>Largest allowed <see cref="LookupBatchSize"/>.</summary>
    public const int MaxLookupBatchSize = 1 << 20;

    /// <summary>
    /// The most rows one mutation may write or delete in one table (a guard for shared servers); a larger change fails
    /// with <c>resource_limit</c> (<c>mutation rows for node:Person</c>) before anything is staged. 0 (the default): no limit.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxRowsPerTable { get; set; }

    /// <summary>How many ids one table-grain call carries when an update fetches the rows it matched or a delete expands incident edges (1–1,048,576).</summary>
    [Range(1, MaxLookupBatchSize)]
    public int LookupBatchSize { get; set; } = DefaultLookupBatchSize;
}
