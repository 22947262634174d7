namespace OmniGraph.Storage.Azure.Tests.Support;

/// <summary>Sets an environment variable for a scope, then restores it. Tests that use it belong to <see cref="EnvironmentCollection"/>.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}

/// <summary>
/// The test classes that read or set <c>AZURE_STORAGE_CONNECTION_STRING</c>: one collection, so xunit runs them one
/// after another instead of in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EnvironmentCollection
{
    public const string Name = "AZURE_STORAGE_CONNECTION_STRING";
}
