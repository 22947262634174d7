namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    /// <remarks>
    /// One turn for the whole group: each version is planned on the warm staged view of the one before it, so a group of
    /// n small writes costs n plans and one grain call, not n calls each queued behind the others.
    /// </remarks>
    public async Task<ImmutableArray<StagedTableVersion>> PrepareVersionsAsync(TableVersionRef baseVersion, ImmutableArray<TablePreparation> preparations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseVersion);
        if (preparations.IsDefaultOrEmpty)
        {
            return [];
        }

        var staged = ImmutableArray.CreateBuilder<StagedTableVersion>(preparations.Length);
        var parent = baseVersion;
        try
        {
            foreach (var preparation in preparations)
            {
                ArgumentNullException.ThrowIfNull(preparation);
                var version = await PrepareVersionAsync(preparation.Tx, parent, preparation.Delta, cancellationToken);
                staged.Add(version);
                parent = version.Version;
            }
        }
        catch
        {
            // All or nothing: the versions staged before the refusal were prepared for writes that are now prepared again.
            foreach (var preparation in preparations)
            {
                Forget(preparation.Tx);
            }

            throw;
        }

        return staged.MoveToImmutable();
    }
}
