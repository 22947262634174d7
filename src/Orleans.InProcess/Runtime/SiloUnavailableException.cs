namespace Orleans.Runtime;

/// <summary>
/// The silo that should run the request is not running: it was stopped (requests still queued when it shut
/// down) or killed (every request in flight), or it has not been started.
/// </summary>
public sealed class SiloUnavailableException : OrleansMessageRejectionException
{
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
