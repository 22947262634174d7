using Orleans.Runtime;

namespace Orleans.InProcess;

/// <summary>
/// A type used as a grain interface breaks a grain interface rule (what the Orleans code generator would reject at
/// build time): it must be an interface deriving from a key-kind interface, with only non-generic methods returning
/// <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/>, <see cref="ValueTask{TResult}"/> or
/// <see cref="IAsyncEnumerable{T}"/>, and no by-reference parameters.
/// </summary>
public sealed class UnsupportedGrainInterfaceException : OrleansException
{
    /// <summary>Creates the exception.</summary>
    public UnsupportedGrainInterfaceException(Type interfaceType, string reason)
        : base($"{interfaceType.FullName} cannot be used as a grain interface: {reason}.")
    {
        InterfaceType = interfaceType;
    }

    /// <summary>The offending type.</summary>
    public Type InterfaceType { get; }
}
