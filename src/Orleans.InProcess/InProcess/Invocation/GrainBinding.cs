using System.ComponentModel;
using Orleans.InProcess.Discovery;
using Orleans.Runtime;

namespace Orleans.InProcess.Invocation;

/// <summary>
/// What every reference of one grain interface to one grain class on one runtime shares: the runtime, the class
/// and the generated proxy. Infrastructure for generated proxies.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainBinding
{
    private readonly Func<GrainBinding, GrainId, GrainReference> _createProxy;

    internal GrainBinding(InProcessRuntime runtime, Type interfaceType, GrainClassInfo grainClass, Func<GrainBinding, GrainId, GrainReference> createProxy)
    {
        Runtime = runtime;
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        _createProxy = createProxy;
    }

    /// <summary>The grain interface the references implement.</summary>
    public Type InterfaceType { get; }

    internal InProcessRuntime Runtime { get; }

    internal GrainClassInfo GrainClass { get; }

    /// <summary>Creates a reference to the grain with key <paramref name="key"/> of this binding's class.</summary>
    internal GrainReference CreateReference(IdSpan key) => _createProxy(this, GrainId.Create(GrainClass.GrainType, key));

    /// <summary>Creates a reference to <paramref name="grainId"/>, which must be of this binding's class.</summary>
    internal GrainReference CreateReference(GrainId grainId) => _createProxy(this, grainId);
}
