using System.Diagnostics;
using System.Globalization;
using OmniGraph.Cli.Commands;

namespace OmniGraph.Cli.Serving;

/// <summary>
/// <c>omnigraph serve</c> as a child process: this build of the CLI (<c>omnigraph.dll</c>, run by <c>dotnet</c>) on
/// loopback with a free port, ready once it has printed its listen line (<c>OMNIGRAPH_LISTEN_ADDR=ip:port</c>, the
/// contract of <c>serve</c>). What the server benchmark (<c>omnigraph bench --server</c>) runs its workload against, and
/// what process tests start; a project that references the CLI gets <c>omnigraph.dll</c> beside its own assemblies.
/// </summary>
/// <example><code>
/// await using var server = await ServeProcess.StartAsync("/data/graphs", extra: "--unauthenticated");
/// using var http = new HttpClient { BaseAddress = server.BaseAddress };
/// </code></example>
public sealed class ServeProcess : IAsyncDisposable, IDisposable
{
    /// <summary>How long a graceful stop may take before the process is killed.</summary>
    private static readonly TimeSpan s_stopBound = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly Task<string> _error;

    private ServeProcess(Process process, string listenLine)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
        BaseAddress = new Uri($"http://{listenLine[ServeCommand.ListenLinePrefix.Length..]}/");
    }

    /// <summary>The server's URL, from its listen line.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Starts <c>omnigraph serve --store <paramref name="root"/> --bind 127.0.0.1:0 <paramref name="extra"/>…</c> and waits
    /// (up to two minutes) for its listen line.
    /// </summary>
    /// <param name="root">The store root whose graphs it serves.</param>
    /// <param name="environment">Variables added to this process's environment (tokens, limits, the storage account).</param>
    /// <param name="extra">Further arguments (<c>--unauthenticated</c>, <c>--clustering azure</c>, …).</param>
    /// <exception cref="InvalidOperationException">The server could not be started or printed something else first (its standard error is in the message).</exception>
    /// <exception cref="TimeoutException">No listen line within the time (the process is killed).</exception>
    public static Task<ServeProcess> StartAsync(string root, IReadOnlyDictionary<string, string>? environment = null, params string[] extra) =>
        StartAsync(root, environment, extra, TimeSpan.FromMinutes(2), CancellationToken.None);

    /// <summary>Starts the server as <see cref="StartAsync(string, IReadOnlyDictionary{string, string}?, string[])"/> does, waiting up to <paramref name="startTimeout"/>.</summary>
    /// <exception cref="InvalidOperationException">The server could not be started or printed something else first.</exception>
    /// <exception cref="TimeoutException">No listen line within <paramref name="startTimeout"/> (the process is killed).</exception>
    public static async Task<ServeProcess> StartAsync(string root, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> extra, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(extra);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[typeof(ServeProcess).Assembly.Location, "serve", "--store", root, "--bind", "127.0.0.1:0", .. extra])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start omnigraph serve");
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(startTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        if (line is null || !line.StartsWith(ServeCommand.ListenLinePrefix, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
            process.Dispose();
            throw new InvalidOperationException($"omnigraph serve printed '{line}' instead of its listen line; stderr: {error}");
        }

        return new ServeProcess(process, line);
    }

    /// <summary>The server's resident set now, in MB (<c>VmRSS</c> of <c>/proc/PID/status</c>).</summary>
    /// <exception cref="InvalidOperationException">The status file has no <c>VmRSS</c> line (the process has ended).</exception>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return Math.Round(kilobytes / 1024.0, 1);
            }
        }

        throw new InvalidOperationException($"no VmRSS in /proc/{_process.Id}/status");
    }

    /// <summary>
    /// Sends SIGTERM (or <paramref name="signal"/>: <c>INT</c> is Ctrl-C) and waits (up to a minute) for the graceful
    /// stop; returns the exit code, the rest of standard output and standard error.
    /// </summary>
    /// <param name="signal">The signal's name without <c>SIG</c>: <c>TERM</c> or <c>INT</c>.</param>
    /// <exception cref="TimeoutException">It did not stop within the minute (it is then killed).</exception>
    public async Task<(int ExitCode, string Out, string Error)> TerminateAsync(string signal = "TERM")
    {
        using (var term = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(s_stopBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        return (_process.ExitCode, await _process.StandardOutput.ReadToEndAsync().ConfigureAwait(false), await _error.ConfigureAwait(false));
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server gracefully (SIGTERM; killed when it takes over a minute) and discards its output.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await TerminateAsync().ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Killed: nothing more to wait for.
            }
        }

        Dispose();
    }

    /// <summary>Kills the process if it still runs (a test's tear-down: no graceful stop).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
