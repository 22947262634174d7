namespace OmniGraph.Loading.Changes;

/// <summary>Where a read of one commit's (or one diff's) changes continues: a table, and the last id delivered in it.</summary>
/// <param name="Table">The table key; tables before it (in change order) are done.</param>
/// <param name="After">The last id delivered in <paramref name="Table"/>, or <c>null</c> from its start.</param>
internal sealed record ChangePosition(string? Table, string? After)
{
    /// <summary>The start of the first table.</summary>
    public static ChangePosition Start { get; } = new(null, null);
}
