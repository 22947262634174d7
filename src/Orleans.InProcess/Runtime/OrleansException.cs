namespace Orleans.Runtime;

/// <summary>Base of the errors the Orleans runtime raises.</summary>
public class OrleansException : Exception
{
    public OrleansException()
    {
    }

    public OrleansException(string? message)
        : base(message)
    {
    }

    public OrleansException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
