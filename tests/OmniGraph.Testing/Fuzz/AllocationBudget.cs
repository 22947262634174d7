namespace OmniGraph.Testing.Fuzz;

/// <summary>
/// A deterministic bound on the work one call may do for an input: the bytes it allocates on the calling thread, at
/// most <see cref="FixedBytes"/> plus <see cref="BytesPerInputChar"/> per character of the input. A parser that turns
/// quadratic on some input allocates quadratically and breaks it; unlike a time budget it does not depend on how busy
/// the machine is (how fast the code runs is the benchmark's to measure).
/// </summary>
/// <param name="FixedBytes">What any input may cost (first-use caches, result objects).</param>
/// <param name="BytesPerInputChar">What each input character may add.</param>
public readonly record struct AllocationBudget(long FixedBytes, long BytesPerInputChar)
{
    /// <summary>The bytes allowed for an input of <paramref name="inputLength"/> characters.</summary>
    public long For(int inputLength) => FixedBytes + (BytesPerInputChar * inputLength);

    /// <summary>Runs <paramref name="action"/> and returns what it returned and the bytes it allocated on this thread.</summary>
    public static (T Result, long Bytes) Measure<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
