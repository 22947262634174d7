using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The rows of a read, as one Arrow record batch whose fields are the result columns in order, named as the query
/// returns them (<c>p.name</c>, an alias, <c>p</c> for a bare variable) and typed as the values are (counts Int64,
/// sums and averages Float64, min/max and properties of their own type, Date32 dates, millisecond timestamps).
/// </summary>
/// <param name="QueryName">The query that ran.</param>
/// <param name="Target">The target as requested.</param>
/// <param name="Rows">The result rows.</param>
/// <param name="GraphCommitId">The commit of the snapshot that served the read.</param>
/// <param name="Branch">The branch of that snapshot.</param>
/// <param name="ManifestVersion">Its manifest version.</param>
[GenerateSerializer]
[Immutable]
public sealed record QueryResult(
    [property: Id(0)] string QueryName,
    [property: Id(1)] QueryTarget Target,
    [property: Id(2)] RecordBatch Rows,
    [property: Id(3)] string GraphCommitId,
    [property: Id(4)] string Branch,
    [property: Id(5)] long ManifestVersion)
{
    /// <summary>Number of rows.</summary>
    public int RowCount => Rows.Length;

    /// <summary>The column names, in order.</summary>
    public ImmutableArray<string> ColumnNames => [.. Rows.Schema.Fields.Select(static f => f.Name)];
}
