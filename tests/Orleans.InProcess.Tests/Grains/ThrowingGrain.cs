namespace Orleans.InProcess.Tests.Grains;

/// <summary>An application exception with extra data, to check exceptions arrive unchanged.</summary>
public sealed class TestGrainException(string message, int code) : Exception(message)
{
    public int Code { get; } = code;
}

public interface IThrowingGrain : IGrainWithStringKey
{
    Task ThrowAfterAwait(string message, int code);

    Task ThrowSynchronously(string message);

    Task<int> ThrowWithResult(string message);

    ValueTask<int> ThrowFromValueTask(string message);

    Task CancelWith(string message);

    Task<int> StillWorks();
}

public sealed class ThrowingGrain : Grain, IThrowingGrain
{
    public async Task ThrowAfterAwait(string message, int code)
    {
        await Task.Yield();
        throw new TestGrainException(message, code);
    }

    // Not async: the exception escapes synchronously from the method, before any task exists.
    public Task ThrowSynchronously(string message) => throw new InvalidOperationException(message);

    public async Task<int> ThrowWithResult(string message)
    {
        await Task.Delay(1);
        throw new ArgumentException(message, "value");
    }

    public ValueTask<int> ThrowFromValueTask(string message) => ValueTask.FromException<int>(new FormatException(message));

    public async Task CancelWith(string message)
    {
        await Task.Yield();
        throw new OperationCanceledException(message);
    }

    public Task<int> StillWorks() => Task.FromResult(42);
}
