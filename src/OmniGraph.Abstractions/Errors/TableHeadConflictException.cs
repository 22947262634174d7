namespace OmniGraph.Engine;

/// <summary>
/// A table's physical head is not the version a head move expected (another writer moved it, or an abandoned write
/// left it). Internal to the commit protocol: the manifest grain turns it into <see cref="ReadSetChangedException"/>
/// or repairs an orphaned head. Code <c>table_head_conflict</c>.
/// </summary>
public sealed class TableHeadConflictException : OmniGraphException
{
    public TableHeadConflictException(string table, TableVersionRef expected, TableVersionRef? actual)
        : base(EngineErrorCodes.TableHeadConflict, $"the head of {table} is {actual?.ToString() ?? "unset"}, expected {expected}")
    {
        Table = table;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The table key.</summary>
    public string Table { get; }

    /// <summary>The version the caller expected.</summary>
    public TableVersionRef Expected { get; }

    /// <summary>The head found (<c>null</c> when the table never moved on this branch).</summary>
    public TableVersionRef? Actual { get; }
}
