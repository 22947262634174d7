using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema.Ir;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

/// <summary>
/// Gives every type, interface and property a stable id. Against a previously accepted IR, a declaration
/// keeps the id of the previous declaration of the same kind with the same name, or else of the one its
/// <c>@rename_from</c> names (types: nodes and edges only; properties: within the same owner). Everything
/// else gets a new id minted from the previous high-water mark, in file order (type, then its properties).
/// </summary>
/// <remarks>
/// Name matches are claimed before rename matches, so a hint naming a declaration that still exists under
/// its own name never steals that id. A hint that matches nothing yields a new id; whether that is an error
/// is the migration planner's decision, not the catalog's.
/// </remarks>
internal static class StableIdentityAssigner
{
    /// <summary>Assigns ids in place and returns the new high-water mark.</summary>
    public static ulong Assign(IReadOnlyList<TypeDraft> drafts, SchemaIr? previous)
    {
        var prior = new PriorIdentities(previous);
        var matches = new PriorType?[drafts.Count];
        var claimedTypes = new HashSet<ulong>();

        for (var i = 0; i < drafts.Count; i++)
        {
            if (prior.TryFind(drafts[i].Kind, drafts[i].Name, out var match) && claimedTypes.Add(match.StableId))
            {
                matches[i] = match;
            }
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (matches[i] is null
                && draft.Kind != DeclarationKind.Interface
                && draft.Metadata.RenameFrom is { } oldName
                && prior.TryFind(draft.Kind, oldName, out var match)
                && claimedTypes.Add(match.StableId))
            {
                matches[i] = match;
            }
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            if (matches[i] is { } match)
            {
                drafts[i].StableId = match.StableId;
                MatchProperties(drafts[i], match);
            }
        }

        var next = prior.NextStableId;
        foreach (var draft in drafts)
        {
            if (draft.StableId == 0)
            {
                draft.StableId = next++;
            }

            foreach (var property in draft.Properties)
            {
                if (property.StableId == 0)
                {
                    property.StableId = next++;
                }
            }
        }

        return next;
    }

    private static void MatchProperties(TypeDraft draft, PriorType prior)
    {
        var claimed = new HashSet<ulong>();
        foreach (var property in draft.Properties)
        {
            if (prior.Properties.TryGetValue(property.Name, out var id) && claimed.Add(id))
            {
                property.StableId = id;
            }
        }

        foreach (var property in draft.Properties)
        {
            if (property.StableId == 0
                && property.Annotations.RenameFrom is { } oldName
                && prior.Properties.TryGetValue(oldName, out var id)
                && claimed.Add(id))
            {
                property.StableId = id;
            }
        }
    }

    private sealed record PriorType(ulong StableId, Dictionary<string, ulong> Properties);

    /// <summary>The ids of a previously accepted IR, indexed by kind and name.</summary>
    private sealed class PriorIdentities
    {
        private readonly Dictionary<string, PriorType> _interfaces = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PriorType> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PriorType> _edges = new(StringComparer.Ordinal);
        private ulong _maxSeen;

        public PriorIdentities(SchemaIr? previous)
        {
            if (previous is null)
            {
                NextStableId = 1;
                return;
            }

            foreach (var type in previous.Interfaces ?? [])
            {
                Add(_interfaces, type.Name, type.StableId, type.Properties);
            }

            foreach (var type in previous.NodeTypes ?? [])
            {
                Add(_nodes, type.Name, type.StableId, type.Properties);
            }

            foreach (var type in previous.EdgeTypes ?? [])
            {
                Add(_edges, type.Name, type.StableId, type.Properties);
            }

            NextStableId = Math.Max(Math.Max(previous.NextStableId, _maxSeen == ulong.MaxValue ? _maxSeen : _maxSeen + 1), 1);
        }

        public ulong NextStableId { get; }

        public bool TryFind(DeclarationKind kind, string name, [NotNullWhen(true)] out PriorType? type)
        {
            var table = kind switch
            {
                DeclarationKind.Interface => _interfaces,
                DeclarationKind.Node => _nodes,
                _ => _edges,
            };
            return table.TryGetValue(name, out type);
        }

        private void Add(Dictionary<string, PriorType> table, string name, ulong stableId, IReadOnlyList<PropertyIr>? properties)
        {
            if (name is null || stableId == 0)
            {
                return;
            }

            var byName = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var property in properties ?? [])
            {
                if (property?.Name is not null && property.StableId != 0)
                {
                    byName.TryAdd(property.Name, property.StableId);
                    _maxSeen = Math.Max(_maxSeen, property.StableId);
                }
            }

            table.TryAdd(name, new PriorType(stableId, byName));
            _maxSeen = Math.Max(_maxSeen, stableId);
        }
    }
}
