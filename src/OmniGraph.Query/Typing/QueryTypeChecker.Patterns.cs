using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

internal sealed partial class QueryTypeChecker
{
    private QueryPattern CheckPattern(ImmutableArray<ClauseSyntax> clauses, VariableScope scope)
    {
        var checkedClauses = ImmutableArray.CreateBuilder<PatternClause>(clauses.Length);
        foreach (var clause in clauses)
        {
            checkedClauses.Add(clause switch
            {
                BindingClauseSyntax binding => CheckBinding(binding, scope),
                TraversalClauseSyntax traversal => CheckTraversal(traversal, scope),
                FilterClauseSyntax filter => CheckFilter(filter, scope),
                NegationClauseSyntax negation => CheckNegation(negation, scope),
                CallClauseSyntax call => CheckCallClause(call, scope),
                _ => throw new InvalidOperationException("Unknown clause."),
            });
        }

        return new QueryPattern(scope.Depth, checkedClauses.MoveToImmutable(), [.. scope.Local]);
    }

    private NodeBinding CheckBinding(BindingClauseSyntax syntax, VariableScope scope)
    {
        var name = syntax.Variable.Name;
        if (syntax.Variable.IsAnonymous)
        {
            QueryThrow.Type(TypeRule.T6, syntax.Variable.Position, "`$_` is anonymous and cannot be bound to a type; give the variable a name");
        }

        if (TryGetParameter(name, out _))
        {
            QueryThrow.Type(TypeRule.T5, syntax.Variable.Position, $"`${name}` is a query parameter and cannot be bound to a node type");
        }

        var nodeType = ResolveNodeType(syntax.TypeName);
        var variable = scope.Lookup(name, out var owner);
        if (variable is null)
        {
            variable = NewVariable(name, anonymous: false, nodeType, VariableOrigin.Binding, scope, syntax.Variable.Position);
            owner = scope;
        }
        else if (!ReferenceEquals(variable.ElementType, nodeType))
        {
            QueryThrow.Type(TypeRule.T5, syntax.Variable.Position,
                $"variable `${name}` already bound to type `{variable.ElementType.Name}`, cannot rebind to `{nodeType.Name}`");
        }

        var filters = ImmutableArray.CreateBuilder<FilterPredicate>(syntax.Matches.Length);
        foreach (var match in syntax.Matches)
        {
            filters.Add(CheckPropertyMatch(variable, nodeType, match, scope));
        }

        var result = filters.MoveToImmutable();

        // Only matches written at the variable's own level restrict its scan; inside a negation they belong to
        // the anti-join pattern.
        if (owner == scope && result.Length > 0)
        {
            if (!_inlineFilters.TryGetValue(variable.Id, out var list))
            {
                _inlineFilters[variable.Id] = list = [];
            }

            list.AddRange(result);
        }

        return new NodeBinding(variable, result, syntax.Position);
    }

    private NodeType ResolveNodeType(NameSyntax name)
    {
        if (_schema.TryGetNodeType(name.Text, out var nodeType))
        {
            return nodeType;
        }

        var hint = _schema.TryGetInterface(name.Text, out _)
            ? $"; `{name.Text}` is an interface, and queries bind node types only"
            : _schema.TryGetEdgeTypeExact(name.Text, out _)
                ? $"; `{name.Text}` is an edge type: traverse it with `$a {char.ToLowerInvariant(name.Text[0])}{name.Text[1..]} $b`"
                : string.Empty;
        return QueryThrow.Type<NodeType>(TypeRule.T1, name.Position, $"unknown node type `{name.Text}`{hint}");
    }

    private FilterPredicate CheckPropertyMatch(PatternVariable variable, NodeType nodeType, PropertyMatchSyntax match, VariableScope scope)
    {
        var position = match.Property.Position;
        if (!nodeType.TryGetProperty(match.Property.Text, out var property))
        {
            return QueryThrow.Type<FilterPredicate>(TypeRule.T2, position, $"node type `{nodeType.Name}` has no property `{match.Property.Text}`");
        }

        if (property.Type.IsBlob)
        {
            QueryThrow.Type(TypeRule.T3, position, $"Blob property `{property.QualifiedName}` cannot be matched");
        }

        if (property.Type.IsVector)
        {
            QueryThrow.Type(TypeRule.T3, position, $"Vector property `{property.QualifiedName}` cannot be matched");
        }

        var left = new PropertyExpression(variable, property, position);
        var right = CheckMatchValue(match.Value, scope);
        if (property.Type.IsList && right.Type.IsList)
        {
            QueryThrow.Type(right is LiteralExpression ? TypeRule.T3 : TypeRule.T7, position,
                $"list equality is not supported: `{property.Name}: value` on list property `{property.QualifiedName}` tests membership of one value");
        }

        var op = property.Type.IsList ? FilterOperatorSyntax.Contains : FilterOperatorSyntax.Equal;
        var (resolved, domain, typedLeft, typedRight) = TypeComparison(left, op, right, TypeRule.T3, position);
        return new FilterPredicate(typedLeft, resolved, typedRight, domain, [variable], isInline: true, position);
    }

