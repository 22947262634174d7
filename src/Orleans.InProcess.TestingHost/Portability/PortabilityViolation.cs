namespace Orleans.TestingHost;

/// <summary>Which grain-interface rule a <see cref="PortabilityViolation"/> breaks.</summary>
public enum PortabilityRule
{
    /// <summary>A method does not return <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    ReturnType,

    /// <summary>A method has more than one <see cref="CancellationToken"/> parameter, or one that is not last.</summary>
    CancellationToken,

    /// <summary>A parameter is passed by reference (<c>ref</c>, <c>out</c>, <c>in</c>) or is a pointer.</summary>
    ByReferenceParameter,

    /// <summary>A method is generic.</summary>
    GenericMethod,

    /// <summary>
    /// A parameter or result type is neither a primitive or known-immutable framework type, nor <c>[GenerateSerializer]</c>,
    /// nor <c>[Immutable]</c>, nor an immutable record of such types.
    /// </summary>
    NotSerializable,
}

/// <summary>One way a grain interface would not port to real Orleans (or would be unsafe with pass-by-reference in process).</summary>
/// <param name="Interface">The grain interface.</param>
/// <param name="Method">The method, as <c>Name(ParameterTypes)</c>.</param>
/// <param name="Location">Where in the signature: <c>return</c>, or <c>parameter 'name'</c>, followed by the path to the offending type.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="OffendingType">The type that breaks it, when the rule is about a type.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record PortabilityViolation(Type Interface, string Method, string Location, PortabilityRule Rule, Type? OffendingType, string Reason)
{
    public override string ToString() => $"{Interface.FullName}.{Method} [{Location}] {Rule}: {Reason}";
}
