namespace OmniGraph.Storage;

/// <summary>Argument checks every backend applies identically, before any I/O.</summary>
internal static class OperationArguments
{
    /// <summary>Largest page a listing returns (the Azure Blob limit).</summary>
    public const int MaxPageSize = 5000;

    public static void ValidateRange(long offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
    }

    public static void ValidateMaxResults(int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, MaxPageSize);
    }

    public static void ValidateDeleteCondition(WriteCondition condition)
    {
        if (condition.Kind == WriteConditionKind.IfNotExists)
        {
            throw new ArgumentException("A delete is unconditional or if-match; if-not-exists is a write condition only.", nameof(condition));
        }
    }
}
