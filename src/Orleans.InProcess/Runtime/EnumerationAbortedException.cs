namespace Orleans.Runtime;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> returned by a grain method can no longer be enumerated because the
/// activation that produced it was deactivated between two batches.
/// </summary>
public sealed class EnumerationAbortedException : OrleansException
{
    public EnumerationAbortedException(string message)
        : base(message)
    {
    }
}
