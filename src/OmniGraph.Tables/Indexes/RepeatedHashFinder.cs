namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Finds the 64-bit key hashes that occur more than once across sorted runs (one run per staged fragment), without
/// copying the runs into one array: the hash space is cut into ranges by its top bits, and each range's entries of every
/// run (a contiguous piece of each sorted run) are sorted together in a small scratch buffer. Memory beyond the runs is
/// one range (the runs' total / <see cref="Ranges"/>); time is one pass plus small sorts that stay in cache.
/// </summary>
/// <remarks>
/// A repeated hash is a candidate only: equal keys always collide, different keys rarely do (64-bit hashes: about one
/// pair in 10^5 loads of ten million keys), so a caller confirms every candidate on the keys themselves.
/// </remarks>
internal static class RepeatedHashFinder
{
    /// <summary>How many ranges the hash space is cut into (by the top 10 bits).</summary>
    public const int Ranges = 1024;

    private const int RangeShift = 64 - 10;

    /// <summary>The hashes that occur at least twice in <paramref name="runs"/> (each sorted ascending).</summary>
    public static HashSet<ulong> Find(IReadOnlyList<ulong[]> runs)
    {
        var repeated = new HashSet<ulong>();
        long total = 0;
        foreach (var run in runs)
        {
            total += run.Length;
        }

        if (total < 2)
        {
            return repeated;
        }

        var cursors = new int[runs.Count];
        var scratch = new ulong[Math.Max(16, (int)Math.Min(int.MaxValue / 2, total / Ranges * 2))];
        for (var range = 0; range < Ranges; range++)
        {
            var count = 0;
            for (var r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                var start = cursors[r];
                var end = start;
                while (end < run.Length && (int)(run[end] >> RangeShift) == range)
                {
                    end++;
                }

                var length = end - start;
                if (length == 0)
                {
                    continue;
                }

                if (count + length > scratch.Length)
                {
                    Array.Resize(ref scratch, Math.Max(scratch.Length * 2, count + length));
                }

                run.AsSpan(start, length).CopyTo(scratch.AsSpan(count));
                count += length;
                cursors[r] = end;
            }

            var entries = scratch.AsSpan(0, count);
            entries.Sort();
            for (var i = 1; i < entries.Length; i++)
            {
                if (entries[i] == entries[i - 1])
                {
                    repeated.Add(entries[i]);
                }
            }
        }

        return repeated;
    }
}
