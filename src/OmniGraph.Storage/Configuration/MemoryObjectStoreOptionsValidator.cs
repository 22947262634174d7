using Microsoft.Extensions.Options;

namespace OmniGraph.Storage;

/// <summary>Checks <see cref="MemoryObjectStoreOptions"/>.</summary>
public sealed class MemoryObjectStoreOptionsValidator : IValidateOptions<MemoryObjectStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MemoryObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Name is null)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            NamedMemoryObjectStores.ValidateName(options.Name);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidObjectStoreUriException exception)
        {
            return ValidateOptionsResult.Fail($"{nameof(MemoryObjectStoreOptions.Name)}: {exception.Message}");
        }
    }
}
