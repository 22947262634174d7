using OmniGraph.Query.Ir;

namespace OmniGraph.Query.Typing;

/// <summary>
/// The variables visible in one pattern: the top-level <c>match</c> block or one <c>not { … }</c> block. Lookups
/// walk outwards; a variable found in an enclosing scope is recorded as an outer reference of every scope
/// crossed, which is what rule T9 (a negation must reference an outer variable) and the anti-join correlation
/// keys need.
/// </summary>
internal sealed class VariableScope
{
    private readonly Dictionary<string, PatternVariable> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<int, PatternVariable> _outerReferences = [];

    public VariableScope(VariableScope? parent)
    {
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public VariableScope? Parent { get; }

    public int Depth { get; }

    /// <summary>Variables introduced in this scope, in order of first occurrence.</summary>
    public List<PatternVariable> Local { get; } = [];

    public int OuterReferenceCount => _outerReferences.Count;

    /// <summary>Finds a named variable here or in an enclosing scope, recording outer references.</summary>
    public PatternVariable? Lookup(string name) => Lookup(name, out _);

    /// <summary>Finds a named variable and the scope that owns it.</summary>
    public PatternVariable? Lookup(string name, out VariableScope? owner)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._names.TryGetValue(name, out var variable))
            {
                for (var crossed = this; crossed != scope; crossed = crossed.Parent!)
                {
                    crossed._outerReferences.TryAdd(variable.Id, variable);
                }

                owner = scope;
                return variable;
            }
        }

        owner = null;
        return null;
    }

    /// <summary>Adds a new variable to this scope; anonymous variables are local but never named.</summary>
    public void Declare(PatternVariable variable)
    {
        Local.Add(variable);
        if (!variable.IsAnonymous)
        {
            _names.Add(variable.Name, variable);
        }
    }

    /// <summary>The outer references ordered by variable id.</summary>
    public PatternVariable[] GetOuterReferences()
    {
        var result = _outerReferences.Values.ToArray();
        Array.Sort(result, static (a, b) => a.Id.CompareTo(b.Id));
        return result;
    }
}
