namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>A file path in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _directory;

    public TempFile(string name)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "omnigraph-arrow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, name);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory does not affect results.
        }
    }
}
