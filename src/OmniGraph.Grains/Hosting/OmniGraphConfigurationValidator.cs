using Microsoft.Extensions.Options;

namespace OmniGraph.Grains.Hosting;

/// <summary>Fails silo start when <see cref="OmniGraphOptions"/> are invalid (the Orleans way of validating configuration).</summary>
public sealed class OmniGraphConfigurationValidator(IOptions<OmniGraphOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        try
        {
            _ = options.Value;
        }
        catch (OptionsValidationException exception)
        {
            throw new OrleansConfigurationException($"OmniGraph configuration is invalid: {string.Join("; ", exception.Failures)}", exception);
        }
    }
}
