namespace OmniGraph.Arrow.Ipc;

/// <summary>Options of <see cref="ArrowFileReader"/> and <see cref="ArrowStreamReader"/>.</summary>
public sealed class ArrowReadOptions
{
    /// <summary>Default options: verify a checksum when present, validate UTF-8, full nesting depth.</summary>
    public static ArrowReadOptions Default { get; } = new();

    /// <summary>Verify the OmniGraph checksum when the file carries one (default true).</summary>
    public bool VerifyChecksum { get; init; } = true;

    /// <summary>
    /// Reject files without an OmniGraph checksum (default false, so files of other writers can be read). The storage
    /// engine, which reads only files it wrote, sets this to get byte-level corruption detection on every read.
    /// </summary>
    public bool RequireChecksum { get; init; }

    /// <summary>Check that every Utf8 value is valid UTF-8 (default true; vectorized, about memory speed).</summary>
    public bool ValidateUtf8 { get; init; } = true;

    /// <summary>Deepest list nesting accepted, 1 to <see cref="ArrowType.MaxNestingDepth"/> (default the maximum).</summary>
    public int MaxNestingDepth { get; init; } = ArrowType.MaxNestingDepth;

    /// <summary>Throws when an option is out of range or contradictory.</summary>
    public void Validate()
    {
        if (MaxNestingDepth < 1 || MaxNestingDepth > ArrowType.MaxNestingDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNestingDepth), MaxNestingDepth, $"MaxNestingDepth must be from 1 to {ArrowType.MaxNestingDepth}.");
        }

        if (RequireChecksum && !VerifyChecksum)
        {
            throw new ArgumentException("RequireChecksum needs VerifyChecksum.", nameof(RequireChecksum));
        }
    }
}
