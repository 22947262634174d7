using OmniGraph.Engine;
using Orleans.TestingHost;

namespace OmniGraph.Loading.Tests.Portability;

/// <summary>
/// The loading grain interfaces pass Orleans' rules: task-shaped (or async-enumerable) returns, serializable or
/// immutable arguments and results (chunks of bytes travel as [Immutable] records).
/// </summary>
public sealed class LoadingGrainPortabilityTests
{
    [Theory]
    [InlineData(typeof(ILoadSessionGrain))]
    [InlineData(typeof(IGraphExportGrain))]
    public void LoadingGrainInterface_IsPortable(Type grainInterface)
    {
        Assert.True(GrainInterfacePortability.IsGrainInterface(grainInterface));

        var violations = GrainInterfacePortability.CheckInterface(grainInterface);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void LoadingAssembly_DeclaresNoOtherGrainInterface()
    {
        var interfaces = GrainInterfacePortability.FindGrainInterfaces([typeof(OmniGraph.Loading.Hosting.OmniGraphLoadingOptions).Assembly]);

        Assert.Empty(interfaces);
    }
}
