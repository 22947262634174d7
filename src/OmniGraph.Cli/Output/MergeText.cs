using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>The human tables of merges and promotions: what each table took, and the conflicts.</summary>
internal static class MergeText
{
    /// <summary><c>TABLE INSERTED UPDATED DELETED</c>, one row per table.</summary>
    public static Task WriteTablesAsync(TextWriter output, IEnumerable<TableMergeOutput> tables) =>
        TextTable.WriteAsync(
            output,
            ["TABLE", "INSERTED", "UPDATED", "DELETED"],
            [.. tables.Select(static t => new[]
            {
                t.Table,
                t.Inserted.ToString(CultureInfo.InvariantCulture),
                t.Updated.ToString(CultureInfo.InvariantCulture),
                t.Deleted.ToString(CultureInfo.InvariantCulture),
            })]);

    /// <summary><c>KIND TABLE ENTITY CONFLICT</c>, one row per conflict.</summary>
    public static Task WriteConflictsAsync(TextWriter output, IEnumerable<MergeConflictOutput> conflicts) =>
        TextTable.WriteAsync(
            output,
            ["KIND", "TABLE", "ENTITY", "CONFLICT"],
            [.. conflicts.Select(static c => new[] { c.Kind, c.Table, c.EntityId ?? "-", c.Message })]);
}
