namespace OmniGraph.Ingest;

/// <summary>One key of a <see cref="Utf8KeySet"/>: its position in insertion order and the row that holds it.</summary>
/// <param name="Index">Position in insertion order (0-based); stable for the set's life.</param>
/// <param name="RowOrdinal">The table row (0-based, in file order across all fragments) that currently holds the key.</param>
/// <param name="Line">The input line of that row.</param>
public readonly record struct KeySetEntry(int Index, int RowOrdinal, long Line);
