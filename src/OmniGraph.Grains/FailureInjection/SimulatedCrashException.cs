namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// A simulated crash right after a durable step (it ran): the operation stopped dead and nothing cleaned up, as if the
/// process had died there. Code <c>simulated_crash</c>.
/// </summary>
public sealed class SimulatedCrashException : OmniGraphException
{
    /// <summary>The code.</summary>
    public const string ErrorCode = "simulated_crash";

    public SimulatedCrashException(Failpoint failpoint)
        : base(ErrorCode, $"simulated crash after {failpoint.Name} ({failpoint.Step})")
    {
        Failpoint = failpoint;
    }

    /// <summary>The failpoint that fired.</summary>
    public Failpoint Failpoint { get; }
}
