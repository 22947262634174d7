using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Ingest;

/// <summary>The outcome of a successful intake: counts per type and the per-table facts for validation against committed data.</summary>
public sealed class IntakeResult
{
    internal IntakeResult(LoadMode mode, long lineCount, long recordCount, ImmutableArray<TableIntakeSummary> tables)
    {
        Mode = mode;
        LineCount = lineCount;
        RecordCount = recordCount;
        Tables = tables;
        var nodes = ImmutableArray.CreateBuilder<TypeEntityCount>();
        var edges = ImmutableArray.CreateBuilder<TypeEntityCount>();
        foreach (var table in tables)
        {
            (table.Layout.IsEdge ? edges : nodes).Add(new TypeEntityCount(table.Type.Name, table.EntityCount));
            TotalEntities += table.EntityCount;
        }

        Nodes = nodes.ToImmutable();
        Edges = edges.ToImmutable();
    }

    /// <summary>The load mode the within-file rules were applied for.</summary>
    public LoadMode Mode { get; }

    /// <summary>Physical lines read (blank ones included).</summary>
    public long LineCount { get; }

    /// <summary>Records read (non-blank lines).</summary>
    public long RecordCount { get; }

    /// <summary>Entities per node type, sorted by type name (ordinal).</summary>
    public ImmutableArray<TypeEntityCount> Nodes { get; }

    /// <summary>Entities per edge type, sorted by type name (ordinal).</summary>
    public ImmutableArray<TypeEntityCount> Edges { get; }

    /// <summary>Entities of all types.</summary>
    public long TotalEntities { get; }

    /// <summary>Every table the load touched: node tables sorted by name, then edge tables sorted by name.</summary>
    public ImmutableArray<TableIntakeSummary> Tables { get; }

    /// <summary>Finds a touched table by key (<c>node:Person</c>).</summary>
    public bool TryGetTable(string tableName, [NotNullWhen(true)] out TableIntakeSummary? table)
    {
        foreach (var candidate in Tables)
        {
            if (string.Equals(candidate.TableName, tableName, StringComparison.Ordinal))
            {
                table = candidate;
                return true;
            }
        }

        table = null;
        return false;
    }
}
