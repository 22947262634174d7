namespace Orleans.InProcess.Enumeration;

/// <summary>Elements pulled from a grain's enumerator in one request.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class EnumerationBatch<T>
{
    internal EnumerationBatch(List<T> items, bool hasMore)
    {
        Items = items;
        HasMore = hasMore;
    }

    /// <summary>The elements, in order.</summary>
    internal List<T> Items { get; }

    /// <summary>Whether the sequence may have more elements.</summary>
    internal bool HasMore { get; }
}
