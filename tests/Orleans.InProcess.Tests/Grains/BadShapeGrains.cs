namespace Orleans.InProcess.Tests.Grains;

// Interfaces that break grain-interface rules, each with a class so resolution reaches proxy generation.

public interface ISyncReturnGrain : IGrainWithStringKey
{
    int Sync();
}

public sealed class SyncReturnGrain : Grain, ISyncReturnGrain
{
    public int Sync() => 1;
}

public interface IGenericMethodGrain : IGrainWithStringKey
{
    Task<T> Echo<T>(T value);
}

public sealed class GenericMethodGrain : Grain, IGenericMethodGrain
{
    public Task<T> Echo<T>(T value) => Task.FromResult(value);
}

public interface IRefParameterGrain : IGrainWithStringKey
{
    Task Update(ref int value);
}

public sealed class RefParameterGrain : Grain, IRefParameterGrain
{
    public Task Update(ref int value)
    {
        value++;
        return Task.CompletedTask;
    }
}

public interface IPropertyGrain : IGrainWithStringKey
{
    Task<int> Get();

    int Value { get; }
}

public sealed class PropertyGrain : Grain, IPropertyGrain
{
    public int Value => 1;

    public Task<int> Get() => Task.FromResult(Value);
}

public interface IOneWayWithResultGrain : IGrainWithStringKey
{
    [Orleans.Concurrency.OneWay]
    Task<int> Compute();
}

public sealed class OneWayWithResultGrain : Grain, IOneWayWithResultGrain
{
    public Task<int> Compute() => Task.FromResult(1);
}
