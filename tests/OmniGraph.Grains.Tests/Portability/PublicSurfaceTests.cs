using System.Reflection;
using OmniGraph.Abstractions;
using OmniGraph.Testing.Serialization;

namespace OmniGraph.Grains.Tests.Portability;

/// <summary>
/// Contracts by audience: a client sees the grains and wire types it may call, never the commit protocol between grains
/// (staging, head moves, write entries, commit submission). The protocol lives on the internal
/// <see cref="ITableBranchProtocol"/> and <see cref="IManifestProtocol"/>; a protocol method added to a public type, or a
/// protocol interface or wire type made public, fails here.
/// </summary>
public sealed class PublicSurfaceTests
{
    /// <summary>The engine's shipped assemblies: every <c>OmniGraph.*</c> library next to the tests, not the tests themselves.</summary>
    private static readonly Assembly[] s_engineAssemblies =
    [
        .. Directory.EnumerateFiles(AppContext.BaseDirectory, "OmniGraph.*.dll")
            .Select(static path => Path.GetFileNameWithoutExtension(path))
            .Where(static name => !name.Contains(".Tests", StringComparison.Ordinal) && !name.StartsWith("OmniGraph.Testing", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(static name => Assembly.Load(new AssemblyName(name))),
    ];

    private static readonly Type[] s_protocolInterfaces = [typeof(ITableBranchProtocol), typeof(IManifestProtocol)];

    private static readonly Type[] s_protocolWireTypes =
    [
        typeof(StagedTableVersion), typeof(TableDelta), typeof(TableHeadMove), typeof(TableHeadRecord), typeof(CommitRequest), typeof(TableCommitChange),
    ];

    [Fact]
    public void TheCommitProtocol_IsInternal()
    {
        Assert.All(s_protocolInterfaces.Concat(s_protocolWireTypes), static type => Assert.False(type.IsVisible, $"{type.Name} is public"));
    }

    [Fact]
    public void NoPublicType_ExposesAProtocolMethod()
    {
        var protocolMethods = s_protocolInterfaces
            .SelectMany(static type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(Signature)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(protocolMethods, static signature => signature.StartsWith("AdvanceHeadAsync(", StringComparison.Ordinal));
        Assert.Contains(protocolMethods, static signature => signature.StartsWith("SubmitCommitAsync(", StringComparison.Ordinal));

        var leaks = new List<string>();
        foreach (var type in s_engineAssemblies.SelectMany(static assembly => assembly.GetExportedTypes()))
        {
            // A public grain interface reaches its base interfaces' methods too (a client can call them through it).
            var methods = type.IsInterface
                ? type.GetInterfaces().Append(type).SelectMany(static face => face.GetMethods())
                : type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
            leaks.AddRange(methods.Where(method => protocolMethods.Contains(Signature(method))).Select(method => $"{type.FullName}.{method.Name}"));
        }

        Assert.True(leaks.Count == 0, $"public types expose the commit protocol: {string.Join(", ", leaks.Distinct())}");
    }

    /// <summary>Name and parameter types: a public method may share a protocol method's name (a load session's <c>AbortAsync()</c>).</summary>
    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(",", method.GetParameters().Select(static parameter => parameter.ParameterType.FullName))})";

    [Fact]
    public void EveryPublicGrainInterface_IsProtocolFree()
    {
        var publicGrains = GrainInterfaces.Find(s_engineAssemblies).Where(static type => type.IsVisible).ToList();
        Assert.Contains(typeof(ITableBranchGrain), publicGrains);
        Assert.Contains(typeof(IManifestGrain), publicGrains);
        Assert.All(publicGrains, static grain => Assert.DoesNotContain(grain, s_protocolInterfaces));
    }
}
