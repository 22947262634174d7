using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// The distinct nodes (or edges) one variable ranges over in the current rows: their ids, their row addresses in the
/// variable's table version when known, and the property columns fetched so far, all aligned by entity ordinal. Rows of
/// a <see cref="BindingTable"/> hold ordinals into it, so a property is fetched once per entity (late materialization),
/// never per row, and no id string is ever created.
/// </summary>
internal sealed class EntitySet
{
    private readonly Dictionary<Property, ArrowColumn> _columns = [];

    public EntitySet(PatternVariable variable, TableVersionRef table, Utf8Column ids, ImmutableArray<RowAddress> rows)
    {
        Variable = variable;
        Table = table;
        Ids = ids;
        Rows = rows;
    }

    /// <summary>The variable.</summary>
    public PatternVariable Variable { get; }

    /// <summary>The table version the entities live in (the snapshot's).</summary>
    public TableVersionRef Table { get; }

    /// <summary>Number of entities.</summary>
    public int Count => Ids.Length;

    /// <summary>The id of each entity.</summary>
    public Utf8Column Ids { get; }

    /// <summary>The row address of each entity in <see cref="Table"/>, or default when the entities are known by id only.</summary>
    public ImmutableArray<RowAddress> Rows { get; }

    /// <summary>
    /// <c>true</c> when the entities are every live row of <see cref="Table"/> in storage order (an unfiltered scan):
    /// traversals from all of them can use the edge grain's join index instead of looking each id up.
    /// </summary>
    public bool IsWholeTable { get; init; }

    /// <summary>The ranked search these entities were read by (the query's search ordering), or <c>null</c>.</summary>
    public SearchRanking? Ranking { get; init; }

    /// <summary>
    /// For ranked entities, each entity's score (BM25 score, distance or fused RRF score): from the table read, or
    /// set by the result builder when it fuses an <c>rrf</c> after the traversals. Empty otherwise.
    /// </summary>
    public ImmutableArray<double> Scores { get; set; } = [];

    /// <summary>For an <c>rrf</c> read with separate arms, each entity's rank per arm (<see cref="TableSelection.ArmRanks"/>); empty otherwise.</summary>
    public ImmutableArray<int> ArmRanks { get; init; } = [];

    /// <summary>Whether <see cref="Rows"/> is known.</summary>
    public bool HasRows => !Rows.IsDefault;

    /// <summary>The ranking scores as a Float64 column aligned with the entities (a score column of <c>return</c>).</summary>
    public ArrowColumn ScoreColumn()
    {
        if (Scores.Length != Count)
        {
            throw new InvalidOperationException($"the entities of {Variable.DisplayName} carry no ranking scores");
        }

        var builder = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        builder.AppendRange(Scores.AsSpan());
        return builder.Build();
    }

    /// <summary>Adds fetched columns, aligned with the entities.</summary>
    public void AddColumns(IReadOnlyList<Property> properties, RecordBatch? batch)
    {
        if (properties.Count == 0)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(batch);
        for (var i = 0; i < properties.Count; i++)
        {
            _columns[properties[i]] = batch.Column(properties[i].Name);
        }
    }

    /// <summary>A fetched column, or <c>null</c>.</summary>
    public ArrowColumn? TryGetColumn(Property property) => _columns.GetValueOrDefault(property);

    /// <summary>Whether the column is fetched.</summary>
    public bool HasColumn(Property property) => _columns.ContainsKey(property);
}
