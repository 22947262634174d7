namespace Orleans.InProcess.Invocation;

/// <summary>
/// Publishes responses outside activation turns. Completing a caller's promise runs the caller's continuation
/// synchronously; inside a turn that continuation would run on the activation's scheduler (and capture it for its
/// own awaits), and on a thread that owns an activation it could stall or deadlock that activation. So:
/// <list type="bullet">
/// <item>on a thread draining an activation, responses are held until the drain has released the activation;</item>
/// <item>inside any other turn they go to the thread pool;</item>
/// <item>anywhere else (no custom scheduler current) they are published immediately.</item>
/// </list>
/// </summary>
internal static class ResponseDelivery
{
    [ThreadStatic]
    private static List<GrainRequest>? s_heldByDrain;

    // The list is reused by the next drain on this thread, so holding responses allocates nothing when warm.
    [ThreadStatic]
    private static List<GrainRequest>? s_spare;

    /// <summary>Publishes (now or later) the response of a request whose grain task has completed.</summary>
    internal static void Deliver(GrainRequest request)
    {
        if (s_heldByDrain is { } held)
        {
            held.Add(request);
        }
        else if (TaskScheduler.Current == TaskScheduler.Default)
        {
            request.PublishResponse();
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(request, preferLocal: true);
        }
    }

    /// <summary>Starts holding responses on this thread (a drain is about to own an activation).</summary>
    internal static List<GrainRequest> BeginHolding()
    {
        var held = s_heldByDrain = s_spare ?? new List<GrainRequest>();
        s_spare = null;
        return held;
    }

    /// <summary>Stops holding and publishes what was held (the drain no longer owns its activation).</summary>
    internal static void EndHoldingAndPublish(List<GrainRequest> held)
    {
        s_heldByDrain = null;
        try
        {
            // Index loop: a published continuation may run arbitrary code, but it cannot add to this list any more.
            for (var i = 0; i < held.Count; i++)
            {
                held[i].PublishResponse();
            }
        }
        finally
        {
            held.Clear();
            s_spare = held;
        }
    }
}
