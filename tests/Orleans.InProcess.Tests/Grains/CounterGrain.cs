using Orleans.Concurrency;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>A plain non-reentrant grain with in-memory state.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    [ReadOnly]
    Task<int> Get();

    Task<string> GetIdentity();

    /// <summary>A number unique to this activation (changes when the grain is reactivated).</summary>
    Task<long> GetActivationNumber();

    Task<string> GetInjectedServiceName();
}

/// <summary>A service grains get through constructor injection.</summary>
public sealed class InjectedService
{
    public string Name { get; } = "injected";
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private static long s_activations;
    private readonly long _activationNumber = Interlocked.Increment(ref s_activations);
    private readonly TestProbe _probe;
    private readonly InjectedService? _service;
    private int _count;

    public CounterGrain(TestProbe probe, InjectedService? service = null)
    {
        _probe = probe;
        _service = service;
        _probe.Record($"constructed {this.GetPrimaryKeyString()} #{_activationNumber}");
    }

    public Task<int> Increment() => Task.FromResult(++_count);

    public Task<int> Get() => Task.FromResult(_count);

    public Task<string> GetIdentity() => Task.FromResult(IdentityString);

    public Task<long> GetActivationNumber() => Task.FromResult(_activationNumber);

    public Task<string> GetInjectedServiceName() => Task.FromResult(_service?.Name ?? "none");
}

/// <summary>A grain whose type name is set explicitly.</summary>
public interface INamedTypeGrain : IGrainWithStringKey
{
    Task<string> GetGrainIdString();
}

[GrainType("custom-name")]
public sealed class NamedTypeGrain : Grain, INamedTypeGrain
{
    public Task<string> GetGrainIdString() => Task.FromResult(this.GetGrainId().ToString());
}

/// <summary>A POCO grain: implements <see cref="IGrainBase"/> directly and takes its context as a constructor parameter.</summary>
public interface IPocoGrain : IGrainWithStringKey
{
    Task<string> Describe();
}

public sealed class PocoGrain(IGrainContext context) : IGrainBase, IPocoGrain
{
    public IGrainContext GrainContext { get; } = context;

    public Task<string> Describe() => Task.FromResult($"{GrainContext.GrainId} poco");
}
