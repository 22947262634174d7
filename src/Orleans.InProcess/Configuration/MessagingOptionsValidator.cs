using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Orleans.Configuration;

/// <summary>Validates <see cref="SiloMessagingOptions"/> when the silo starts.</summary>
public sealed class MessagingOptionsValidator : IConfigurationValidator
{
    private readonly SiloMessagingOptions _options;

    /// <summary>Creates the validator.</summary>
    public MessagingOptionsValidator(IOptions<SiloMessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (_options.ResponseTimeout <= TimeSpan.Zero && _options.ResponseTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new OrleansConfigurationException(
                $"{nameof(SiloMessagingOptions)}.{nameof(MessagingOptions.ResponseTimeout)} must be positive or infinite (it is {_options.ResponseTimeout}).");
        }
    }
}
