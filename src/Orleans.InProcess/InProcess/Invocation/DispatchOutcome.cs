namespace Orleans.InProcess.Invocation;

/// <summary>What happened to a request handed to an activation target.</summary>
internal enum DispatchOutcome
{
    /// <summary>The grain method ran inline and its task has completed: the caller gets that task.</summary>
    CompletedInline,

    /// <summary>The request is queued or running asynchronously: the caller gets the promise.</summary>
    Pending,

    /// <summary>The target is gone (deactivated); resolve the grain again and retry.</summary>
    Retry,
}
