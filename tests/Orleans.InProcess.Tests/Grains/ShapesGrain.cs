using System.Runtime.CompilerServices;
using Orleans.Concurrency;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>A value type argument, to check struct arguments survive the generated proxy.</summary>
[GenerateSerializer]
public readonly record struct Point([property: Id(0)] int X, [property: Id(1)] int Y);

/// <summary>Every return shape and a wide mix of argument types.</summary>
public interface IShapesGrain : IGrainWithStringKey
{
    ValueTask Touch();

    ValueTask<int> AddAsync(int left, int right);

    ValueTask<int> AddSlowly(int left, int right);

    Task<string> Mix(int number, string text, Point point, double real, Guid id, long big, DateTime when, CancellationToken cancellationToken);

    IAsyncEnumerable<int> Range(int count, int delayEvery, CancellationToken cancellationToken = default);

    [OneWay]
    Task FireAndForget(string tag);

    [return: Immutable]
    Task<object> ReturnSame([Immutable] object value);

    Task<string?> ReadAmbient();
}

public sealed class ShapesGrain(TestProbe probe) : Grain, IShapesGrain
{
    public ValueTask Touch() => ValueTask.CompletedTask;

    public ValueTask<int> AddAsync(int left, int right) => ValueTask.FromResult(left + right);

    public async ValueTask<int> AddSlowly(int left, int right)
    {
        await Task.Delay(1);
        return left + right;
    }

    public Task<string> Mix(int number, string text, Point point, double real, Guid id, long big, DateTime when, CancellationToken cancellationToken)
        => Task.FromResult($"{number}|{text}|{point.X},{point.Y}|{real}|{id:N}|{big}|{when:O}|{cancellationToken.CanBeCanceled}");

    public async IAsyncEnumerable<int> Range(int count, int delayEvery, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (delayEvery > 0 && i % delayEvery == 0)
            {
                await Task.Delay(1, cancellationToken);
            }

            yield return i;
        }
    }

    public async Task FireAndForget(string tag)
    {
        await Task.Yield();
        probe.Reached($"{tag}:ran");
        throw new InvalidOperationException("one-way failures are only logged");
    }

    public Task<object> ReturnSame(object value) => Task.FromResult(value);

    public Task<string?> ReadAmbient() => Task.FromResult(Ambient.Value);

    /// <summary>An AsyncLocal the caller sets; grain code must not see the caller's value.</summary>
    public static AsyncLocal<string?> Ambient { get; } = new();
}

/// <summary>A closed generic grain interface.</summary>
public interface IEchoGrain<T> : IGrainWithStringKey
{
    Task<T> Echo(T value);
}

public sealed class IntEchoGrain : Grain, IEchoGrain<int>
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}

/// <summary>Two interfaces on one class.</summary>
public interface IFirstFacet : IGrainWithStringKey
{
    Task<string> First();
}

public interface ISecondFacet : IGrainWithStringKey
{
    Task<string> Second();
}

public sealed class TwoFacetGrain : Grain, IFirstFacet, ISecondFacet
{
    public Task<string> First() => Task.FromResult("first:" + this.GetPrimaryKeyString());

    public Task<string> Second() => Task.FromResult("second:" + this.GetPrimaryKeyString());
}

/// <summary>Two classes implementing one interface (resolution needs a class-name prefix).</summary>
public interface IAmbiguousGrain : IGrainWithStringKey
{
    Task<string> Which();
}

public sealed class AmbiguousAlphaGrain : Grain, IAmbiguousGrain
{
    public Task<string> Which() => Task.FromResult("alpha");
}

public sealed class AmbiguousBetaGrain : Grain, IAmbiguousGrain
{
    public Task<string> Which() => Task.FromResult("beta");
}

/// <summary>Other key kinds.</summary>
public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> Key() => Task.FromResult(this.GetPrimaryKey());
}

public interface IIntegerCompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> Key();
}

public sealed class IntegerCompoundKeyGrain : Grain, IIntegerCompoundKeyGrain
{
    public Task<string> Key()
    {
        var key = this.GetPrimaryKeyLong(out var extension);
        return Task.FromResult($"{key}+{extension}");
    }
}

/// <summary>A grain interface and class that are not public.</summary>
internal interface IInternalGrain : IGrainWithStringKey
{
    Task<InternalValue> Get(InternalValue value);
}

internal sealed record InternalValue(int Number);

internal sealed class InternalGrain : Grain, IInternalGrain
{
    public Task<InternalValue> Get(InternalValue value) => Task.FromResult(value with { Number = value.Number + 1 });
}
