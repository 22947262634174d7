using System.Numerics;

namespace OmniGraph.Arrow.Ipc;

/// <summary>Options of <see cref="ArrowFileWriter"/> and <see cref="ArrowStreamWriter"/>.</summary>
public sealed class ArrowWriteOptions
{
    /// <summary>Smallest alignment the format allows for buffers.</summary>
    public const int MinAlignment = 8;

    /// <summary>Largest alignment accepted (the format's recommendation, a cache line).</summary>
    public const int MaxAlignment = 64;

    /// <summary>Default options: 64-byte alignment, checksum on.</summary>
    public static ArrowWriteOptions Default { get; } = new();

    /// <summary>
    /// Alignment, in bytes, of every body buffer relative to the start of the output (a power of two from 8 to 64;
    /// default 64 as the format recommends, so SIMD scans over a file mapped or loaded aligned never split a line).
    /// </summary>
    public int Alignment { get; init; } = MaxAlignment;

    /// <summary>
    /// Whether the file writer embeds an OmniGraph CRC-32C of the whole file in the footer metadata (default true).
    /// Ignored by the stream writer, which has no footer.
    /// </summary>
    public bool WriteChecksum { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (Alignment < MinAlignment || Alignment > MaxAlignment || !BitOperations.IsPow2(Alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(Alignment), Alignment, $"Alignment must be a power of two from {MinAlignment} to {MaxAlignment}.");
        }
    }
}
