using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

/// <summary>
/// Type-checks one query declaration against a <see cref="SchemaCatalog"/> and lowers it to the typed IR
/// (<see cref="ReadQuery"/> or <see cref="MutationQuery"/>). Clauses are checked in source order, which is what
/// direction inference and "bound before use" (T6) depend on. The first violated rule is thrown as a
/// <see cref="QueryTypeException"/>; rule D2 (mixing inserts/updates with deletes) is checked last.
/// </summary>
internal sealed partial class QueryTypeChecker
{
    private readonly QueryDeclarationSyntax _declaration;
    private readonly SchemaCatalog _schema;
    private readonly ImmutableArray<QueryParameter> _parameters;
    private readonly Dictionary<string, QueryParameter> _parametersByName = new(StringComparer.Ordinal);
    private readonly bool[] _referenced;
    private readonly List<PatternVariable> _variables = [];
    private readonly Dictionary<int, List<FilterPredicate>> _inlineFilters = [];
    private bool _usesNow;

    private QueryTypeChecker(QueryDeclarationSyntax declaration, SchemaCatalog schema)
    {
        _declaration = declaration;
        _schema = schema;
        var parameters = ImmutableArray.CreateBuilder<QueryParameter>(declaration.Parameters.Length);
        foreach (var syntax in declaration.Parameters)
        {
            var parameter = new QueryParameter(syntax.Name, syntax.Type, parameters.Count, syntax.Position);
            parameters.Add(parameter);
            _parametersByName.Add(parameter.Name, parameter);
        }

        _parameters = parameters.MoveToImmutable();
        _referenced = new bool[_parameters.Length];
    }

    /// <summary>Checks <paramref name="declaration"/> and returns its IR.</summary>
    /// <exception cref="QueryTypeException">A type rule is violated.</exception>
    /// <exception cref="QueryException">Rule D2 (code <c>query_mixed_mutation</c>).</exception>
    public static CompiledQuery Check(QueryDeclarationSyntax declaration, SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(schema);
        var checker = new QueryTypeChecker(declaration, schema);
        return declaration.Body switch
        {
            ReadBodySyntax read => checker.CheckRead(read),
            MutationBodySyntax mutation => checker.CheckMutation(mutation),
            _ => throw new InvalidOperationException("Unknown query body."),
        };
    }

    private ImmutableArray<QueryParameter> ReferencedParameters()
    {
        var builder = ImmutableArray.CreateBuilder<QueryParameter>();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_referenced[i])
            {
                builder.Add(_parameters[i]);
            }
        }

        return builder.DrainToImmutable();
    }

    private bool TryGetParameter(string name, [NotNullWhen(true)] out QueryParameter? parameter) =>
        _parametersByName.TryGetValue(name, out parameter);

    private ParameterExpression UseParameter(QueryParameter parameter, SourcePosition position)
    {
        _referenced[parameter.Ordinal] = true;
        return new ParameterExpression(parameter, position);
    }

    private PatternVariable NewVariable(string name, bool anonymous, GraphElementType type, VariableOrigin origin, VariableScope scope, SourcePosition position)
    {
        var variable = new PatternVariable(_variables.Count, name, anonymous, type, origin, scope.Depth, position);
        _variables.Add(variable);
        scope.Declare(variable);
        return variable;
    }

    /// <summary>The static type of a literal value.</summary>
    private static PropertyType TypeOfLiteral(QueryValue value) => value.Kind switch
    {
        QueryValueKind.List => PropertyType.ListOf(value.AsList().Length == 0 ? ScalarKind.String : ScalarOf(value.AsList()[0].Kind)),
        QueryValueKind.Vector => PropertyType.Vector(value.AsVector().Length),
        _ => PropertyType.Of(ScalarOf(value.Kind)),
    };

    private static ScalarKind ScalarOf(QueryValueKind kind) => kind switch
    {
        QueryValueKind.Bool => ScalarKind.Bool,
        QueryValueKind.I32 => ScalarKind.I32,
        QueryValueKind.I64 => ScalarKind.I64,
        QueryValueKind.U32 => ScalarKind.U32,
        QueryValueKind.U64 => ScalarKind.U64,
        QueryValueKind.F32 => ScalarKind.F32,
        QueryValueKind.F64 => ScalarKind.F64,
        QueryValueKind.String => ScalarKind.String,
        QueryValueKind.Date => ScalarKind.Date,
        QueryValueKind.DateTime => ScalarKind.DateTime,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar value kind"),
    };

    private static LiteralExpression Literal(LiteralSyntax syntax) => new(syntax.Value, TypeOfLiteral(syntax.Value), syntax.Position);

    /// <summary>How messages name a literal: <c>String literal "x"</c>, <c>integer literal 3</c>, <c>date literal …</c>.</summary>
    private static string DescribeLiteral(QueryValue value) => value.Kind switch
    {
        QueryValueKind.I64 or QueryValueKind.U64 => $"integer literal {value}",
        QueryValueKind.F64 => $"decimal literal {value}",
        QueryValueKind.String => $"String literal {value}",
        QueryValueKind.Bool => $"Bool literal {value}",
        QueryValueKind.Date => $"Date literal {value}",
        QueryValueKind.DateTime => $"DateTime literal {value}",
        QueryValueKind.List => $"list literal {value}",
        _ => $"literal {value}",
    };

    private static string DescribeType(GraphElementType type) => type.Kind == ElementKind.Node ? $"node type `{type.Name}`" : $"edge type `{type.Name}`";
}
