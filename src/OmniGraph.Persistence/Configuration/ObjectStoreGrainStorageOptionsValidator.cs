using OmniGraph.Storage;

namespace OmniGraph.Persistence;

/// <summary>Validates the options of one named <see cref="ObjectStoreGrainStorage"/> provider when the silo starts.</summary>
public sealed class ObjectStoreGrainStorageOptionsValidator : IConfigurationValidator
{
    private readonly ObjectStoreGrainStorageOptions _options;
    private readonly string _name;

    /// <summary>Creates the validator for provider <paramref name="name"/>.</summary>
    public ObjectStoreGrainStorageOptionsValidator(ObjectStoreGrainStorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(name);
        _options = options;
        _name = name;
    }

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (_options.ObjectStore is null == _options.ObjectStoreFactory is null)
        {
            throw new OrleansConfigurationException(
                $"Grain storage '{_name}': set exactly one of {nameof(ObjectStoreGrainStorageOptions.ObjectStore)} and {nameof(ObjectStoreGrainStorageOptions.ObjectStoreFactory)}.");
        }

        var prefix = _options.KeyPrefix ?? string.Empty;
        if (prefix.Length > 0)
        {
            var problem = ObjectKey.FindPrefixViolation(prefix) ?? (prefix.EndsWith('/') ? null : "it must end with '/'");
            if (problem is not null)
            {
                throw new OrleansConfigurationException(
                    $"Grain storage '{_name}': {nameof(ObjectStoreGrainStorageOptions.KeyPrefix)} '{prefix}' must be empty or a valid key prefix ending with '/': {problem}.");
            }
        }
    }
}
