using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace OmniGraph.Abstractions;

/// <summary>
/// Which changes a diff, a commit's change page or a feed poll returns: entity kinds (<c>node</c>, <c>edge</c>), type
/// names and operations; an empty list admits everything of its dimension. A cursor and a page token are bound to the
/// filter they were issued under (<see cref="Digest"/>).
/// </summary>
/// <param name="Kinds">Entity kinds, <c>node</c> and/or <c>edge</c>.</param>
/// <param name="TypeNames">Exact type names.</param>
/// <param name="Ops">Operations.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeFilter(
    [property: Id(0)] ImmutableArray<string> Kinds,
    [property: Id(1)] ImmutableArray<string> TypeNames,
    [property: Id(2)] ImmutableArray<ChangeOp> Ops)
{
    /// <summary>Admits every change.</summary>
    public static ChangeFilter All { get; } = new([], [], []);

    /// <summary>A filter from wire values (kinds and operations by wire name).</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_change_request</c>: An unknown kind or operation, or an empty type name.</exception>
    public static ChangeFilter Parse(IEnumerable<string>? kinds, IEnumerable<string>? typeNames, IEnumerable<string>? ops)
    {
        var kindList = (kinds ?? []).ToImmutableArray();
        foreach (var kind in kindList)
        {
            if (kind is not ("node" or "edge"))
            {
                throw EngineErrors.InvalidChangeRequest("kind", $"'{ErrorText.Quote(kind)}' is not an entity kind (node or edge)");
            }
        }

        var typeList = (typeNames ?? []).ToImmutableArray();
        if (typeList.Any(string.IsNullOrWhiteSpace))
        {
            throw EngineErrors.InvalidChangeRequest("type", "a type name is empty");
        }

        return new ChangeFilter(kindList, typeList, [.. (ops ?? []).Select(ChangeOps.Parse)]);
    }

    /// <summary>Whether changes of this kind and type can pass (the operation is decided per change).</summary>
    public bool AdmitsType(bool isEdge, string typeName) =>
        (Kinds.IsDefaultOrEmpty || Kinds.Contains(ChangeOps.KindName(isEdge)))
        && (TypeNames.IsDefaultOrEmpty || TypeNames.Contains(typeName));

    /// <summary>Whether an operation passes.</summary>
    public bool AdmitsOp(ChangeOp op) => Ops.IsDefaultOrEmpty || Ops.Contains(op);

    /// <summary>A digest of the filter's meaning (order and repetition do not count), which cursors and tokens carry.</summary>
    public string Digest()
    {
        var text = new StringBuilder();
        foreach (var kind in (Kinds.IsDefault ? [] : Kinds).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append("k:").Append(kind).Append('\n');
        }

        foreach (var type in (TypeNames.IsDefault ? [] : TypeNames).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append("t:").Append(type).Append('\n');
        }

        foreach (var op in (Ops.IsDefault ? [] : Ops).Distinct().Order())
        {
            text.Append("o:").Append(op.ToWireName()).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