    /// <summary>A value position of an inline match (or an argument of a call there): literal, declared parameter or function call.</summary>
    private QueryExpression CheckMatchValue(ExpressionSyntax value, VariableScope scope, FunctionPlaces place = FunctionPlaces.InlineMatch)
    {
        switch (value)
        {
            case LiteralSyntax literal:
                return Literal(literal);
            case CallExpressionSyntax call:
                return CheckCall(call, place, (syntax, _, _, nested) => CheckMatchValue(syntax, scope, nested));
            case VariableReferenceSyntax reference:
                var name = reference.Variable.Name;
                if (TryGetParameter(name, out var parameter))
                {
                    return UseParameter(parameter, reference.Position);
                }

                if (!reference.Variable.IsAnonymous && scope.Lookup(name) is { } bound)
                {
                    return QueryThrow.Type<QueryExpression>(TypeRule.T7, reference.Position,
                        $"filter comparisons require scalar operands: `${name}` is a {(bound.Kind == VariableKind.Node ? "node" : "edge")} variable; compare a property instead");
                }

                return QueryThrow.Type<QueryExpression>(TypeRule.T6, reference.Position, $"`${name}` is not a declared parameter of query `{_declaration.Name}`");
            default:
                throw new InvalidOperationException("The parser only produces literals, variables and calls here.");
        }
    }

    private Traversal CheckTraversal(TraversalClauseSyntax syntax, VariableScope scope)
    {
        if (!_schema.TryGetEdgeType(syntax.Edge.Text, out var edge))
        {
            var hint = syntax.Edge.Text is "contains" or "starts_with"
                ? $"; `${syntax.Source.Name} {syntax.Edge.Text} ${syntax.Target.Name}` reads as a traversal — put a property or a literal on the left of {syntax.Edge.Text}"
                : string.Empty;
            return QueryThrow.Type<Traversal>(TypeRule.T4, syntax.Edge.Position, $"unknown edge `{syntax.Edge.Text}`{hint}");
        }

        var sameType = ReferenceEquals(edge.From, edge.To);
        if (syntax.Undirected && !sameType)
        {
            QueryThrow.Type(TypeRule.T22, syntax.Edge.Position,
                $"undirected traversal `<{syntax.Edge.Text}>` needs an edge whose endpoints have the same type, but {edge.Name} connects {edge.From.Name} -> {edge.To.Name}");
        }

        var (minHops, maxHops) = CheckHopBounds(syntax.Bounds);
        if (syntax.EdgeVariable is { IsAnonymous: false } edgeSyntax)
        {
            CheckEdgeBinding(syntax, edgeSyntax, minHops, maxHops, scope);
        }

        var left = ResolveEndpoint(syntax.Source, scope, out var leftBound);
        var right = ResolveEndpoint(syntax.Target, scope, out var rightBound);
        TraversalDirection direction;
        if (sameType)
        {
            direction = syntax.Undirected ? TraversalDirection.Undirected : TraversalDirection.Forward;
        }
        else if (left is not null)
        {
            direction = ReferenceEquals(left.ElementType, edge.From) ? TraversalDirection.Forward
                : ReferenceEquals(left.ElementType, edge.To) ? TraversalDirection.Reverse
                : QueryThrow.Type<TraversalDirection>(TypeRule.T5, syntax.Source.Position, EndpointMismatch(edge, left));
        }
        else if (right is not null)
        {
            direction = ReferenceEquals(right.ElementType, edge.To) ? TraversalDirection.Forward
                : ReferenceEquals(right.ElementType, edge.From) ? TraversalDirection.Reverse
                : QueryThrow.Type<TraversalDirection>(TypeRule.T5, syntax.Target.Position, EndpointMismatch(edge, right));
        }
        else
        {
            direction = TraversalDirection.Forward;
        }

        var leftType = direction == TraversalDirection.Reverse ? edge.To : edge.From;
        var rightType = direction == TraversalDirection.Reverse ? edge.From : edge.To;
        left = BindEndpoint(syntax.Source, left, leftType, edge, scope);

        // `$a knows $a`: the right endpoint is the variable the left one just introduced.
        if (right is null && !syntax.Target.IsAnonymous && syntax.Target.Name == syntax.Source.Name)
        {
            right = left;
        }

        right = BindEndpoint(syntax.Target, right, rightType, edge, scope);
        PatternVariable? edgeVariable = null;
        if (syntax.EdgeVariable is { IsAnonymous: false } edgeName)
        {
            edgeVariable = NewVariable(edgeName.Name, anonymous: false, edge, VariableOrigin.EdgeBinding, scope, edgeName.Position);
        }

        return new Traversal(left, right, edge, direction, minHops, maxHops, edgeVariable, leftBound, rightBound, syntax.Position);
    }

