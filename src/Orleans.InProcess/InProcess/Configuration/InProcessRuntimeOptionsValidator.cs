using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Orleans.InProcess;

/// <summary>Validates <see cref="InProcessRuntimeOptions"/> when the silo starts.</summary>
public sealed class InProcessRuntimeOptionsValidator : IConfigurationValidator
{
    private readonly InProcessRuntimeOptions _options;

    /// <summary>Creates the validator.</summary>
    public InProcessRuntimeOptionsValidator(IOptions<InProcessRuntimeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (_options.MaxInlineCallDepth < 0)
        {
            throw new OrleansConfigurationException($"{nameof(InProcessRuntimeOptions)}.{nameof(InProcessRuntimeOptions.MaxInlineCallDepth)} must be zero or more (it is {_options.MaxInlineCallDepth}).");
        }

        if (_options.TurnBatchSize < 1)
        {
            throw new OrleansConfigurationException($"{nameof(InProcessRuntimeOptions)}.{nameof(InProcessRuntimeOptions.TurnBatchSize)} must be at least 1 (it is {_options.TurnBatchSize}).");
        }

        if (!_options.ScanLoadedAssemblies && _options.GrainAssemblies.Count == 0)
        {
            throw new OrleansConfigurationException(
                $"{nameof(InProcessRuntimeOptions)}: with {nameof(InProcessRuntimeOptions.ScanLoadedAssemblies)} off, list the assemblies holding grain classes in {nameof(InProcessRuntimeOptions.GrainAssemblies)}.");
        }
    }
}
