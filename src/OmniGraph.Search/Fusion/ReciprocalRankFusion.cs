using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// <c>rrf(r1, r2 [, k])</c> as the spec defines it, as pure functions over two ranked lists:
/// <list type="number">
/// <item>Each arm is the list of its result rows, best first; an entity's rank in an arm is the 0-based position of its
/// first row among the arm's rows (so an earlier entity fanned out to several rows by edges pushes later entities
/// down). A <see cref="RrfArm.Nearest"/> arm keeps only its first <c>limit</c> entities, a <see cref="RrfArm.Bm25"/>
/// arm all.</item>
/// <item>score(e) = Σ over the arms holding e of 1 / (k + rank + 1); k defaults to 60.</item>
/// <item>Entities sort by score descending; equal scores keep the order "entities of arm 1 in arm-1 order, then
/// entities only in arm 2 in arm-2 order" (a stable sort of that sequence).</item>
/// <item>The first <c>limit</c> entities win; then all rows of each winning entity are emitted in entity order (each
/// entity's rows in the order of the first arm that holds it), and the rows are finally truncated to <c>limit</c>.</item>
/// </list>
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The spec's default constant.</summary>
    public const int DefaultK = 60;

    /// <summary>
    /// Steps 1–3 and the entity cut of step 4: the winning entities with their scores, best first. Each arm lists the
    /// entity of each of its rows (an entity repeated for each of its rows, its rows together).
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.LimitInvalid"/>, <see cref="SearchErrorCodes.FusionKInvalid"/>.</exception>
    public static IReadOnlyList<FusedEntity<TEntity>> FuseEntities<TEntity>(
        IReadOnlyList<TEntity> firstArm,
        RrfArm firstKind,
        IReadOnlyList<TEntity> secondArm,
        RrfArm secondKind,
        int limit,
        int k = DefaultK,
        IEqualityComparer<TEntity>? comparer = null)
        where TEntity : notnull
    {
        ArgumentNullException.ThrowIfNull(firstArm);
        ArgumentNullException.ThrowIfNull(secondArm);
        SearchThrow.IfLimitInvalid(limit);
        if (k < 1)
        {
            SearchThrow.Error(SearchErrorCodes.FusionKInvalid, string.Create(CultureInfo.InvariantCulture, $"T21: the rrf constant k must be a positive integer, got {k}."));
        }

        var first = Ranks(firstArm, firstKind, limit, comparer);
        var second = Ranks(secondArm, secondKind, limit, comparer);
        var fused = new List<FusedEntity<TEntity>>(first.Order.Count + second.Order.Count);
        foreach (var entity in first.Order)
        {
            var rank = first.Ranks[entity];
            int? other = second.Ranks.TryGetValue(entity, out var r) ? r : null;
            fused.Add(new FusedEntity<TEntity>(entity, Contribution(k, rank) + (other is { } o ? Contribution(k, o) : 0), rank, other));
        }

        foreach (var entity in second.Order)
        {
            if (!first.Ranks.ContainsKey(entity))
            {
                var rank = second.Ranks[entity];
                fused.Add(new FusedEntity<TEntity>(entity, Contribution(k, rank), null, rank));
            }
        }

        // List<T>.Sort is not stable: order by score, then by position in the tie order built above.
        var positions = Enumerable.Range(0, fused.Count).ToArray();
        var items = fused.ToArray();
        Array.Sort(positions, (a, b) => items[a].Score != items[b].Score ? items[b].Score.CompareTo(items[a].Score) : a.CompareTo(b));
        return [.. positions.Take(limit).Select(p => items[p])];
    }

    /// <summary>The whole of <c>rrf</c>: the rows to return, in order, at most <paramref name="limit"/>.</summary>
    /// <param name="firstArm">Arm 1's rows, best first.</param>
    /// <param name="firstKind">Arm 1's search.</param>
    /// <param name="secondArm">Arm 2's rows, best first.</param>
    /// <param name="secondKind">Arm 2's search.</param>
    /// <param name="entityOf">The entity a row belongs to (the search target's binding).</param>
    /// <param name="limit">The query's <c>limit</c>.</param>
    /// <param name="k">The RRF constant.</param>
    /// <param name="comparer">Entity equality (default equality when null).</param>
    public static IReadOnlyList<TRow> Fuse<TRow, TEntity>(
        IReadOnlyList<TRow> firstArm,
        RrfArm firstKind,
        IReadOnlyList<TRow> secondArm,
        RrfArm secondKind,
        Func<TRow, TEntity> entityOf,
        int limit,
        int k = DefaultK,
        IEqualityComparer<TEntity>? comparer = null)
        where TEntity : notnull
    {
        ArgumentNullException.ThrowIfNull(firstArm);
        ArgumentNullException.ThrowIfNull(secondArm);
        ArgumentNullException.ThrowIfNull(entityOf);
        var winners = FuseEntities([.. firstArm.Select(entityOf)], firstKind, [.. secondArm.Select(entityOf)], secondKind, limit, k, comparer);
        var rowsOf = new Dictionary<TEntity, List<TRow>>(comparer);
        foreach (var arm in new[] { firstArm, secondArm })
        {
            var seenInArm = new HashSet<TEntity>(comparer);
            foreach (var row in arm)
            {
                var entity = entityOf(row);
                if (!rowsOf.TryGetValue(entity, out var rows))
                {
                    rowsOf[entity] = rows = [];
                    seenInArm.Add(entity);
                }

                if (seenInArm.Contains(entity))
                {
                    rows.Add(row);
                }
            }
        }

        var emitted = new List<TRow>(limit);
        foreach (var winner in winners)
        {
            foreach (var row in rowsOf[winner.Entity])
            {
                if (emitted.Count == limit)
                {
                    return emitted;
                }

                emitted.Add(row);
            }
        }

        return emitted;
    }

    private static double Contribution(int k, int rank) => 1.0 / (k + rank + 1);

    /// <summary>
    /// Each distinct entity's 0-based rank: the position of its first row in the arm (the first <paramref name="limit"/>
    /// entities for a nearest arm).
    /// </summary>
    private static (List<TEntity> Order, Dictionary<TEntity, int> Ranks) Ranks<TEntity>(IReadOnlyList<TEntity> arm, RrfArm kind, int limit, IEqualityComparer<TEntity>? comparer)
        where TEntity : notnull
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An rrf arm is nearest or bm25.");
        }

        var order = new List<TEntity>();
        var ranks = new Dictionary<TEntity, int>(comparer);
        for (var position = 0; position < arm.Count; position++)
        {
            var entity = arm[position];
            if (ranks.ContainsKey(entity))
            {
                continue;
            }

            if (kind == RrfArm.Nearest && order.Count == limit)
            {
                break;
            }

            ranks.Add(entity, position);
            order.Add(entity);
        }

        return (order, ranks);
    }
}
