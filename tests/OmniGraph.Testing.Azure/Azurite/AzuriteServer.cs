using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;

namespace OmniGraph.Testing.Azure;

/// <summary>
/// One Azurite process (blob, queue and table services) on 127.0.0.1 with ports the operating system picked, data in
/// memory only, started with <c>--skipApiVersionCheck --loose</c> so the current SDK's service version is accepted.
/// <para>
/// It never outlives its tests: <see cref="DisposeAsync"/> stops it, a process-exit hook stops any still running, and
/// the preloaded host script exits Azurite as soon as this process's end closes its stdin (even after a kill -9).
/// </para>
/// Use <see cref="GetSharedAsync"/> for the process-wide server that most tests share (one container per test),
/// <see cref="StartAsync"/> for one of a test class's own (a controllable clock).
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (documented by Azure; it guards nothing).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/>.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly ConcurrentDictionary<AzuriteServer, byte> s_running = new();
    private static readonly Lazy<Task<AzuriteServer>> s_shared = new(() => StartAsync(new AzuriteServerOptions()));

    private readonly Process _process;
    private readonly string _workingDirectory;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _clockAcks = new(StringComparer.Ordinal);
    private readonly Lock _outputGate = new();
    private readonly Queue<string> _recentOutput = new();
    private readonly TaskCompletionSource<(int Blob, int Queue, int Table)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _controllableClock;
    private int _blobPort;
    private int _queuePort;
    private int _tablePort;
    private int _clockRequests;
    private int _disposed;

    static AzuriteServer()
    {
        AppDomain.CurrentDomain.ProcessExit += static (_, _) =>
        {
            foreach (var server in s_running.Keys)
            {
                server.Kill();
            }
        };
    }

    private AzuriteServer(Process process, string workingDirectory, bool controllableClock)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        _controllableClock = controllableClock;
    }

    /// <summary>The blob endpoint, <c>http://127.0.0.1:port/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint => new($"http://127.0.0.1:{_blobPort}/{AccountName}");

    /// <summary>The queue endpoint.</summary>
    public Uri QueueEndpoint => new($"http://127.0.0.1:{_queuePort}/{AccountName}");

    /// <summary>The table endpoint.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{_tablePort}/{AccountName}");

    /// <summary>A connection string for all three services, as <c>AZURE_STORAGE_CONNECTION_STRING</c> would hold it.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>The node process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended (always, once disposed: disposing waits for the exit).</summary>
    public bool HasExited => Volatile.Read(ref _disposed) == 1 || _process.HasExited;

    /// <summary>The last lines Azurite printed, for diagnostics.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_outputGate)
            {
                return string.Join('\n', _recentOutput);
            }
        }
    }

    /// <summary>The process-wide server, started on first use and stopped when the process exits.</summary>
    public static Task<AzuriteServer> GetSharedAsync() => s_shared.Value;

    /// <summary>Installs Azurite if needed, starts a server and waits until its blob service answers.</summary>
    /// <exception cref="InvalidOperationException">node or npm is missing, the install failed, or Azurite did not start (its output is in the message).</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteServerOptions();
        var installation = await AzuriteInstaller.EnsureInstalledAsync().ConfigureAwait(false);
        var workingDirectory = Path.Combine(Path.GetTempPath(), $"og-azurite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo(NodeTools.Find("node"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--require", installation.HostScript, installation.EntryScript,
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--inMemoryPersistence", "--extentMemoryLimit", options.MemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMNIGRAPH_AZURITE_CLOCK"] = options.ControllableClock ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node for Azurite");
        var server = new AzuriteServer(process, workingDirectory, options.ControllableClock);
        s_running[server] = 0;
        try
        {
            server.StartReadingOutput();
            await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Moves the emulator's clock ahead by <paramref name="by"/> (lease expiry, last-modified times); requests sent
    /// after this returns see the new time. Only for a server started with <see cref="AzuriteServerOptions.ControllableClock"/>.
    /// </summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        if (!_controllableClock)
        {
            throw new InvalidOperationException("this Azurite server was started without a controllable clock (AzuriteServerOptions.ControllableClock)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var id = Interlocked.Increment(ref _clockRequests).ToString(CultureInfo.InvariantCulture);
        var acknowledged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _clockAcks[id] = acknowledged;
        await _process.StandardInput.WriteLineAsync($"clock-advance {(long)by.TotalMilliseconds} {id}").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <summary>Stops Azurite: closes its lifeline, then kills it if it has not exited within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        s_running.TryRemove(this, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _process.Dispose();
            TryDeleteWorkingDirectory();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private void TryDeleteWorkingDirectory()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var exited = _process.WaitForExitAsync(deadline.Token);
            if (await Task.WhenAny(_listening.Task, exited).ConfigureAwait(false) != _listening.Task)
            {
                await exited.ConfigureAwait(false);
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it listened:\n{RecentOutput}");
            }

            (_blobPort, _queuePort, _tablePort) = await _listening.Task.ConfigureAwait(false);

            // Listening is not yet answering: ask the blob service something until it does.
            var client = new BlobServiceClient(ConnectionString);
            while (true)
            {
                try
                {
                    await client.GetPropertiesAsync(deadline.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is global::Azure.RequestFailedException or HttpRequestException or IOException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Azurite did not start answering within {timeout}:\n{RecentOutput}");
        }
    }
}
