using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Activation;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.InProcess.Persistence;

/// <summary>
/// Creates persistent-state facets. The storage provider is the keyed <see cref="IGrainStorage"/> service named by
/// <see cref="IPersistentStateConfiguration.StorageName"/>, or the unkeyed one (registered for "Default") when no
/// name is given. A facet created while its activation is being constructed is read before <c>OnActivateAsync</c>.
/// </summary>
internal sealed class PersistentStateFactory : IPersistentStateFactory
{
    private readonly InProcessRuntime _runtime;

    public PersistentStateFactory(InProcessRuntime runtime)
    {
        _runtime = runtime;
    }

    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(config.StateName);

        var storageName = config.StorageName ?? ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;
        var storage = config.StorageName is { } name
            ? context.ActivationServices.GetKeyedService<IGrainStorage>(name)
            : context.ActivationServices.GetService<IGrainStorage>();
        if (storage is null)
        {
            ThrowMissingProvider(context, config);
        }

        var bridge = new PersistentStateBridge<TState>(_runtime, context, storage, config.StateName, storageName);
        if (context is GrainActivation { IsCreating: true } activation)
        {
            activation.RegisterStateToRead(bridge);
        }

        return bridge;
    }

    [DoesNotReturn]
    private static void ThrowMissingProvider(IGrainContext context, IPersistentStateConfiguration config)
    {
        var grainType = context is GrainActivation activation ? activation.GrainClass.ClassType.FullName : context.GrainId.Type.ToString();
        throw new BadProviderConfigException(config.StorageName is { } name
            ? $"No storage provider named \"{name}\" found loading grain type {grainType} (state \"{config.StateName}\"). Register one with AddGrainStorage or an Add*GrainStorage extension."
            : $"No default storage provider found loading grain type {grainType} (state \"{config.StateName}\"). Register one named \"{ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME}\" or name a provider in [PersistentState].");
    }
}
