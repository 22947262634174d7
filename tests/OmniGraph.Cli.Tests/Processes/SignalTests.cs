using System.Text;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Processes;

/// <summary>
/// Ctrl-C and SIGTERM stop a running command: a real <c>omnigraph</c> child process, deep in a query that would take many
/// seconds or in a load of an input that never ends, is sent the signal; it stops by itself (not by the forced exit after
/// the grace period), prints <c>error[cancelled]</c> and no result, exits with 130 (SIGINT) or 143 (SIGTERM), and the
/// graph is exactly as before. The moment to signal is found by budgets (CPU time used, bytes fed), never by sleeping a
/// guessed time; the exit is awaited with a generous bound, far above the second a stop takes.
/// </summary>
/// <remarks>
/// The tests of a cooperative stop give the child a grace period of <see cref="CooperativeGraceSeconds"/>
/// (<c>OMNIGRAPH_STOP_GRACE_SECONDS</c>) instead of the default 2 s: what they prove is that the command notices the
/// signal and stops by itself, not how fast a starved machine gets through the stop (on a 2-core machine at load 30 the
/// tear-down alone took more than 2 s). A command that ignored the signal is still ended by the forced exit, with the
/// message these tests refuse. That the reading itself stops at once is counted, not timed, by
/// <c>CancelledLoadTests.CancelledWhileReadingAFullPipe_ReadsNoFurther</c>.
/// </remarks>
public sealed class SignalTests : IDisposable
{
    private const int CooperativeGraceSeconds = 30;

