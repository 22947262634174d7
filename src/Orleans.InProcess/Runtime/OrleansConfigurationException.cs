namespace Orleans.Runtime;

/// <summary>The silo's configuration is invalid (raised by an <see cref="IConfigurationValidator"/> at start-up).</summary>
public sealed class OrleansConfigurationException : Exception
{
    public OrleansConfigurationException(string message)
        : base(message)
    {
    }

    public OrleansConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
