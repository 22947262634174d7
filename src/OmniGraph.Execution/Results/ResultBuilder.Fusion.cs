using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Runtime;
using OmniGraph.Query.Ir;
using OmniGraph.Search;

namespace OmniGraph.Execution.Results;

internal sealed partial class ResultBuilder
{
    /// <summary>
    /// <c>rrf</c> over the pattern's rows (spec §2.6): each arm's result rows are the rows of the entities it holds, in
    /// its order (an entity's rows together, in the id tie-break order), so an entity's rank in an arm is the position of
    /// its first row there, after every traversal and filter. The fused winners' scores go to the ranked entities (a
    /// score column reads them); returns each row's fused position (-1 for rows of entities that did not win), the key
    /// the rows are then ordered by.
    /// </summary>
    private int[] FuseArms(BindingTable table, int[] rows, SearchOrder search, EntitySet entities)
    {
        var ranking = entities.Ranking ?? throw new InvalidOperationException("an rrf binding was read without its ranking");
        var limit = ranking.Limit ?? throw new InvalidOperationException("an rrf ranking has a limit");
        var slot = table.SlotOf(search.Variable.Id);
        var rowsOf = new int[entities.Count];
        foreach (var row in rows)
        {
            rowsOf[slot[row]]++;
        }

        var first = ArmRows(entities, rowsOf, arm: 0);
        var second = ArmRows(entities, rowsOf, arm: 1);
        var winners = ReciprocalRankFusion.FuseEntities(
            first, ArmOf(ranking.Arms[0]), second, ArmOf(ranking.Arms[1]), limit, ranking.FusionK ?? ReciprocalRankFusion.DefaultK);

        var positionOf = new int[entities.Count];
        positionOf.AsSpan().Fill(-1);
        var scores = new double[entities.Count];
        for (var position = 0; position < winners.Count; position++)
        {
            positionOf[winners[position].Entity] = position;
            scores[winners[position].Entity] = winners[position].Score;
        }

        entities.Scores = ImmutableCollectionsMarshal.AsImmutableArray(scores);
        var fused = new int[table.RowCount];
        for (var row = 0; row < fused.Length; row++)
        {
            fused[row] = positionOf[slot[row]];
        }

        return fused;
    }

    /// <summary>One arm's result rows as the entity of each row: the arm's entities with rows, in its rank order, each repeated once per row.</summary>
    private static List<int> ArmRows(EntitySet entities, int[] rowsOf, int arm)
    {
        var count = entities.Count;
        var ranks = entities.ArmRanks;
        var offset = arm * count;
        var held = new List<int>();
        for (var entity = 0; entity < count; entity++)
        {
            if (ranks[offset + entity] >= 0 && rowsOf[entity] > 0)
            {
                held.Add(entity);
            }
        }

        held.Sort((a, b) => ranks[offset + a].CompareTo(ranks[offset + b]));
        var armRows = new List<int>();
        foreach (var entity in held)
        {
            armRows.AddRange(Enumerable.Repeat(entity, rowsOf[entity]));
        }

        return armRows;
    }

    private static RrfArm ArmOf(SearchArm arm) => arm.Kind == SearchArmKind.Nearest ? RrfArm.Nearest : RrfArm.Bm25;
}
