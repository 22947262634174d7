namespace Orleans.Runtime;

/// <summary>A request was rejected by the runtime before it reached grain code.</summary>
public class OrleansMessageRejectionException : OrleansException
{
    public OrleansMessageRejectionException(string message)
        : base(message)
    {
    }

    public OrleansMessageRejectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
