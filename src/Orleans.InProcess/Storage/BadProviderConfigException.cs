using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>A storage provider is missing or misconfigured (for example no provider has the requested name).</summary>
public sealed class BadProviderConfigException : OrleansException
{
    public BadProviderConfigException(string message)
        : base(message)
    {
    }

    public BadProviderConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
