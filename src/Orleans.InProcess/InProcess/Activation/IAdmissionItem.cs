using Orleans.InProcess.Invocation;

namespace Orleans.InProcess.Activation;

/// <summary>Work subject to request admission (reentrancy rules): grain requests and grain timer ticks.</summary>
internal interface IAdmissionItem : IActivationTurn
{
    /// <summary>How the item may interleave with running requests.</summary>
    AdmissionKind Admission { get; }

    /// <summary>Whether finishing it counts as activity for idle collection.</summary>
    bool KeepsActivationAlive { get; }

    /// <summary>Whether nobody waits for it any more (its caller timed out), so it must not start.</summary>
    bool IsAbandoned { get; }

    /// <summary>The activation it was queued on is gone without running it; send it to the grain's next activation.</summary>
    void Reroute();

    /// <summary>It can never run (activation failed, silo stopped or killed); report <paramref name="reason"/>.</summary>
    void Reject(Exception reason);
}
