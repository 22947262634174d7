namespace OmniGraph.Testing.IO;

/// <summary>A fresh, empty directory under the system temp folder, deleted with everything in it when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>{temp}/omnigraph-tests-{guid}</c>.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"omnigraph-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Deletes the directory; one already gone, or still held for a moment, is left to the OS temp cleaner.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A silo or child process killed by a test may still hold a file for a moment (DirectoryNotFoundException,
            // for a test that removed the directory itself, is an IOException too).
        }
    }
}