    private static readonly TimeSpan s_exitBound = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> s_cooperativeGrace = new() { ["OMNIGRAPH_STOP_GRACE_SECONDS"] = $"{CooperativeGraceSeconds}" };

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("INT", 130, "interrupted (SIGINT)")]
    [InlineData("TERM", 143, "terminated (SIGTERM)")]
    public async Task LongQuery_StopsOnTheSignal(string signal, int exitCode, string cause)
    {
        await CliRun.OkAsync("init", "--schema", _workspace.SchemaFile, _workspace.Graph);

        // 5,000 people with 12 random edges each: every breadth-first search of knows{1,5} reaches nearly all of them, so
        // the count visits about 5,000 × 60,000 edges — about 20 s of work here, and its answer is never printed.
        var data = _workspace.Write("reach.jsonl", RandomGraph(people: 5_000, edgesEach: 12));
        await CliRun.OkAsync("load", _workspace.Graph, "--data", data, "--mode", "overwrite", "--quiet");
        var before = await GraphState.CaptureAsync(_workspace.Graph);
        const string reach = "query reach() { match { $p: Person  $p knows{1,5} $f } return { count($f) as n } }";

        using var child = CliProcess.Start(s_cooperativeGrace, "query", "-e", reach, "--store", _workspace.Graph);
        await WaitForAsync(() => child.ProcessorTime >= TimeSpan.FromSeconds(2) || child.HasExited, "the query to be well under way");
        Assert.False(child.HasExited, "the query ended before it could be interrupted");
        await child.SignalAsync(signal);
        var result = await child.WaitAsync(s_exitBound);

        AssertStopped(result, exitCode, cause);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));
    }

    [Fact]
    public async Task LoadOfAnEndlessInput_StopsOnSigterm_AndPublishesNothing()
    {
        await _workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(_workspace.Graph);
        var fifo = Path.Combine(_workspace.Root, "endless.jsonl");
        await CliProcess.RunToolAsync("mkfifo", fifo);

        using var child = CliProcess.Start(s_cooperativeGrace, "load", _workspace.Graph, "--data", fifo, "--mode", "append", "--quiet");
        using var feeding = new CancellationTokenSource();
        var fed = 0L;
        var feeder = Task.Run(() => Feed(fifo, bytes => Interlocked.Exchange(ref fed, bytes), feeding.Token));

        // 16 MiB in: the load has parsed and staged several chunks by now, and would go on for ever.
        await WaitForAsync(() => Interlocked.Read(ref fed) >= 16L * 1024 * 1024 || child.HasExited, "the load to take in 16 MiB");
        Assert.False(child.HasExited, "the load ended on an endless input");
        await child.SignalAsync("TERM");
        var result = await child.WaitAsync(s_exitBound);
        await StopFeedingAsync(feeder, feeding, fifo);

        AssertStopped(result, 143, "terminated (SIGTERM)");
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));
    }

    /// <summary>
    /// A command that cannot notice the signal — here a load blocked opening a named pipe nobody writes to — is ended
    /// after the grace period (2 s, or what <c>OMNIGRAPH_STOP_GRACE_SECONDS</c> says) with the signal's exit code, saying
    /// so; the graph is unchanged.
    /// </summary>
    [Theory]
    [InlineData(null, 2)]
    [InlineData("3", 3)]
    public async Task StuckCommand_IsEndedAfterTheGracePeriod(string? graceVariable, int graceSeconds)
    {
        await _workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(_workspace.Graph);
        var fifo = Path.Combine(_workspace.Root, "silent.jsonl");
        await CliProcess.RunToolAsync("mkfifo", fifo);
        var environment = graceVariable is null ? [] : new Dictionary<string, string> { ["OMNIGRAPH_STOP_GRACE_SECONDS"] = graceVariable };

        using var child = CliProcess.Start(environment, "load", _workspace.Graph, "--data", fifo, "--mode", "append", "--quiet");

        // The kernel names where a blocked thread waits: a FIFO open without a writer waits in wait_for_partner.
        await WaitForAsync(() => child.HasExited || child.IsWaitingIn("wait_for_partner"), "the load to block opening the pipe");
        Assert.False(child.HasExited, "the load ended without input");
        await child.SignalAsync("INT");
        var result = await child.WaitAsync(s_exitBound);

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.True(result.Error.Contains($"error[cancelled]: interrupted (SIGINT): the command did not stop within {graceSeconds} s; the process ends now", StringComparison.Ordinal), result.ToString());
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    [InlineData("3601")]
    public async Task AGraceVariableOutOfRange_IsAUsageError(string value)
    {
        await CliRun.OkAsync("init", "--schema", _workspace.SchemaFile, _workspace.Graph);
        using var child = CliProcess.Start(new Dictionary<string, string> { ["OMNIGRAPH_STOP_GRACE_SECONDS"] = value }, "branch", "list", _workspace.Graph);

        var result = await child.WaitAsync(s_exitBound);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error[usage]: OMNIGRAPH_STOP_GRACE_SECONDS must be a whole number of seconds from 1 to 3600 (got '{value}')", result.Error, StringComparison.Ordinal);
    }

    private static void AssertStopped(CliResult result, int exitCode, string cause)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains($"error[cancelled]: {cause}: the command stopped before it finished", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("did not stop within", result.Error, StringComparison.Ordinal);
    }

    /// <summary>People and Knows edges to random people (seeded, so every run loads the same graph).</summary>
    private static string RandomGraph(int people, int edgesEach)
    {
        var random = new Random(20261206);
        var text = new StringBuilder();
        for (var i = 0; i < people; i++)
        {
            text.Append("{\"type\":\"Person\",\"data\":{\"name\":\"r").Append(i).Append("\"}}\n");
        }

        for (var i = 0; i < people; i++)
        {
            for (var e = 0; e < edgesEach; e++)
            {
                text.Append("{\"edge\":\"Knows\",\"from\":\"r").Append(i).Append("\",\"to\":\"r").Append(random.Next(people)).Append("\"}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes valid Person records into the pipe until the reader goes away or the test is done.</summary>
    private static void Feed(string fifo, Action<long> progress, CancellationToken cancellationToken)
    {
        try
        {
            using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            var block = new StringBuilder();
            long written = 0;
            for (var i = 0L; !cancellationToken.IsCancellationRequested; i++)
            {
                block.Clear();
                for (var j = 0; j < 1_000; j++)
                {
                    block.Append("{\"type\":\"Person\",\"data\":{\"name\":\"endless").Append(i * 1_000 + j).Append("\",\"age\":7}}\n");
                }

                var bytes = Encoding.UTF8.GetBytes(block.ToString());
                pipe.Write(bytes);
                written += bytes.Length;
                progress(written);
            }
        }
        catch (IOException)
        {
            // The reader stopped (the pipe broke): the feeding is over.
        }
    }

    /// <summary>Ends the feeder: it stops at its next block, or when the pipe breaks; a feeder still blocked opening the pipe (the reader never came) is released by opening the other end.</summary>
    private static async Task StopFeedingAsync(Task feeder, CancellationTokenSource feeding, string fifo)
    {
        await feeding.CancelAsync();
        if (await Task.WhenAny(feeder, Task.Delay(TimeSpan.FromSeconds(5))) != feeder)
        {
            using var drain = new FileStream(fifo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            var buffer = new byte[64 * 1024];
            while (!feeder.IsCompleted && drain.Read(buffer) > 0)
            {
            }
        }

        await feeder;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1_200; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"gave up waiting for {what}");
    }
}
