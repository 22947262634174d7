namespace OmniGraph.Benchmarks.Support;

/// <summary>A directory for one graph under the temporary folder, removed afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string purpose = "check")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"og-{purpose}-{Guid.NewGuid():N}");
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
