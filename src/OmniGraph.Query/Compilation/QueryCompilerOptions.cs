using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Query;

/// <summary>Settings of a <see cref="QueryCompiler"/>.</summary>
public sealed class QueryCompilerOptions
{
    /// <summary>Default of <see cref="CacheCapacity"/>.</summary>
    public const int DefaultCacheCapacity = 1024;

    /// <summary>Default of <see cref="MaxNestingDepth"/>.</summary>
    public const int DefaultMaxNestingDepth = 32;

    /// <summary>Default of <see cref="MaxSourceLength"/> (1 Mi characters).</summary>
    public const int DefaultMaxSourceLength = 1 << 20;

    /// <summary>Largest allowed <see cref="MaxNestingDepth"/>: deeper recursion could exhaust a thread's stack.</summary>
    public const int MaxAllowedNestingDepth = 256;

    /// <summary>
    /// How many compiled queries (and, separately, parsed sources) are kept, least recently used first out.
    /// 0 disables caching.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int CacheCapacity { get; set; } = DefaultCacheCapacity;

    /// <summary>Deepest nesting of <c>not { … }</c> blocks and function calls the parser accepts (1–256).</summary>
    [Range(1, MaxAllowedNestingDepth)]
    public int MaxNestingDepth { get; set; } = DefaultMaxNestingDepth;

    /// <summary>Longest query source accepted, in UTF-16 code units.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSourceLength { get; set; } = DefaultMaxSourceLength;
}