    private static (int Min, int Max) CheckHopBounds(HopBoundsSyntax? bounds)
    {
        if (bounds is null)
        {
            return (1, 1);
        }

        var written = bounds.Max is { } m ? $"{{{bounds.Min},{m}}}" : $"{{{bounds.Min},}}";
        if (bounds.Min < 1)
        {
            QueryThrow.Type(TypeRule.T15, bounds.Position, $"hop bounds {written}: min must be at least 1");
        }

        if (bounds.Max is not { } max)
        {
            return QueryThrow.Type<(int, int)>(TypeRule.T15, bounds.Position, $"hop bounds {written}: unbounded traversal is disabled; give a maximum, e.g. {{{bounds.Min},{bounds.Min + 2}}}");
        }

        if (max < bounds.Min)
        {
            QueryThrow.Type(TypeRule.T15, bounds.Position, $"hop bounds {written}: max must be at least min");
        }

        if (max > int.MaxValue)
        {
            QueryThrow.Type(TypeRule.T15, bounds.Position, $"hop bounds {written}: max must be at most {int.MaxValue}");
        }

        return ((int)bounds.Min, (int)max);
    }

    private void CheckEdgeBinding(TraversalClauseSyntax syntax, VariableSyntax edgeVariable, int minHops, int maxHops, VariableScope scope)
    {
        var name = edgeVariable.Name;
        if (minHops != 1 || maxHops != 1)
        {
            QueryThrow.Type(TypeRule.T23, edgeVariable.Position, $"edge variable `${name}` needs a single hop; bounds {{{minHops},{maxHops}}} are not allowed with an edge binding");
        }

        if (name == syntax.Source.Name || name == syntax.Target.Name)
        {
            QueryThrow.Type(TypeRule.T23, edgeVariable.Position, $"edge variable `${name}` cannot also be an endpoint of its traversal");
        }

        if (TryGetParameter(name, out _) || scope.Lookup(name) is not null)
        {
            QueryThrow.Type(TypeRule.T23, edgeVariable.Position, $"edge variable `${name}` is already bound");
        }
    }

    /// <summary>Looks an endpoint up; <c>null</c> (and not bound) for <c>$_</c> and for a variable not seen yet.</summary>
    private PatternVariable? ResolveEndpoint(VariableSyntax endpoint, VariableScope scope, out bool bound)
    {
        bound = false;
        if (endpoint.IsAnonymous)
        {
            return null;
        }

        if (TryGetParameter(endpoint.Name, out _))
        {
            QueryThrow.Type(TypeRule.T5, endpoint.Position, $"`${endpoint.Name}` is a query parameter and cannot be a traversal endpoint");
        }

        var variable = scope.Lookup(endpoint.Name);
        if (variable is { Kind: VariableKind.Edge })
        {
            QueryThrow.Type(TypeRule.T23, endpoint.Position, $"edge variable `${endpoint.Name}` cannot be used as a traversal endpoint");
        }

        bound = variable is not null;
        return variable;
    }

    private PatternVariable BindEndpoint(VariableSyntax endpoint, PatternVariable? variable, NodeType expected, EdgeType edge, VariableScope scope)
    {
        if (variable is null)
        {
            return NewVariable(endpoint.Name, endpoint.IsAnonymous, expected, VariableOrigin.Traversal, scope, endpoint.Position);
        }

        if (!ReferenceEquals(variable.ElementType, expected))
        {
            QueryThrow.Type(TypeRule.T5, endpoint.Position, EndpointMismatch(edge, variable));
        }

        return variable;
    }

