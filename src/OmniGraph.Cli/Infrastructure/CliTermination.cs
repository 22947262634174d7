using System.Runtime.InteropServices;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// How a running command learns that it must stop: SIGINT (Ctrl-C) and SIGTERM cancel its token, which every grain call
/// and every long loop of the engine honours (a query stops mid-traversal, a load mid-file; a write stops only before its
/// commit point, so it publishes nothing). The command then reports <c>error[cancelled]</c> and exits with 130 (SIGINT)
/// or 143 (SIGTERM), the shell convention of 128 + the signal number.
/// </summary>
/// <remarks>
/// <para>A command stops within milliseconds. If it has not ended <see cref="GracePeriod"/> after the first signal
/// (something it waits on cannot be interrupted, such as opening a named pipe nobody writes to), or when a second signal
/// arrives, the process ends at once with the same exit code: like <c>kill -9</c> at that moment, which the commit
/// protocol survives (the next open heals).</para>
/// <para>In-process callers (tests, hosts embedding the CLI) use <see cref="FromToken"/>: no signal handler is installed
/// and their own token is the only way to cancel (exit code 130).</para>
/// </remarks>
internal sealed class CliTermination : IDisposable
{
    /// <summary>How long a command may take to stop after the first signal before the process is ended, by default.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The environment variable that sets the grace period in seconds (1 to 3600) for every command but <c>serve</c>, which
    /// sizes its own from its drain time: for machines where stopping can take longer than the default (a starved CPU).
    /// </summary>
    public const string GraceVariable = "OMNIGRAPH_STOP_GRACE_SECONDS";

    /// <summary>
    /// A repeat of the signal this soon after the first is the same request delivered twice (<c>timeout(1)</c> signals
    /// both the command and its process group), not a second Ctrl-C.
    /// </summary>
    private static readonly TimeSpan s_duplicateWindow = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter? _error;
    private readonly Lock _gate = new();
    private Timer? _deadline;
    private long _firstSignalAt;
    private int _signal;
    private bool _disposed;

    private CliTermination(CancellationToken outer, TextWriter? error, bool listen)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _error = error;
        _registrations = listen
            ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)]
            : [];
    }

    /// <summary>
    /// How long the running command may take to stop after the first signal (<see cref="DefaultGracePeriod"/> unless a
    /// command that stops gracefully by design, such as <c>serve</c> draining its requests, sets a longer one).
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = DefaultGracePeriod;

    /// <summary>The token of the running command.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The first signal received (<c>null</c> when none: not cancelled, or cancelled by the caller's token).</summary>
    public PosixSignal? Signal => Volatile.Read(ref _signal) switch
    {
        0 => null,
        var raw => (PosixSignal)raw,
    };

    /// <summary>Whether the command has been asked to stop.</summary>
    public bool IsRequested => _source.IsCancellationRequested;

    /// <summary>The exit code of a command stopped this way: 143 after SIGTERM, 130 otherwise (SIGINT, or the caller's token).</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? CliExitCodes.Terminated : CliExitCodes.Interrupted;

    /// <summary>The message of <c>error[cancelled]</c>.</summary>
    public string Message => $"{Cause}: the command stopped before it finished; nothing was written (a write stops only before its commit point)";

    private string Cause => Signal switch
    {
        PosixSignal.SIGINT => "interrupted (SIGINT)",
        PosixSignal.SIGTERM => "terminated (SIGTERM)",
        _ => "cancelled",
    };

    /// <summary>The grace period <see cref="GraceVariable"/> sets, or <c>null</c> when it is unset.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: The value is not a whole number of seconds from 1 to 3600.</exception>
    public static TimeSpan? GracePeriodFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(GraceVariable);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw CliErrors.Usage($"{GraceVariable} must be a whole number of seconds from 1 to 3600 (got '{value}')");
    }

    /// <summary>The process entry point's termination: SIGINT and SIGTERM cancel the command.</summary>
    /// <param name="error">Standard error, for the line printed when the process must be ended.</param>
    /// <param name="cancellationToken">A further way to cancel.</param>
    public static CliTermination ListenForSignals(TextWriter error, CancellationToken cancellationToken) => new(cancellationToken, error, listen: true);

    /// <summary>Cancellation by the caller's token only (in-process runs).</summary>
    public static CliTermination FromToken(CancellationToken cancellationToken) => new(cancellationToken, error: null, listen: false);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _deadline?.Dispose();
        }

        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The default action would kill the process at once; the command stops by itself instead.
        context.Cancel = true;
        bool repeated;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            repeated = Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0;
            if (repeated && System.Diagnostics.Stopwatch.GetElapsedTime(_firstSignalAt) < s_duplicateWindow)
            {
                return;
            }

            if (!repeated)
            {
                _firstSignalAt = System.Diagnostics.Stopwatch.GetTimestamp();
                _deadline = new Timer(_ => EndNow($"{Cause}: the command did not stop within {GracePeriod.TotalSeconds:0} s; the process ends now"), null, GracePeriod, Timeout.InfiniteTimeSpan);
            }
        }

        if (repeated)
        {
            EndNow($"{Cause}: a second signal; the process ends now");
            return;
        }

        // Cancel off the signal thread: the token's callbacks must not run (or block) on it.
        _ = _source.CancelAsync();
    }

    private void EndNow(string reason)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            _error?.WriteLine($"error[cancelled]: {reason} (the graph stays consistent: an interrupted write is healed when the graph is next opened)");
            _error?.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Standard error is gone; the exit code still says what happened.
        }

        Environment.Exit(ExitCode);
    }
}
