using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Merging;

/// <summary>
/// The rows two versions of one table do not share, by id, found from their fragment lists rather than from their
/// contents. Fragments are only appended along a chain (and a fork continues its parent's list), so two versions that
/// descend from a common one list the same fragments first; a row at the same address in such a shared fragment, live
/// in both, is the same stored row. Every id whose row differs therefore has a row that is not shared: live in a
/// fragment only one version lists, or live in a shared fragment in one version and deleted in the other.
/// </summary>
/// <remarks>
/// Cost: one pass over the rows of the fragments only one version lists, plus the words of the shared fragments whose
/// deletion vectors differ (rows / 64 each; the same deletion vector object costs nothing). That is proportional to what
/// changed since the versions' common ancestor, not to the table. After an overwrite (a version whose fragment list
/// starts anew) the two lists share nothing and the diff reads every live row of both: correct, and as costly as the
/// overwrite was.
/// </remarks>
internal static class VersionDiff
{
    /// <summary>No row (the id is absent from that version).</summary>
    public const long Absent = -1;

    /// <summary>
    /// For each id whose row may differ: its live row address in <paramref name="from"/> and in <paramref name="to"/>
    /// (<see cref="Absent"/> when not live there). An id missing from the result has the same stored row in both (or none).
    /// </summary>
    public static Dictionary<string, RowPair> Changed(TableVersionView from, TableVersionView to, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<string, RowPair>(StringComparer.Ordinal);
        if (ReferenceEquals(from, to) || (from.Ref.Key is not null && string.Equals(from.Ref.Key, to.Ref.Key, StringComparison.Ordinal)))
        {
            return changed;
        }

        var shared = SharedPrefix(from.Fragments, to.Fragments);
        var checks = 0;
        for (var fragment = 0; fragment < shared; fragment++)
        {
            if (SameDeletions(from, to, fragment))
            {
                continue;
            }

            var data = from.Fragments[fragment];
            foreach (var row in from.Masks[fragment].DifferingRows(to.Masks[fragment]))
            {
                CancellationChecks.Every(checks++, cancellationToken);
                var address = Address(fragment, row);
                var id = data.Ids.GetString(row);
                var pair = changed.GetValueOrDefault(id, RowPair.None);
                changed[id] = from.Masks[fragment].IsDeleted(row) ? pair with { To = address } : pair with { From = address };
            }
        }

        AddUnshared(from, shared, changed, toSide: false, ref checks, cancellationToken);
        AddUnshared(to, shared, changed, toSide: true, ref checks, cancellationToken);
        return changed;
    }

    /// <summary>How many leading fragments both lists name (by object key).</summary>
    private static int SharedPrefix(FragmentData[] from, FragmentData[] to)
    {
        var shared = 0;
        while (shared < from.Length && shared < to.Length && string.Equals(from[shared].Key, to[shared].Key, StringComparison.Ordinal))
        {
            shared++;
        }

        return shared;
    }

    /// <summary>Both versions use the same deletion vector for the fragment (or neither has one): identical masks.</summary>
    private static bool SameDeletions(TableVersionView from, TableVersionView to, int fragment)
    {
        if (ReferenceEquals(from.Masks[fragment], to.Masks[fragment]))
        {
            return true;
        }

        var a = from.DeletionVectors[fragment];
        var b = to.DeletionVectors[fragment];
        return (a is null && b is null && from.Masks[fragment].Count == 0 && to.Masks[fragment].Count == 0)
            || (a is not null && b is not null && a.Batch == b.Batch && string.Equals(a.Key, b.Key, StringComparison.Ordinal));
    }

    private static void AddUnshared(TableVersionView view, int shared, Dictionary<string, RowPair> changed, bool toSide, ref int checks, CancellationToken cancellationToken)
    {
        for (var fragment = shared; fragment < view.Fragments.Length; fragment++)
        {
            var data = view.Fragments[fragment];
            var mask = view.Masks[fragment];
            for (var row = 0; row < data.Rows; row++)
            {
                CancellationChecks.Every(checks++, cancellationToken);
                if (mask.IsDeleted(row))
                {
                    continue;
                }

                var id = data.Ids.GetString(row);
                var pair = changed.GetValueOrDefault(id, RowPair.None);
                changed[id] = toSide ? pair with { To = Address(fragment, row) } : pair with { From = Address(fragment, row) };
            }
        }
    }

    private static long Address(int fragment, int row) => ((long)fragment << 32) | (uint)row;
}

/// <summary>The live row of one id in two versions (packed addresses, <see cref="VersionDiff.Absent"/> when not live).</summary>
/// <param name="From">The row in the first version.</param>
/// <param name="To">The row in the second version.</param>
internal readonly record struct RowPair(long From, long To)
{
    /// <summary>Absent from both (the starting point before either side is seen).</summary>
    public static RowPair None { get; } = new(VersionDiff.Absent, VersionDiff.Absent);
}
