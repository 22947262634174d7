using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Proxies;

/// <summary>The generated proxy of one grain interface.</summary>
internal sealed class GrainProxyType
{
    internal GrainProxyType(Type interfaceType, Func<GrainBinding, GrainId, GrainReference> factory)
    {
        InterfaceType = interfaceType;
        Factory = factory;
    }

    /// <summary>The grain interface.</summary>
    internal Type InterfaceType { get; }

    /// <summary>Creates a proxy instance.</summary>
    internal Func<GrainBinding, GrainId, GrainReference> Factory { get; }
}
