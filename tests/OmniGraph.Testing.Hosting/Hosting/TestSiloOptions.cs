using OmniGraph.Grains.Hosting;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// What a test silo runs beside the engine, shaped like <see cref="EmbeddedGraphOptions"/>: engine settings, and a silo
/// hook where each test project registers the features it tests (loads, query execution, mutations), so this library
/// needs no reference to them.
/// </summary>
public sealed class TestSiloOptions
{
    /// <summary>Engine settings (write attempts, graphs to serve, ...).</summary>
    public Action<OmniGraphOptions>? ConfigureEngine { get; set; }

    /// <summary>Runs after the engine is registered, e.g. <c>silo =&gt; silo.AddOmniGraphLoading()</c>.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>The silo's clock, or <c>null</c> for the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
