using System.Runtime.CompilerServices;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Tables.Indexes;

/// <summary>The hash every engine index uses for UTF-8 keys: the low 32 bits of XXH64 (process-independent, allocation-free).</summary>
internal static class KeyHashing
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> key) => (uint)XxHash64.Hash(key);
}
