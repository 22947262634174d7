using System.Reflection;

namespace Orleans.InProcess;

/// <summary>
/// Settings of the in-process runtime itself (no Orleans equivalent; configuration that only the stand-in reads).
/// Configure with <c>siloBuilder.Services.Configure&lt;InProcessRuntimeOptions&gt;(...)</c> or
/// <see cref="InProcessSiloBuilderExtensions.ConfigureInProcessRuntime"/>.
/// </summary>
public sealed class InProcessRuntimeOptions
{
    /// <summary>Default <see cref="MaxInlineCallDepth"/>.</summary>
    public const int DefaultMaxInlineCallDepth = 4;

    /// <summary>Default <see cref="TurnBatchSize"/>.</summary>
    public const int DefaultTurnBatchSize = 64;

    /// <summary>
    /// How many calls to idle grains may run their first turn inline on the calling thread, nested (a grain calling
    /// a grain calling a grain...). 0 disables inline execution: every call is queued to the thread pool.
    /// </summary>
    public int MaxInlineCallDepth { get; set; } = DefaultMaxInlineCallDepth;

    /// <summary>How many queued turns one activation runs before yielding its thread to others.</summary>
    public int TurnBatchSize { get; set; } = DefaultTurnBatchSize;

    /// <summary>Whether grain classes are discovered in loaded assemblies (and those reachable from the entry assembly).</summary>
    public bool ScanLoadedAssemblies { get; set; } = true;

    /// <summary>Assemblies whose grain classes are registered whether or not they are found by scanning.</summary>
    public List<Assembly> GrainAssemblies { get; } = [];
}
