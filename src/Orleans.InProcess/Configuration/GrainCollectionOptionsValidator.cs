using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Orleans.Configuration;

/// <summary>Validates <see cref="GrainCollectionOptions"/> when the silo starts.</summary>
public sealed class GrainCollectionOptionsValidator : IConfigurationValidator
{
    private readonly GrainCollectionOptions _options;

    /// <summary>Creates the validator.</summary>
    public GrainCollectionOptionsValidator(IOptions<GrainCollectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (_options.CollectionQuantum <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{nameof(GrainCollectionOptions)}.{nameof(GrainCollectionOptions.CollectionQuantum)} must be positive (it is {_options.CollectionQuantum}).");
        }

        CheckAge(nameof(GrainCollectionOptions.CollectionAge), _options.CollectionAge);
        foreach (var (grainClass, age) in _options.ClassSpecificCollectionAge.OrderBy(static pair => pair.Key, StringComparer.Ordinal))
        {
            CheckAge($"{nameof(GrainCollectionOptions.ClassSpecificCollectionAge)}[{grainClass}]", age);
        }

        CheckTimeout(nameof(GrainCollectionOptions.ActivationTimeout), _options.ActivationTimeout);
        CheckTimeout(nameof(GrainCollectionOptions.DeactivationTimeout), _options.DeactivationTimeout);
    }

    private void CheckAge(string name, TimeSpan age)
    {
        if (age != Timeout.InfiniteTimeSpan && age < _options.CollectionQuantum)
        {
            throw new OrleansConfigurationException(
                $"{nameof(GrainCollectionOptions)}.{name} ({age}) must be at least {nameof(GrainCollectionOptions.CollectionQuantum)} ({_options.CollectionQuantum}), or infinite.");
        }
    }

    private static void CheckTimeout(string name, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new OrleansConfigurationException($"{nameof(GrainCollectionOptions)}.{name} must be positive or infinite (it is {timeout}).");
        }
    }
}
