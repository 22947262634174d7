using System.Diagnostics;
using System.Globalization;

namespace OmniGraph.Cli.Tests.Support;

/// <summary>The real <c>omnigraph</c> as a child process (the build output next to the tests).</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>omnigraph args…</c>.</summary>
    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>omnigraph args…</c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Started through env(1) with SIGINT and SIGTERM at their default disposition: a process that starts with SIGINT
        // ignored keeps ignoring it (the POSIX convention for background jobs, which .NET follows), and a test runner's
        // ancestors (build nodes, nohup, a shell's background job) may have left it ignored. env then execs the host, so
        // the process id is the command's.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add(Host());
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "omnigraph.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start omnigraph"));
    }

    /// <summary>Runs <c>omnigraph args…</c> to its end.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>omnigraph args…</c> to its end with <paramref name="environment"/> added to this process's environment.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return await process.WaitAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>Waits for the process to end.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return new CliResult(_process.ExitCode, await _out, await _error);
    }

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The CPU time the process has used so far (how far it got: start-up alone uses well under a second).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>
    /// Whether one of the process's own threads sleeps in the kernel function <paramref name="kernelFunction"/> (Linux
    /// <c>/proc/PID/task/*/wchan</c>). The runtime's own service threads (named <c>.NET …</c>: the debugger pipe, the
    /// signal handler) are left out; thread-pool workers count.
    /// </summary>
    public bool IsWaitingIn(string kernelFunction)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{_process.Id}/task").Any(task =>
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var serviceThread = name.StartsWith(".NET ", StringComparison.Ordinal) && !name.StartsWith(".NET TP Worker", StringComparison.Ordinal);
                return !serviceThread && File.ReadAllText(Path.Combine(task, "wchan")) == kernelFunction;
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>INT</c>, <c>TERM</c>) with <c>kill(1)</c>, as a terminal or a service manager would.</summary>
    public Task SignalAsync(string signal) => RunToolAsync("kill", $"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Runs a system tool (<c>kill</c>, <c>mkfifo</c>) and requires it to succeed.</summary>
    public static async Task RunToolAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: exit {process.ExitCode}: {error}");
    }

    /// <summary>SIGKILL: the process dies at once, without running any of its code.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own just before.
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The <c>dotnet</c> host that runs the tests (so the child uses the same runtime).</summary>
    private static string Host()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
