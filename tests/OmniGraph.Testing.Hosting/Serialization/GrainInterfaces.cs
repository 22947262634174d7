using System.Reflection;

namespace OmniGraph.Testing.Serialization;

/// <summary>The grain interfaces an assembly declares (public and internal), found by reflection.</summary>
public static class GrainInterfaces
{
    /// <summary>
    /// Every interface of <paramref name="assemblies"/> that derives from Orleans' <see cref="IAddressable"/> (so every
    /// grain interface), sorted by full name. The marker interfaces themselves are Orleans' and never declared here.
    /// </summary>
    public static IReadOnlyList<Type> Find(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return
        [
            .. assemblies
                .Distinct()
                .SelectMany(static assembly => assembly.GetTypes())
                .Where(static type => type.IsInterface && typeof(IAddressable).IsAssignableFrom(type) && !type.IsGenericTypeDefinition)
                .OrderBy(static type => type.FullName, StringComparer.Ordinal),
        ];
    }
}
