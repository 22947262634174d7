namespace OmniGraph.Testing.Azure;

/// <summary>
/// A lock file held exclusively across processes (.NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>
/// on Unix, and a sharing lock on Windows), released when disposed or when its process dies.
/// </summary>
internal static class CacheLock
{
    public static async Task<IDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process is installing; wait for it.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
