namespace OmniGraph.Cli.Tests.Support;

/// <summary>
/// The base of a test class whose every test starts from its own workspace holding the example graph, initialised and
/// loaded (xUnit makes one instance per test), and deleted afterwards.
/// </summary>
public abstract class LoadedWorkspaceTests : IAsyncLifetime
{
    /// <summary>The test's workspace.</summary>
    internal CliWorkspace Workspace { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync() => Workspace.InitAndLoadAsync();

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Workspace.Dispose();
        return Task.CompletedTask;
    }
}