    private static string EndpointMismatch(EdgeType edge, PatternVariable variable) =>
        $"edge `{edge.Name}` connects {edge.From.Name} -> {edge.To.Name}, but `{variable.DisplayName}` is bound to {variable.ElementType.Name}";

    private FilterClause CheckFilter(FilterClauseSyntax syntax, VariableScope scope)
    {
        var left = CheckFilterOperand(syntax.Left, scope);
        var right = CheckFilterOperand(syntax.Right, scope);
        var (op, domain, typedLeft, typedRight) = TypeComparison(left, syntax.Operator, right, TypeRule.T7, syntax.Position);
        var predicate = new FilterPredicate(typedLeft, op, typedRight, domain, CollectVariables(typedLeft, typedRight), isInline: false, syntax.Position);
        CheckTextMatchFilter(predicate, scope);
        return new FilterClause(predicate, syntax.Position);
    }

    private QueryExpression CheckFilterOperand(ExpressionSyntax operand, VariableScope scope)
    {
        switch (operand)
        {
            case PropertyAccessSyntax access:
                return ResolvePropertyAccess(access, scope);
            case VariableReferenceSyntax reference:
                var name = reference.Variable.Name;
                if (reference.Variable.IsAnonymous)
                {
                    return QueryThrow.Type<QueryExpression>(TypeRule.T6, reference.Position, "`$_` is anonymous and has no value");
                }

                if (TryGetParameter(name, out var parameter))
                {
                    return UseParameter(parameter, reference.Position);
                }

                if (scope.Lookup(name) is { } variable)
                {
                    return QueryThrow.Type<QueryExpression>(TypeRule.T7, reference.Position,
                        $"filter comparisons require scalar operands: `${name}` is a {(variable.Kind == VariableKind.Node ? "node" : "edge")} variable; compare one of its properties");
                }

                return QueryThrow.Type<QueryExpression>(TypeRule.T6, reference.Position, $"variable `${name}` is not bound");
            case LiteralSyntax literal:
                return Literal(literal);
            case AliasReferenceSyntax alias:
                return QueryThrow.Type<QueryExpression>(TypeRule.T7, alias.Position,
                    $"filter comparisons require scalar operands: `{alias.Name}` is not a value in match (aliases exist only in return and order)");
            case CallExpressionSyntax call:
                return CheckCall(call, FunctionPlaces.Filter, ReadArguments(scope));
            default:
                throw new InvalidOperationException("Unknown expression.");
        }
    }

    private static PropertyExpression ResolvePropertyAccess(PropertyAccessSyntax access, VariableScope scope)
    {
        var variableName = access.Variable.Name;
        if (access.Variable.IsAnonymous)
        {
            QueryThrow.Type(TypeRule.T6, access.Position, "`$_` is anonymous and has no properties");
        }

        var variable = scope.Lookup(variableName)
            ?? QueryThrow.Type<PatternVariable>(TypeRule.T6, access.Position, $"variable `${variableName}` is not bound");
        if (!variable.ElementType.TryGetProperty(access.Property.Text, out var property))
        {
            QueryThrow.Type(TypeRule.T6, access.Property.Position,
                $"`${variableName}.{access.Property.Text}`: {DescribeType(variable.ElementType)} has no property `{access.Property.Text}`");
        }

        return new PropertyExpression(variable, property, access.Position);
    }

    private NegationClause CheckNegation(NegationClauseSyntax syntax, VariableScope scope)
    {
        var inner = new VariableScope(scope);
        var pattern = CheckPattern(syntax.Clauses, inner);
        if (inner.OuterReferenceCount == 0)
        {
            QueryThrow.Type(TypeRule.T9, syntax.Position, "negation block must reference at least one outer-bound variable");
        }

        return new NegationClause(pattern, [.. inner.GetOuterReferences()], syntax.Position);
    }

    /// <summary>The distinct variables both operands read (through function arguments too), by id.</summary>
    private static ImmutableArray<PatternVariable> CollectVariables(QueryExpression left, QueryExpression right)
    {
        var variables = QueryExpressions.Variables(left).Concat(QueryExpressions.Variables(right)).DistinctBy(static v => v.Id).ToArray();
        Array.Sort(variables, static (a, b) => a.Id.CompareTo(b.Id));
        return [.. variables];
    }

    private void AttachInlineFilters()
    {
        foreach (var (id, filters) in _inlineFilters)
        {
            _variables[id].SetInlineFilters([.. filters]);
        }
    }
}
