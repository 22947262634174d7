using OmniGraph.Mutations.Values;

namespace OmniGraph.Mutations.Pending;

/// <summary>
/// A row a mutation will write: its id, for an edge its endpoints, and one value per property of its type (in
/// property order). Updates change <see cref="Values"/> in place, which is how later statements see earlier writes.
/// </summary>
internal sealed class PendingRow(string id, FieldValue[] values, string? source = null, string? target = null)
{
    /// <summary>The entity id.</summary>
    public string Id { get; } = id;

    /// <summary>The property values, indexed by <c>Property.Ordinal</c>.</summary>
    public FieldValue[] Values { get; } = values;

    /// <summary>An edge's source node id.</summary>
    public string? Source { get; } = source;

    /// <summary>An edge's target node id.</summary>
    public string? Target { get; } = target;
}
