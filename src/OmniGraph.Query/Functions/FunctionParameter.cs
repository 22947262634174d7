namespace OmniGraph.Query.Functions;

/// <summary>One parameter of a function: its name (for messages and docs), what it accepts, and whether it may be left out.</summary>
/// <param name="Name">The name docs and messages use.</param>
/// <param name="Accepts">The kinds of value it takes.</param>
/// <param name="IsOptional">Whether a call may leave it out (only trailing parameters are optional).</param>
public sealed record FunctionParameter(string Name, ValueKinds Accepts, bool IsOptional = false)
{
    /// <inheritdoc />
    public override string ToString() => IsOptional ? $"{Name}?: {Accepts.Describe()}" : $"{Name}: {Accepts.Describe()}";
}
