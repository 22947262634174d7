namespace OmniGraph.Abstractions;

/// <summary>
/// What a read runs against: the head of a branch, or a snapshot. A snapshot is a commit id, a manifest version of
/// main (<c>12</c> or <c>v12</c>), or a manifest version of any branch (<c>manifest:{branch}:v{version}</c>).
/// </summary>
/// <param name="Branch">The branch whose head is read, or <c>null</c> for a snapshot read.</param>
/// <param name="Snapshot">The snapshot, or <c>null</c> for a branch read.</param>
[GenerateSerializer]
[Immutable]
public sealed record QueryTarget(
    [property: Id(0)] string? Branch,
    [property: Id(1)] string? Snapshot)
{
    /// <summary>The head of <paramref name="branch"/>.</summary>
    public static QueryTarget Head(string branch = BranchNames.Main)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        return new(branch, null);
    }

    /// <summary>A snapshot (commit id or manifest version).</summary>
    public static QueryTarget AtSnapshot(string snapshot)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshot);
        return new(null, snapshot);
    }

    /// <inheritdoc />
    public override string ToString() => Snapshot is null ? $"branch {Branch ?? BranchNames.Main}" : $"snapshot {Snapshot}";
}
