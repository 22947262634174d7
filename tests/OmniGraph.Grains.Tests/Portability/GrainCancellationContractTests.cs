using System.Reflection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Writes;
using OmniGraph.Testing.Serialization;

namespace OmniGraph.Grains.Tests.Portability;

/// <summary>
/// Cancellation flows through every grain call (Ctrl-C stops a command within a second): every method of the engine's
/// public grain interfaces takes a <see cref="CancellationToken"/> as its last parameter, except the few that must run
/// to their end once started. A new grain method without one fails here.
/// </summary>
public sealed class GrainCancellationContractTests
{
    /// <summary>Methods that deliberately take no token, and why.</summary>
    private static readonly Dictionary<string, string> s_runToTheEnd = new(StringComparer.Ordinal)
    {
        ["ITableBranchProtocol.AdvanceHeadAsync"] = "a step of the commit protocol past the sidecar: never cut halfway",
        ["ITableBranchProtocol.RollBackHeadAsync"] = "recovery and a writer undoing its own head moves",
        ["ITableBranchProtocol.AbortAsync"] = "frees a cancelled write's staging; must run after the cancellation",
        ["ITableBranchProtocol.GetHeadAsync"] = "one record read, used by the commit protocol and recovery",
        ["ITableBranchProtocol.RepairHeadAsync"] = "a verified repair step (omnigraph recovery repair --confirm): never cut halfway",
        ["ILoadSessionGrain.AbortAsync"] = "abandons a cancelled load; must run after the cancellation",
    };

    [Fact]
    public void EveryGrainMethod_TakesACancellationTokenLast_OrRunsToItsEndForAStatedReason()
    {
        var assemblies = new[] { typeof(IManifestGrain).Assembly, typeof(GraphWriteCoordinator).Assembly };
        var missing = new List<string>();
        var exempted = new List<string>();
        foreach (var grain in GrainInterfaces.Find(assemblies))
        {
            foreach (var method in grain.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = $"{grain.Name}.{method.Name}";
                var parameters = method.GetParameters();
                var takesToken = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken) && parameters[^1].HasDefaultValue;
                if (takesToken)
                {
                    Assert.False(s_runToTheEnd.ContainsKey(name), $"{name} takes a token now: drop its exemption");
                }
                else if (s_runToTheEnd.ContainsKey(name))
                {
                    exempted.Add(name);
                }
                else
                {
                    missing.Add(name);
                }
            }
        }

        Assert.True(missing.Count == 0, $"grain methods without a trailing `CancellationToken cancellationToken = default`: {string.Join(", ", missing)}");
        Assert.Equal(s_runToTheEnd.Keys.Order(StringComparer.Ordinal), exempted.Order(StringComparer.Ordinal));
    }
}
