using System.Diagnostics;

namespace OmniGraph.Testing.Processes;

/// <summary>
/// <c>omnigraph serve</c> as a child process. A test project that starts one references the CLI project, so
/// <c>omnigraph.dll</c> sits beside the tests.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private ServeProcess(Process process, string listenLine)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
        BaseAddress = new Uri($"http://{listenLine["OMNIGRAPH_LISTEN_ADDR=".Length..]}/");
    }

    /// <summary>The server's URL, from its listen line.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>omnigraph serve --store root --bind 127.0.0.1:0 extra…</c> and waits for its listen line.</summary>
    public static async Task<ServeProcess> StartAsync(string root, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "omnigraph.dll"), "serve", "--store", root, "--bind", "127.0.0.1:0", .. extra])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start omnigraph serve");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (line is null || !line.StartsWith("OMNIGRAPH_LISTEN_ADDR=", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync();
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"omnigraph serve printed '{line}' instead of its listen line; stderr: {error}");
        }

        return new ServeProcess(process, line);
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code, the rest of standard output and standard error.</summary>
    public async Task<(int ExitCode, string Out, string Error)> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (_process.ExitCode, await _process.StandardOutput.ReadToEndAsync(), await _error);
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
