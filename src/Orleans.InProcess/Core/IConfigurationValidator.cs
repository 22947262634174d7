namespace Orleans;

/// <summary>
/// Validates one piece of configuration when the silo starts. Registered as a transient
/// <see cref="IConfigurationValidator"/> service next to each options class; a failure throws
/// <see cref="Runtime.OrleansConfigurationException"/> and the silo does not start.
/// </summary>
public interface IConfigurationValidator
{
    /// <summary>Throws <see cref="Runtime.OrleansConfigurationException"/> when the configuration is invalid.</summary>
    void ValidateConfiguration();
}
