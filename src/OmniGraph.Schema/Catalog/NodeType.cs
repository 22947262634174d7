using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>A node type: table <c>node:Name</c> with an <c>id</c> column plus its properties.</summary>
public sealed class NodeType : GraphElementType
{
    internal NodeType(
        string name,
        ulong stableId,
        ImmutableArray<string> implements,
        ImmutableArray<Property> properties,
        ImmutableArray<SchemaConstraint> constraints,
        TypeMetadata metadata)
        : base(name, stableId, properties, constraints, metadata)
    {
        Implements = implements;
        var range = ImmutableArray.CreateBuilder<RangeConstraint>();
        var check = ImmutableArray.CreateBuilder<CheckConstraint>();
        foreach (var constraint in constraints)
        {
            switch (constraint)
            {
                case KeyConstraint key:
                    Key = key;
                    break;
                case RangeConstraint r:
                    range.Add(r);
                    break;
                case CheckConstraint c:
                    check.Add(c);
                    break;
            }
        }

        RangeConstraints = range.DrainToImmutable();
        CheckConstraints = check.DrainToImmutable();
        if (Key is null)
        {
            KeyProperties = [];
        }
        else
        {
            var members = new Property[Key.PropertyNames.Length];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = GetProperty(Key.PropertyNames[i]);
            }

            // Composite ids list their components by stable property identity, not by @key argument order.
            Array.Sort(members, static (a, b) => a.StableId.CompareTo(b.StableId));
            KeyProperties = [.. members];
        }
    }

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Node;

    /// <inheritdoc />
    public override string DisplayName => $"node {Name}";

    /// <summary>Interfaces named in <c>implements</c>, in written order.</summary>
    public ImmutableArray<string> Implements { get; }

    /// <summary>The primary key, or <c>null</c> for a node type whose ids are supplied or generated.</summary>
    public KeyConstraint? Key { get; }

    /// <summary><c>true</c> when the node type has a <c>@key</c>.</summary>
    public bool HasKey => Key is not null;

    /// <summary>
    /// The key members ordered by stable property id: the order in which a composite key's components are
    /// rendered into the node id (declaration order for a freshly created schema). Empty without a key.
    /// </summary>
    public ImmutableArray<Property> KeyProperties { get; }

    /// <summary><c>@range</c> constraints in catalog order.</summary>
    public ImmutableArray<RangeConstraint> RangeConstraints { get; }

    /// <summary><c>@check</c> constraints in catalog order.</summary>
    public ImmutableArray<CheckConstraint> CheckConstraints { get; }
}
