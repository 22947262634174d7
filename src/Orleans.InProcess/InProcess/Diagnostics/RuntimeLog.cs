using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Orleans.InProcess;

/// <summary>The runtime's log messages (source-generated, allocation-free when disabled).</summary>
internal sealed partial class RuntimeLog
{
    private readonly ILogger _logger;

    internal RuntimeLog(ILogger logger)
    {
        _logger = logger;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "In-process silo {SiloIdentity} started with {GrainClassCount} grain classes")]
    internal partial void SiloStarted(string siloIdentity, int grainClassCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "In-process silo {SiloIdentity} stopping: deactivating {TargetCount} grains")]
    internal partial void SiloStopping(string siloIdentity, int targetCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "In-process silo {SiloIdentity} killed: {TargetCount} grains dropped without deactivation")]
    internal partial void SiloKilled(string siloIdentity, int targetCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "In-process silo {SiloIdentity}: grains still deactivating when shutdown gave up waiting")]
    internal partial void ShutdownIncomplete(Exception exception, string siloIdentity);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Activated grain {GrainId} ({GrainClass})")]
    internal partial void Activated(GrainId grainId, string grainClass);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed")]
    internal partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Deactivated grain {GrainId} ({Reason})")]
    internal partial void Deactivated(GrainId grainId, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "OnDeactivateAsync of grain {GrainId} failed")]
    internal partial void DeactivationCallbackFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Disposing the service scope of grain {GrainId} failed")]
    internal partial void ScopeDisposalFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "A turn of grain {GrainId} failed inside the runtime")]
    internal partial void TurnFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "One-way call {Method} to grain {GrainId} failed")]
    internal partial void OneWayCallFailed(Exception exception, string method, GrainId grainId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Timer callback of grain {GrainId} failed; the timer keeps ticking")]
    internal partial void TimerCallbackFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Storage provider {ProviderType}.{ProviderName} failed during {Operation} for grain {GrainId}, state {StateName}")]
    internal partial void StorageOperationFailed(Exception exception, string operation, string providerType, string providerName, GrainId grainId, string stateName);
}
