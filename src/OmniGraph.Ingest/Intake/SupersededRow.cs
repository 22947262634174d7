namespace OmniGraph.Ingest;

/// <summary>
/// A row that a later row of the same load replaced (merge mode, same explicit id: last write wins). The storage
/// engine drops it: it is already part of fragment <see cref="FragmentIndex"/> at <see cref="RowIndex"/>.
/// </summary>
/// <param name="RowOrdinal">The table row ordinal (file order across fragments).</param>
/// <param name="FragmentIndex">The fragment holding the row.</param>
/// <param name="RowIndex">The row's position inside that fragment.</param>
/// <param name="Line">The row's input line.</param>
/// <param name="ReplacedByLine">The line of the row that replaced it (the final holder of the id may be later still).</param>
public readonly record struct SupersededRow(int RowOrdinal, int FragmentIndex, int RowIndex, long Line, long ReplacedByLine);
