using System.Runtime.CompilerServices;

namespace Orleans.InProcess.Scheduling;

/// <summary>
/// The fast path for calls: when the target activation is idle and may admit the request, the caller's thread
/// runs the request's first turn itself (as the activation's owner, on the activation's scheduler) instead of
/// queueing it to the thread pool. A grain method that completes synchronously then completes the call with no
/// thread hop and no extra allocation; one that awaits continues on the activation's scheduler as usual.
/// </summary>
/// <remarks>
/// Semantics are unchanged: the turn still runs alone on its activation with the activation's scheduler current,
/// under a clean execution context. Nesting (a grain calling another idle grain inline from its own turn) is
/// bounded by <see cref="InProcessRuntimeOptions.MaxInlineCallDepth"/> and by the remaining stack.
/// </remarks>
internal static class InlineExecution
{
    [ThreadStatic]
    private static int s_depth;

    /// <summary>An execution context with no AsyncLocal values, captured on a thread that inherited nothing.</summary>
    internal static ExecutionContext CleanContext { get; } = CaptureCleanContext();

    /// <summary>How many inline turns are nested on this thread.</summary>
    internal static int Depth
    {
        get => s_depth;
        set => s_depth = value;
    }

    /// <summary>Whether a call made now on this thread may run its first turn inline.</summary>
    internal static bool IsAllowed(int maxDepth)
        => s_depth < maxDepth
            && !ExecutionContext.IsFlowSuppressed()
            && RuntimeHelpers.TryEnsureSufficientExecutionStack();

    private static ExecutionContext CaptureCleanContext()
    {
        ExecutionContext? captured = null;

        // UnsafeStart does not flow the creating thread's context, so the new thread starts with the default one.
        var thread = new Thread(() => captured = ExecutionContext.Capture()) { IsBackground = true, Name = "Orleans.InProcess context capture" };
        thread.UnsafeStart();
        thread.Join();
        return captured!;
    }
}
