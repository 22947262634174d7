namespace OmniGraph;

/// <summary>Marks a constant of <see cref="ErrorCodes"/> as an error code and gives its <see cref="ErrorKind"/>.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ErrorCodeAttribute(ErrorKind kind) : Attribute
{
    /// <summary>The kind of every error carrying the code.</summary>
    public ErrorKind Kind { get; } = kind;
}
