using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Grains;

public sealed class ProfileState
{
    public string Name { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>What a grain saw when it was activated.</summary>
[GenerateSerializer]
public sealed record ActivationSnapshot(
    [property: Id(0)] string NameAtActivation,
    [property: Id(1)] bool RecordExistedAtActivation,
    [property: Id(2)] long ActivationNumber);

public interface IStatefulGrain : IGrainWithStringKey
{
    Task<ActivationSnapshot> GetActivationSnapshot();

    Task<string> GetName();

    /// <summary>Writes the name; an InconsistentStateException from storage escapes to the caller.</summary>
    Task SetName(string name);

    Task Clear();

    Task<string?> GetETag();
}

public sealed class StatefulGrain : Grain, IStatefulGrain
{
    private static long s_activations;
    private readonly IPersistentState<ProfileState> _profile;
    private readonly TestProbe _probe;
    private ActivationSnapshot? _snapshot;

    public StatefulGrain([PersistentState("profile", TestClusters.StorageName)] IPersistentState<ProfileState> profile, TestProbe probe)
    {
        _profile = profile;
        _probe = probe;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // RecordExists throws before the first read, so this also proves the read already happened.
        _snapshot = new ActivationSnapshot(_profile.State.Name, _profile.RecordExists, Interlocked.Increment(ref s_activations));
        _probe.Record($"activated {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Record($"deactivated {this.GetPrimaryKeyString()} {reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<ActivationSnapshot> GetActivationSnapshot() => Task.FromResult(_snapshot!);

    public Task<string> GetName() => Task.FromResult(_profile.State.Name);

    public async Task SetName(string name)
    {
        _profile.State.Name = name;
        _profile.State.Version++;
        await _profile.WriteStateAsync();
    }

    public Task Clear() => _profile.ClearStateAsync();

    public Task<string?> GetETag() => Task.FromResult(_profile.Etag);
}

/// <summary>Calls a stateful grain and lets its exceptions escape (to check only the source activation is deactivated).</summary>
public interface IStatefulCallerGrain : IGrainWithStringKey
{
    Task SetNameThrough(string statefulKey, string name);

    Task<long> GetActivationNumber();
}

public sealed class StatefulCallerGrain : Grain, IStatefulCallerGrain
{
    private static long s_activations;
    private readonly long _activationNumber = Interlocked.Increment(ref s_activations);

    public Task SetNameThrough(string statefulKey, string name) => GrainFactory.GetGrain<IStatefulGrain>(statefulKey).SetName(name);

    public Task<long> GetActivationNumber() => Task.FromResult(_activationNumber);
}

/// <summary>Two states of the same type, one on the default provider (checks injection order and provider resolution).</summary>
public interface ITwoStatesGrain : IGrainWithStringKey
{
    Task Set(string first, string second);

    Task<string> Get();
}

public sealed class TwoStatesGrain(
    [PersistentState("first")] IPersistentState<ProfileState> first,
    [PersistentState("second", TestClusters.StorageName)] IPersistentState<ProfileState> second) : Grain, ITwoStatesGrain
{
    public async Task Set(string firstName, string secondName)
    {
        first.State.Name = firstName;
        second.State.Name = secondName;
        await first.WriteStateAsync();
        await second.WriteStateAsync();
    }

    public Task<string> Get() => Task.FromResult($"{first.State.Name}|{second.State.Name}");
}

/// <summary>Names a storage provider that is not registered.</summary>
public interface IMissingStorageGrain : IGrainWithStringKey
{
    Task<string> Get();
}

public sealed class MissingStorageGrain([PersistentState("state", "no-such-provider")] IPersistentState<ProfileState> state) : Grain, IMissingStorageGrain
{
    public Task<string> Get() => Task.FromResult(state.State.Name);
}
