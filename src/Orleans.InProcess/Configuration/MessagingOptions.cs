namespace Orleans.Configuration;

/// <summary>Messaging settings shared by silos and clients.</summary>
public abstract class MessagingOptions
{
    /// <summary>
    /// How long a caller waits for a response before its call fails with <see cref="TimeoutException"/> (the
    /// grain keeps running). Default 30 seconds. <see cref="Timeout.InfiniteTimeSpan"/> disables the timeout.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
