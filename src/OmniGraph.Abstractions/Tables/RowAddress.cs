namespace OmniGraph.Abstractions;

/// <summary>
/// Where a row lives inside one table version: its fragment's position in the version's fragment list and its row
/// ordinal in that fragment. Stable along a chain (fragments are only appended) until an overwrite or compaction.
/// </summary>
/// <param name="Fragment">Position of the fragment in the version's fragment list.</param>
/// <param name="Row">Row ordinal inside the fragment.</param>
[GenerateSerializer]
[Immutable]
public readonly record struct RowAddress(
    [property: Id(0)] int Fragment,
    [property: Id(1)] int Row)
{
    /// <summary>The address packed into one number (fragment in the high 32 bits).</summary>
    public long Packed => ((long)Fragment << 32) | (uint)Row;

    /// <summary>Unpacks <see cref="Packed"/>.</summary>
    public static RowAddress FromPacked(long packed) => new((int)(packed >> 32), (int)(uint)packed);

    /// <inheritdoc />
    public override string ToString() => $"{Fragment}:{Row}";
}
