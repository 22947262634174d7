namespace OmniGraph.TestWorker.Handshake;

/// <summary>
/// Files as signals between a test and its worker processes: one side creates an empty file, the other waits for it.
/// Both sides of every handshake use these, so a name or a wait rule is defined once.
/// </summary>
public static class SignalFiles
{
    /// <summary>How long a wait may last before it is a hang (a guard for a test that died, not a speed limit).</summary>
    public static TimeSpan HangGuard { get; } = TimeSpan.FromSeconds(120);

    /// <summary>The file worker <paramref name="worker"/> creates once it stands paused at <paramref name="step"/> (a failpoint name).</summary>
    public static string Paused(string directory, string worker, string step) => Path.Combine(directory, $"{worker}.{step}.paused");

    /// <summary>The file the test creates to let worker <paramref name="worker"/> go on from <paramref name="step"/>.</summary>
    public static string Release(string directory, string worker, string step) => Path.Combine(directory, $"{worker}.{step}.release");

    /// <summary>Creates the signal <paramref name="path"/> (and its directory).</summary>
    public static void Raise(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (File.Create(path))
        {
        }
    }

    /// <summary>Waits until <paramref name="path"/> exists, or <paramref name="giveUp"/> says the wait is pointless.</summary>
    /// <returns><c>true</c> when the file appeared, <c>false</c> when <paramref name="giveUp"/> returned <c>true</c> first.</returns>
    /// <exception cref="TimeoutException">Neither happened within <see cref="HangGuard"/>.</exception>
    public static async Task<bool> WaitAsync(string path, Func<bool>? giveUp = null, CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(HangGuard);
        try
        {
            while (!File.Exists(path))
            {
                if (giveUp?.Invoke() == true)
                {
                    return File.Exists(path);
                }

                await Task.Delay(5, guard.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"signal '{path}' did not appear within {HangGuard.TotalSeconds} s");
        }
    }
}
