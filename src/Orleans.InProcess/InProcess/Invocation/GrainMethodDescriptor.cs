using System.ComponentModel;
using System.Reflection;

namespace Orleans.InProcess.Invocation;

/// <summary>
/// What the runtime knows about one grain interface method: its name and how its requests are admitted.
/// Created once per method when the proxy for its interface is generated. Infrastructure for generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainMethodDescriptor
{
    internal GrainMethodDescriptor(MethodInfo method, AdmissionKind admission, bool isOneWay)
    {
        Method = method;
        Admission = admission;
        IsOneWay = isOneWay;
        DisplayName = $"{method.DeclaringType?.Name}.{method.Name}";
    }

    /// <summary>The interface method.</summary>
    public MethodInfo Method { get; }

    /// <summary><c>Interface.Method</c>, for messages.</summary>
    public string DisplayName { get; }

    internal AdmissionKind Admission { get; }

    internal bool IsOneWay { get; }

    public override string ToString() => DisplayName;
}
