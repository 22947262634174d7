namespace OmniGraph.Grains.FailureInjection;

/// <summary>An injected failure before a durable step (it did not run). Code <c>failpoint_injected</c>.</summary>
public sealed class FailpointInjectedException : OmniGraphException
{
    /// <summary>The code.</summary>
    public const string ErrorCode = "failpoint_injected";

    public FailpointInjectedException(Failpoint failpoint)
        : base(ErrorCode, $"injected failure at {failpoint.Name} ({failpoint.Step})")
    {
        Failpoint = failpoint;
    }

    /// <summary>The failpoint that fired.</summary>
    public Failpoint Failpoint { get; }
}
