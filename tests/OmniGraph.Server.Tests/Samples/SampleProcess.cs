using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OmniGraph.Server.Tests.Samples;

/// <summary>A sample program (built beside the tests) as a child process, its standard output read line by line.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private SampleProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>dotnet SAMPLE.dll args…</c>.</summary>
    public static SampleProcess Start(string sample, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, $"{sample}.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return new SampleProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {sample}"));
    }

    /// <summary>The standard output lines until one starts with <paramref name="prefix"/>; that line is the last one.</summary>
    public async Task<List<string>> ReadUntilAsync(string prefix, TimeSpan timeout)
    {
        var lines = new List<string>();
        using var deadline = new CancellationTokenSource(timeout);
        while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return lines;
            }
        }

        throw new InvalidOperationException($"the sample ended without a line starting '{prefix}'; output: {string.Join('\n', lines)}; stderr: {await _error}");
    }

    /// <summary>Waits for the exit; returns the exit code, the rest of standard output and standard error.</summary>
    public async Task<(int ExitCode, string Out, string Error)> WaitAsync(TimeSpan timeout)
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return (_process.ExitCode, await output, await _error);
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
