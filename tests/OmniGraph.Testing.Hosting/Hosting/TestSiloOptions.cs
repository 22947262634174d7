using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// What a test cluster runs beside the engine, shaped like <see cref="EmbeddedGraphOptions"/>: engine settings, and a silo
/// hook where each test project registers the features it tests (loads, query execution, mutations), so this library
/// needs no reference to them; plus the cluster's shape and the stores the test holds.
/// </summary>
public sealed class TestSiloOptions
{
    /// <summary>Engine settings (write attempts, graphs to serve, ...), applied on every silo.</summary>
    public Action<OmniGraphOptions>? ConfigureEngine { get; set; }

    /// <summary>Runs after the engine is registered on every silo, e.g. <c>silo =&gt; silo.AddOmniGraphLoading()</c>.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>The silos' clock, or <c>null</c> for the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>How many silos, and where grains go. Default: <see cref="ClusterShape.Current"/> (one silo unless the test class is shaped).</summary>
    public ClusterShape Shape { get; set; } = ClusterShape.Current;

    /// <summary>Store instances the silos open for these locations (the test keeps the instance to read and damage what they write).</summary>
    public Dictionary<string, IObjectStore> Stores { get; } = new(StringComparer.Ordinal);

    /// <summary>The failpoints of the cluster: one registry shared by every silo (made by the cluster when not given).</summary>
    public FailpointRegistry? Failpoints { get; set; }
}
