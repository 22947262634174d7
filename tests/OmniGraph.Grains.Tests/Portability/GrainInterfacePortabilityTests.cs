using OmniGraph.Engine;
using OmniGraph.Grains.Writes;
using Orleans.TestingHost;

namespace OmniGraph.Grains.Tests.Portability;

/// <summary>
/// Every grain interface of the engine (the public ones in OmniGraph.Abstractions, the internal ones in OmniGraph.Grains,
/// and any declared by these tests) passes Orleans' rules: task-shaped returns, serializable or immutable arguments and
/// results. Columnar payloads cross by reference as [Immutable] records (see docs/design/storage-engine.md §4).
/// </summary>
public sealed class GrainInterfacePortabilityTests
{
    [Fact]
    public void EveryEngineGrainInterface_IsPortable()
    {
        var assemblies = new[] { typeof(IManifestGrain).Assembly, typeof(GraphWriteCoordinator).Assembly, typeof(GrainInterfacePortabilityTests).Assembly };
        var interfaces = GrainInterfacePortability.FindGrainInterfaces(assemblies);
        Assert.Contains(typeof(IManifestGrain), interfaces);
        Assert.Contains(typeof(ITableBranchGrain), interfaces);
        Assert.Contains(typeof(IGraphWriterGrain), interfaces);
        Assert.Contains(interfaces, static i => i.Name == "IManifestBranchControl");

        GrainInterfacePortability.AssertPortable(assemblies);
    }
}
