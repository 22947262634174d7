using OmniGraph.Schema;

namespace OmniGraph.Mutations.Pending;

/// <summary>
/// The ids one destructive mutation deletes, per table. Sets, so overlapping delete statements and a cascade that meets
/// an explicit edge delete count every entity once; ids leave in ordinal order (deterministic).
/// </summary>
internal sealed class PendingDeletes
{
    private readonly SortedDictionary<string, (GraphElementType Type, HashSet<string> Ids)> _tables = new(StringComparer.Ordinal);

    /// <summary>The tables with deletions, in table-key order.</summary>
    public IEnumerable<(GraphElementType Type, HashSet<string> Ids)> Tables => _tables.Values;

    /// <summary>Whether <paramref name="id"/> of <paramref name="type"/> is already deleted.</summary>
    public bool Contains(GraphElementType type, string id) => _tables.TryGetValue(type.TableName, out var table) && table.Ids.Contains(id);

    /// <summary>Deletes <paramref name="id"/> of <paramref name="type"/>; <c>false</c> when it already was.</summary>
    public bool Add(GraphElementType type, string id)
    {
        if (!_tables.TryGetValue(type.TableName, out var table))
        {
            table = (type, new HashSet<string>(StringComparer.Ordinal));
            _tables[type.TableName] = table;
        }

        return table.Ids.Add(id);
    }

    /// <summary>The deleted ids of <paramref name="type"/> in ordinal order (empty when none).</summary>
    public string[] IdsOf(GraphElementType type)
    {
        if (!_tables.TryGetValue(type.TableName, out var table))
        {
            return [];
        }

        var ids = table.Ids.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Deleted entities of the given kind, over all tables.</summary>
    public long Count(ElementKind kind)
    {
        long count = 0;
        foreach (var (type, ids) in _tables.Values)
        {
            if (type.Kind == kind)
            {
                count += ids.Count;
            }
        }

        return count;
    }
}
