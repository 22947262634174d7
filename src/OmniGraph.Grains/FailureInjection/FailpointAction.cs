namespace OmniGraph.Grains.FailureInjection;

/// <summary>What an armed failpoint does when it is hit.</summary>
public enum FailpointAction
{
    /// <summary>Throw an <see cref="OmniGraphException"/> (<c>failpoint_injected</c>) (an I/O-like failure) before the step runs; the normal error handling runs.</summary>
    FailBefore,

    /// <summary>Run the step, then throw <see cref="SimulatedCrashException"/>: the operation stops dead and no cleanup runs.</summary>
    CrashAfter,

    /// <summary>Wait before the step until the test releases the failpoint (to interleave readers or other writers).</summary>
    PauseBefore,
}
