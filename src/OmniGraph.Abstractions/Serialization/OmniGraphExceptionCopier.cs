using Orleans.Serialization.Cloning;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// Errors are immutable (code, message and details are fixed at construction), so a grain call within a silo hands the
/// caller the same error object: the copier of every <see cref="OmniGraphException"/> type passes it through.
/// </summary>
[RegisterCopier]
public sealed class OmniGraphExceptionCopier : ShallowCopier<OmniGraphException>, ISpecializableCopier
{
    /// <inheritdoc />
    public bool IsSupportedType(Type type) => typeof(OmniGraphException).IsAssignableFrom(type);

    /// <inheritdoc />
    public IDeepCopier GetSpecializedCopier(Type type) => this;
}
