using System.Runtime.CompilerServices;

namespace OmniGraph;

/// <summary>
/// The one way a hot loop honours a <see cref="CancellationToken"/>: it looks at the token every
/// <see cref="Stride"/> iterations, so a cancelled query, load or export stops within a few milliseconds while the loop
/// pays one bit test per iteration.
/// </summary>
public static class CancellationChecks
{
    /// <summary>How many iterations pass between two looks at the token (a power of two).</summary>
    public const int Stride = 4096;

    /// <summary>Throws <see cref="OperationCanceledException"/> when <paramref name="iteration"/> is a multiple of <see cref="Stride"/> and the token is cancelled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Every(int iteration, CancellationToken cancellationToken)
    {
        if ((iteration & (Stride - 1)) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc cref="Every(int, CancellationToken)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Every(long iteration, CancellationToken cancellationToken)
    {
        if ((iteration & (Stride - 1)) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
