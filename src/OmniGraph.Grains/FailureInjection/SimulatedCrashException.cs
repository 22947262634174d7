namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// A simulated crash right after a durable step (it ran): the operation stopped dead and nothing cleaned up, as if the
/// process had died there. Code <c>simulated_crash</c>; detail <see cref="ErrorDetail.Failpoint"/>. A subclass because
/// the commit protocol catches it to skip every clean-up a real crash would skip.
/// </summary>
public sealed class SimulatedCrashException : OmniGraphException
{
    /// <summary>Creates the error for <paramref name="failpoint"/>.</summary>
    public SimulatedCrashException(Failpoint failpoint)
        : this(
            ErrorCodes.SimulatedCrash,
            $"simulated crash after {failpoint.Name} ({failpoint.Step})",
            ErrorDetails.Of(ErrorDetail.Failpoint.With(failpoint.Name)),
            null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public SimulatedCrashException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The name of the failpoint that fired.</summary>
    public string FailpointName => Get(ErrorDetail.Failpoint) ?? string.Empty;
}
