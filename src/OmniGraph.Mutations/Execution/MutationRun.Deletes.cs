using OmniGraph.Abstractions;
using OmniGraph.Query.Ir;

namespace OmniGraph.Mutations.Execution;

internal sealed partial class MutationRun
{
    /// <summary>
    /// <c>delete Node where …</c>: the matching nodes of the snapshot join the deletion set (a node deleted by an earlier
    /// statement is counted once). Their incident edges are added by <see cref="CascadeAsync"/> once every statement ran.
    /// </summary>
    private async Task DeleteNodesAsync(DeleteNodeStatement statement)
    {
        foreach (var id in await _committed.FindIdsAsync(statement.Type, statement.Where, Evaluate(statement.Where.Value)))
        {
            _deletes.Add(statement.Type, id);
        }
    }

    /// <summary><c>delete Edge where …</c> (the predicate may test <c>from</c>/<c>to</c>): the matching edges join the deletion set.</summary>
    private async Task DeleteEdgesAsync(DeleteEdgeStatement statement)
    {
        foreach (var id in await _committed.FindIdsAsync(statement.Type, statement.Where, Evaluate(statement.Where.Value)))
        {
            _deletes.Add(statement.Type, id);
        }
    }

    /// <summary>
    /// Deleting a node deletes every edge, of any edge type, that starts or ends at it, in the same commit: one adjacency
    /// expansion per (edge type, direction) over all deleted nodes of the endpoint type. Edges an explicit statement
    /// deleted too are counted once.
    /// </summary>
    private async Task CascadeAsync()
    {
        var schema = _query.Schema;
        foreach (var node in schema.NodeTypes)
        {
            var deleted = _deletes.IdsOf(node);
            if (deleted.Length == 0)
            {
                continue;
            }

            foreach (var edge in schema.EdgeTypes.OrderBy(static e => e.TableName, StringComparer.Ordinal))
            {
                if (ReferenceEquals(edge.From, node))
                {
                    foreach (var id in await _committed.AdjacentEdgeIdsAsync(edge, EdgeDirection.Outgoing, deleted))
                    {
                        _deletes.Add(edge, id);
                    }
                }

                if (ReferenceEquals(edge.To, node))
                {
                    foreach (var id in await _committed.AdjacentEdgeIdsAsync(edge, EdgeDirection.Incoming, deleted))
                    {
                        _deletes.Add(edge, id);
                    }
                }
            }
        }
    }
}
