namespace Orleans.InProcess.Persistence;

/// <summary>A persistent state that must be read before its activation's <c>OnActivateAsync</c>.</summary>
internal interface IActivationStateReader
{
    /// <summary>Reads the state from its storage provider.</summary>
    Task ReadOnActivationAsync(CancellationToken cancellationToken);
}
