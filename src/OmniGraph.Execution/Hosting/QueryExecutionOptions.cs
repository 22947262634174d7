using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Execution.Hosting;

/// <summary>Settings of read-query execution (<c>silo.AddOmniGraphExecution(o =&gt; …)</c>).</summary>
public sealed class QueryExecutionOptions
{
    /// <summary>Default of <see cref="PlanCacheCapacity"/>.</summary>
    public const int DefaultPlanCacheCapacity = 1024;

    /// <summary>Default of <see cref="MaxIntermediateRows"/> (ten million).</summary>
    public const long DefaultMaxIntermediateRows = 10_000_000;

    /// <summary>How many physical plans are kept (per compiled query; least recently used out). 0 disables caching.</summary>
    [Range(0, int.MaxValue)]
    public int PlanCacheCapacity { get; set; } = DefaultPlanCacheCapacity;

    /// <summary>
    /// The most rows a query may hold between operators (a cross join or a fan-out beyond it fails with
    /// <c>resource_limit</c> instead of exhausting memory).
    /// </summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxIntermediateRows { get; set; } = DefaultMaxIntermediateRows;
}
