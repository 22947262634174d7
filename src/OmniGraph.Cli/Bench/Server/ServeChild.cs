using System.Diagnostics;
using System.Globalization;

namespace OmniGraph.Cli.Bench.Server;

/// <summary>
/// <c>omnigraph serve</c> as a child process of the server benchmark (the same build: this assembly, run by
/// <c>dotnet</c>), on loopback, open mode, with an admission wide enough for the benchmark's concurrent clients.
/// </summary>
internal sealed class ServeChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private ServeChild(Process process, Uri baseAddress)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
        BaseAddress = baseAddress;
    }

    /// <summary>The server's URL, from its listen line.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the server on <paramref name="root"/> and waits for its listen line.</summary>
    /// <exception cref="OmniGraphException">Code <c>bench_data</c>: the server did not start.</exception>
    public static async Task<ServeChild> StartAsync(string root, int maxClients, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[typeof(ServeChild).Assembly.Location, "serve", "--store", root, "--bind", "127.0.0.1:0", "--unauthenticated"])
        {
            start.ArgumentList.Add(arg);
        }

        // Open mode has no actors: every request is the same (anonymous) one, so its admission must hold them all.
        start.Environment[Commands.ServeCommand.InFlightVariable] = (maxClients * 2).ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw Infrastructure.CliErrors.BenchData("could not start omnigraph serve");
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
        if (line is null || !line.StartsWith("OMNIGRAPH_LISTEN_ADDR=", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw Infrastructure.CliErrors.BenchData($"omnigraph serve printed '{line}' instead of its listen line: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        return new ServeChild(process, new Uri($"http://{line["OMNIGRAPH_LISTEN_ADDR=".Length..]}/"));
    }

    /// <summary>The server's resident set now, in MB (<c>VmRSS</c> of <c>/proc/PID/status</c>).</summary>
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

        throw Infrastructure.CliErrors.BenchData($"no VmRSS in /proc/{_process.Id}/status");
    }

    /// <summary>Stops the server (SIGTERM, then a kill after a minute) and discards its output.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _ = await _error;
        _process.Dispose();
    }
}
