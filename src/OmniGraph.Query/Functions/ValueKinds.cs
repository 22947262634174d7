using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Query.Functions;

/// <summary>The kinds of value a function parameter accepts (a set: <see cref="Numeric"/> is integers and decimals).</summary>
[Flags]
public enum ValueKinds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Strings and enum values.</summary>
    String = 1 << 0,

    /// <summary>I32, I64, U32, U64.</summary>
    Integer = 1 << 1,

    /// <summary>F32, F64.</summary>
    Float = 1 << 2,

    /// <summary>Booleans.</summary>
    Bool = 1 << 3,

    /// <summary>Dates.</summary>
    Date = 1 << 4,

    /// <summary>Timestamps.</summary>
    DateTime = 1 << 5,

    /// <summary>Lists.</summary>
    List = 1 << 6,

    /// <summary>Vectors.</summary>
    Vector = 1 << 7,

    /// <summary>A bare node variable (its value is its id, so a parameter taking strings takes it too).</summary>
    Node = 1 << 8,

    /// <summary>A bare edge variable (the matched edge itself: only <c>count</c> takes one).</summary>
    Edge = 1 << 9,

    /// <summary>Integers and decimals.</summary>
    Numeric = Integer | Float,

    /// <summary>Every value, bare node variables included.</summary>
    Any = String | Numeric | Bool | Date | DateTime | List | Vector | Node,
}

/// <summary>How a typed argument is classified and how messages and docs name a set of kinds.</summary>
public static class ValueKindsExtensions
{
    /// <summary>The kind of a typed argument (a bare node variable is a <see cref="ValueKinds.Node"/>, which strings accept too).</summary>
    public static ValueKinds KindOf(QueryExpression argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument is VariableExpression variable)
        {
            return variable.Variable.Kind == VariableKind.Edge ? ValueKinds.Edge : ValueKinds.Node;
        }

        var type = argument.Type;
        return type.Kind switch
        {
            PropertyTypeKind.Enum => ValueKinds.String,
            PropertyTypeKind.List => ValueKinds.List,
            PropertyTypeKind.Vector => ValueKinds.Vector,
            _ => type.Scalar switch
            {
                ScalarKind.String => ValueKinds.String,
                ScalarKind.Bool => ValueKinds.Bool,
                ScalarKind.Date => ValueKinds.Date,
                ScalarKind.DateTime => ValueKinds.DateTime,
                ScalarKind.F32 or ScalarKind.F64 => ValueKinds.Float,
                ScalarKind.Blob => ValueKinds.None,
                _ => ValueKinds.Integer,
            },
        };
    }

    /// <summary>Whether a parameter accepting <paramref name="accepted"/> takes a value of kind <paramref name="kind"/>.</summary>
    public static bool Accepts(this ValueKinds accepted, ValueKinds kind) =>
        (accepted & kind) != 0 || (kind == ValueKinds.Node && (accepted & ValueKinds.String) != 0);

    /// <summary>The set in words: <c>String</c>, <c>numeric</c>, <c>numeric or String</c>, <c>any value</c>.</summary>
    public static string Describe(this ValueKinds kinds)
    {
        if ((kinds & ValueKinds.Any) == ValueKinds.Any)
        {
            return "any value";
        }

        var names = new List<string>();
        if ((kinds & ValueKinds.Numeric) == ValueKinds.Numeric)
        {
            names.Add("numeric");
        }
        else if ((kinds & ValueKinds.Integer) != 0)
        {
            names.Add("integer");
        }
        else if ((kinds & ValueKinds.Float) != 0)
        {
            names.Add("decimal");
        }

        foreach (var (kind, name) in s_names)
        {
            if ((kinds & kind) != 0)
            {
                names.Add(name);
            }
        }

        return Wording.List(names, "or", "no value");
    }

    private static readonly (ValueKinds Kind, string Name)[] s_names =
    [
        (ValueKinds.String, "String"),
        (ValueKinds.Bool, "Bool"),
        (ValueKinds.Date, "Date"),
        (ValueKinds.DateTime, "DateTime"),
        (ValueKinds.List, "list"),
        (ValueKinds.Vector, "Vector"),
        (ValueKinds.Node, "node"),
        (ValueKinds.Edge, "edge"),
    ];
}
