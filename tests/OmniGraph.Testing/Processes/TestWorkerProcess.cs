using System.Diagnostics;

namespace OmniGraph.Testing.Processes;

/// <summary>
/// Runs OmniGraph.TestWorker as a child process (<c>dotnet OmniGraph.TestWorker.dll verb --option value ...</c>).
/// A test project that starts workers references the worker project, so its build output sits beside the tests.
/// </summary>
public sealed class TestWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private TestWorkerProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Path of the worker assembly next to the test assembly.</summary>
    public static string WorkerAssemblyPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "OmniGraph.TestWorker.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("OmniGraph.TestWorker.dll is not beside the tests; is the project reference missing?", path);
        }
    }

    /// <summary>Starts a worker running <paramref name="verb"/> with <paramref name="options"/> as <c>--name value</c> pairs.</summary>
    public static TestWorkerProcess Start(string verb, IEnumerable<KeyValuePair<string, string>> options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerAssemblyPath);
        start.ArgumentList.Add(verb);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }

        return new TestWorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the test worker"));
    }

    /// <summary>Whether the worker has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the worker to exit; kills it (and only it) if it overruns <paramref name="timeout"/>.</summary>
    public async Task<WorkerOutcome> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"test worker {_process.Id} did not finish within {timeout}; stderr: {await _error}");
        }

        return new WorkerOutcome(_process.ExitCode, await _output, await _error);
    }

    /// <summary>Kills the worker with SIGKILL wherever it stands (a crash: no cleanup runs) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

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

    /// <summary>How a worker ended.</summary>
    public sealed record WorkerOutcome(int ExitCode, string StandardOutput, string StandardError);
}
