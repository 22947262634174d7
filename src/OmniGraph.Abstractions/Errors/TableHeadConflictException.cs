namespace OmniGraph.Abstractions;

/// <summary>
/// A table's physical head is not the version a head move expected (another writer moved it, or an abandoned write
/// left it). Internal to the commit protocol: the manifest grain turns it into <see cref="ReadSetChangedException"/>
/// or repairs an orphaned head. Code <c>table_head_conflict</c>; details <see cref="ErrorDetail.Table"/>,
/// <see cref="ErrorDetail.Expected"/> and <see cref="ErrorDetail.Actual"/> (the versions as text).
/// </summary>
public sealed class TableHeadConflictException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public TableHeadConflictException(string table, TableVersionRef expected, TableVersionRef? actual)
        : this(
            ErrorCodes.TableHeadConflict,
            $"the head of {table} is {actual?.ToString() ?? "unset"}, expected {expected}",
            ErrorDetails.Of(ErrorDetail.Table.With(table), ErrorDetail.Expected.With(expected.ToString()), ErrorDetail.Actual.With(actual?.ToString())),
            null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public TableHeadConflictException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The table key.</summary>
    public string Table => Get(ErrorDetail.Table) ?? string.Empty;

    /// <summary>The version the caller expected.</summary>
    public string Expected => Get(ErrorDetail.Expected) ?? string.Empty;

    /// <summary>The head found (<c>null</c> when the table never moved on this branch).</summary>
    public string? Actual => Get(ErrorDetail.Actual);
}
