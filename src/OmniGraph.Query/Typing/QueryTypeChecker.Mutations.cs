using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

internal sealed partial class QueryTypeChecker
{
    private const string EdgeFrom = "from";
    private const string EdgeTo = "to";

    private MutationQuery CheckMutation(MutationBodySyntax body)
    {
        var statements = ImmutableArray.CreateBuilder<MutationStatement>(body.Statements.Length);
        var constructive = false;
        var destructive = false;
        foreach (var syntax in body.Statements)
        {
            var statement = CheckStatement(syntax, statements.Count);
            constructive |= !statement.IsDestructive;
            destructive |= statement.IsDestructive;
            statements.Add(statement);
        }

        if (constructive && destructive)
        {
            // D2: decided after type checking, still before any I/O.
            QueryThrow.Selection(ErrorCodes.QueryMixedMutation,
                $"mutation '{_declaration.Name}' on the same query mixes inserts/updates and deletes; split into separate mutations: (1) inserts and updates, then (2) deletes. "
                + "A delete cascades to incident edges and validation runs once per commit, so one commit that both adds and removes rows "
                + "would make the outcome depend on statement order.");
        }

        return new MutationQuery(
            _declaration.Name,
            _declaration.Position,
            _declaration.Description,
            _declaration.Instruction,
            _parameters,
            ReferencedParameters(),
            _usesNow,
            _schema,
            statements.MoveToImmutable(),
            destructive ? MutationEffect.Destructive : MutationEffect.Constructive);
    }

    private MutationStatement CheckStatement(MutationStatementSyntax syntax, int index)
    {
        var verb = syntax switch
        {
            InsertSyntax => "insert",
            UpdateSyntax => "update",
            _ => "delete",
        };
        var target = ResolveTarget(syntax.TypeName, verb);
        switch (syntax)
        {
            case InsertSyntax insert when target is NodeType node:
                return CheckInsertNode(insert, node, index);
            case InsertSyntax insert:
                return CheckInsertEdge(insert, (EdgeType)target, index);
            case UpdateSyntax update:
                if (target is not NodeType updated)
                {
                    return QueryThrow.Type<MutationStatement>(TypeRule.T16, syntax.TypeName.Position, $"update mutation for edge type `{target.Name}` is not supported");
                }

                if (update.Assignments.IsEmpty)
                {
                    QueryThrow.Type(TypeRule.T10, syntax.Position, $"update for `{updated.Name}` needs at least one assignment");
                }

                var assignments = CheckAssignments(update.Assignments, updated, "update");
                return new UpdateNodeStatement(index, updated, assignments, CheckWhere(update.Predicate, updated), syntax.Position);
            case DeleteSyntax delete when target is NodeType node:
                return new DeleteNodeStatement(index, node, CheckWhere(delete.Predicate, node), syntax.Position);
            case DeleteSyntax delete:
                return new DeleteEdgeStatement(index, (EdgeType)target, CheckWhere(delete.Predicate, target), syntax.Position);
            default:
                throw new InvalidOperationException("Unknown statement.");
        }
    }

    /// <summary>Node types first, then edge types: a node and an edge may share a name.</summary>
    private GraphElementType ResolveTarget(NameSyntax name, string verb)
    {
        if (_schema.TryGetNodeType(name.Text, out var node))
        {
            return node;
        }

        if (_schema.TryGetEdgeType(name.Text, out var edge))
        {
            return edge;
        }

        var hint = _schema.TryGetInterface(name.Text, out _) ? $"; `{name.Text}` is an interface" : string.Empty;
        return QueryThrow.Type<GraphElementType>(TypeRule.T10, name.Position, $"unknown type `{name.Text}` in {verb}{hint}");
    }

    private InsertNodeStatement CheckInsertNode(InsertSyntax syntax, NodeType node, int index)
    {
        if (syntax.Assignments.IsEmpty)
        {
            QueryThrow.Type(TypeRule.T10, syntax.Position, $"insert for `{node.Name}` needs at least one assignment");
        }

        var assignments = CheckAssignments(syntax.Assignments, node, "insert");
        var embeddings = ImmutableArray.CreateBuilder<Property>();
        foreach (var property in node.Properties)
        {
            // A property with a @default may be left out: the insert stores the default.
            if (property.IsNullable || property.Default is not null || IsAssigned(assignments, property.Name))
            {
                continue;
            }

            if (property.Type.IsVector && property.Embed is { } embed && IsAssigned(assignments, embed.SourceProperty))
            {
                embeddings.Add(property);
                continue;
            }

            var embedHint = property.Embed is { } spec ? $" (or its @embed source `{spec.SourceProperty}`)" : string.Empty;
            QueryThrow.Type(TypeRule.T12, syntax.Position, $"insert for `{node.Name}` must provide non-nullable property `{property.Name}`{embedHint}");
        }

        return new InsertNodeStatement(index, node, assignments, embeddings.DrainToImmutable(), syntax.Position);
    }

    private InsertEdgeStatement CheckInsertEdge(InsertSyntax syntax, EdgeType edge, int index)
    {
        QueryExpression? from = null;
        QueryExpression? to = null;
        var properties = ImmutableArray.CreateBuilder<AssignmentSyntax>();
        foreach (var assignment in syntax.Assignments)
        {
            var name = assignment.Property.Text;
            if (name is EdgeFrom or EdgeTo)
            {
                if ((name == EdgeFrom ? from : to) is not null)
                {
                    QueryThrow.Type(TypeRule.T13, assignment.Property.Position, $"duplicate assignment to `{name}` in insert for `{edge.Name}`");
                }

                var value = CheckEndpointValue(assignment, edge);
                if (name == EdgeFrom)
                {
                    from = value;
                }
                else
                {
                    to = value;
                }
            }
            else
            {
                properties.Add(assignment);
            }
        }

        var assignments = CheckAssignments(properties.DrainToImmutable(), edge, "insert");
        if (from is null || to is null)
        {
            var missing = from is null && to is null ? "`from` and `to`" : from is null ? "`from`" : "`to`";
            QueryThrow.Type(TypeRule.T12, syntax.Position, $"insert for edge `{edge.Name}` must provide {missing} (node ids of {edge.From.Name} and {edge.To.Name})");
        }

        foreach (var property in edge.Properties)
        {
            if (!property.IsNullable && property.Default is null && !IsAssigned(assignments, property.Name))
            {
                QueryThrow.Type(TypeRule.T12, syntax.Position, $"insert for `{edge.Name}` must provide non-nullable property `{property.Name}`");
            }
        }

        return new InsertEdgeStatement(index, edge, from, to, assignments, syntax.Position);
    }

    private QueryExpression CheckEndpointValue(AssignmentSyntax assignment, EdgeType edge)
    {
        var value = CheckMutationValue(assignment.Value);
        var position = assignment.Property.Position;
        if (value is LiteralExpression literal && literal.Value.Kind != QueryValueKind.String)
        {
            QueryThrow.Type(TypeRule.T3, position, $"`{assignment.Property.Text}` of `{edge.Name}` is a node id (String), got {DescribeLiteral(literal.Value)}");
        }

        if (value is not LiteralExpression && !value.Type.WithNullable(false).Equals(PropertyType.Of(ScalarKind.String)))
        {
            QueryThrow.Type(TypeRule.T7, position, $"`{assignment.Property.Text}` of `{edge.Name}` is a node id (String), got {Describe(value)}");
        }

        return value;
    }

    private static bool IsAssigned(ImmutableArray<PropertyAssignment> assignments, string name)
    {
        foreach (var assignment in assignments)
        {
            if (assignment.Property.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<PropertyAssignment> CheckAssignments(ImmutableArray<AssignmentSyntax> syntax, GraphElementType type, string verb)
    {
        var assignments = ImmutableArray.CreateBuilder<PropertyAssignment>(syntax.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keyMembers = type is NodeType { Key: { } key } ? key.PropertyNames : [];
        foreach (var assignment in syntax)
        {
            var name = assignment.Property.Text;
            var position = assignment.Property.Position;
            if (!type.TryGetProperty(name, out var property))
            {
                var hint = type.Kind == ElementKind.Node && name is EdgeFrom or EdgeTo ? $"; `{name}` exists only on edge inserts" : string.Empty;
                return QueryThrow.Type<ImmutableArray<PropertyAssignment>>(TypeRule.T11, position, $"{DescribeType(type)} has no property `{name}`{hint}");
            }

            if (!seen.Add(name))
            {
                QueryThrow.Type(TypeRule.T13, position, $"duplicate assignment to `{name}` in {verb} for `{type.Name}`");
            }

            var value = CheckAssignmentValue(property, assignment.Value, position);
            assignments.Add(new PropertyAssignment(property, value, keyMembers.Contains(name), position));
        }

        return assignments.MoveToImmutable();
    }

    /// <summary>A value position of a mutation (or an argument of a call there): literal, declared parameter (T14 otherwise) or function call.</summary>
    private QueryExpression CheckMutationValue(ExpressionSyntax value, FunctionPlaces place = FunctionPlaces.MutationValue) => value switch
    {
        LiteralSyntax literal => Literal(literal),
        CallExpressionSyntax call => CheckCall(call, place, (syntax, _, _, nested) => CheckMutationValue(syntax, nested)),
        VariableReferenceSyntax reference => TryGetParameter(reference.Variable.Name, out var parameter)
            ? UseParameter(parameter, reference.Position)
            : QueryThrow.Type<QueryExpression>(TypeRule.T14, reference.Position, $"`${reference.Variable.Name}` is not a declared parameter of mutation `{_declaration.Name}`"),
        _ => throw new InvalidOperationException("The parser only produces literals, variables and calls here."),
    };

    private QueryExpression CheckAssignmentValue(Property property, ExpressionSyntax syntax, SourcePosition position)
    {
        var value = CheckMutationValue(syntax);
        var target = property.Type;
        switch (value)
        {
            case LiteralExpression literal:
                var converted = ConvertLiteralForAssignment(literal.Value, target, property, position);
                return new LiteralExpression(converted, target.WithNullable(false), literal.Position);
            case FunctionCallExpression call:
                if (!IsAssignable(call.Type, target))
                {
                    QueryThrow.Type(TypeRule.T7, position,
                        $"{call.Function.Name}() is a {call.Type.WithNullable(false).DisplayName} and cannot be assigned to `{property.QualifiedName}` ({target.DisplayName})");
                }

                if (call.Type.IsNullable && !target.IsNullable)
                {
                    QueryThrow.Type(TypeRule.T3, position, $"`{call}` may be null, but `{property.QualifiedName}` is not nullable");
                }

                return value;
            default:
                var parameter = ((ParameterExpression)value).Parameter;
                if (parameter.IsOptional && !target.IsNullable)
                {
                    QueryThrow.Type(TypeRule.T3, position,
                        $"optional parameter `${parameter.Name}` ({parameter.Type.DisplayName}) may be null, but `{property.QualifiedName}` is not nullable");
                }

                if (!IsAssignable(parameter.Type, target))
                {
                    QueryThrow.Type(TypeRule.T7, position,
                        $"parameter `${parameter.Name}` ({parameter.Type.DisplayName}) cannot be assigned to `{property.QualifiedName}` ({target.DisplayName})");
                }

                return value;
        }
    }

    /// <summary>The parameter-to-property assignment rule: exact or losslessly widening types.</summary>
    private static bool IsAssignable(PropertyType parameter, PropertyType target)
    {
        switch (target.Kind)
        {
            case PropertyTypeKind.Enum:
                return parameter.Kind == PropertyTypeKind.Scalar && parameter.Scalar == ScalarKind.String;
            case PropertyTypeKind.Vector:
                return parameter.Kind == PropertyTypeKind.Vector && parameter.VectorDimension == target.VectorDimension;
            case PropertyTypeKind.List:
                return parameter.Kind == PropertyTypeKind.List && ScalarAssignable(parameter.Scalar, target.Scalar);
            default:
                return parameter.Kind == PropertyTypeKind.Scalar && ScalarAssignable(parameter.Scalar, target.Scalar);
        }
    }

    private static bool ScalarAssignable(ScalarKind source, ScalarKind target) =>
        target == ScalarKind.Blob ? source is ScalarKind.String or ScalarKind.Blob : ValueConversion.WidensTo(source, target);

    private static QueryValue ConvertLiteralForAssignment(QueryValue value, PropertyType target, Property property, SourcePosition position)
    {
        switch (target.Kind)
        {
            case PropertyTypeKind.Enum:
                if (value.Kind != QueryValueKind.String)
                {
                    break;
                }

                if (!target.IsEnumValue(value.AsString()))
                {
                    QueryThrow.Type(TypeRule.T3, position,
                        $"invalid enum value '{value.AsString()}' for {property.QualifiedName} (expected: {string.Join(", ", target.EnumValues)})");
                }

                return value;
            case PropertyTypeKind.List:
                if (value.Kind != QueryValueKind.List)
                {
                    break;
                }

                var items = value.AsList();
                var converted = new QueryValue[items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    converted[i] = ConvertScalarLiteral(items[i], target.Scalar)
                        ?? QueryThrow.Type<QueryValue>(TypeRule.T3, position,
                            $"`{property.QualifiedName}` expects {target.DisplayName}, but element {i} is a {DescribeLiteral(items[i])}");
                }

                return QueryValue.FromList([.. converted]);
            case PropertyTypeKind.Vector:
                if (value.Kind != QueryValueKind.List)
                {
                    break;
                }

                var elements = value.AsList();
                if (elements.Length != target.VectorDimension)
                {
                    QueryThrow.Type(TypeRule.T3, position,
                        $"vector property '{property.Name}' expects {target.VectorDimension} dimensions, got {elements.Length}");
                }

                var vector = new float[elements.Length];
                for (var i = 0; i < elements.Length; i++)
                {
                    var component = ConvertScalarLiteral(elements[i], ScalarKind.F32)
                        ?? QueryThrow.Type<QueryValue>(TypeRule.T3, position, $"vector property '{property.Name}' elements must be numeric (finite F32 values)");
                    vector[i] = component.AsFloat32();
                }

                return QueryValue.FromVector(vector);
            default:
                if (value.Kind is QueryValueKind.List)
                {
                    break;
                }

                if (target.Scalar == ScalarKind.Blob)
                {
                    return value.Kind == QueryValueKind.String
                        ? value
                        : QueryThrow.Type<QueryValue>(TypeRule.T3, position, $"Blob property `{property.QualifiedName}` takes a String (\"base64:…\" or a URI), got {DescribeLiteral(value)}");
                }

                if (ConvertScalarLiteral(value, target.Scalar) is { } scalar)
                {
                    return scalar;
                }

                if (value.Kind.IsInteger() && target.Scalar.IsInteger())
                {
                    QueryThrow.Type(TypeRule.T3, position, $"value {value} exceeds {target.Scalar.GetName()} (`{property.QualifiedName}`)");
                }

                break;
        }

        var hint = value.Kind == QueryValueKind.String && target.Kind == PropertyTypeKind.Scalar
            ? target.Scalar == ScalarKind.Date ? "; write dates as date(\"YYYY-MM-DD\")"
            : target.Scalar == ScalarKind.DateTime ? "; write timestamps as datetime(\"…\")" : string.Empty
            : string.Empty;
        return QueryThrow.Type<QueryValue>(TypeRule.T3, position,
            $"`{property.QualifiedName}` expects {target.DisplayName}, got {DescribeLiteral(value)}{hint}");
    }

    /// <summary>A scalar literal as a value of <paramref name="kind"/>, or <c>null</c> when it does not fit.</summary>
    private static QueryValue? ConvertScalarLiteral(QueryValue value, ScalarKind kind)
    {
        switch (kind)
        {
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64:
                return value.Kind.IsInteger() ? ValueConversion.TryConvertIntegerExact(value.AsInteger(), kind) : null;
            case ScalarKind.F32:
                if (!value.IsNumeric)
                {
                    return null;
                }

                var single = value.Kind.IsInteger() ? (float)value.AsInteger() : (float)value.AsDouble();
                return float.IsFinite(single) ? QueryValue.FromFloat32(single) : null;
            case ScalarKind.F64:
                return value.IsNumeric ? QueryValue.FromFloat64(value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble()) : null;
            case ScalarKind.String or ScalarKind.Blob:
                return value.Kind == QueryValueKind.String ? value : null;
            case ScalarKind.Bool:
                return value.Kind == QueryValueKind.Bool ? value : null;
            case ScalarKind.Date:
                return value.Kind == QueryValueKind.Date ? value : null;
            case ScalarKind.DateTime:
                return value.Kind == QueryValueKind.DateTime ? value : null;
            default:
                return null;
        }
    }

    private MutationPredicate CheckWhere(MutationPredicateSyntax syntax, GraphElementType type)
    {
        var name = syntax.Property.Text;
        var position = syntax.Property.Position;
        PredicateSubject subject;
        Property? property = null;
        PropertyType subjectType;
        if (type is EdgeType && name is EdgeFrom or EdgeTo)
        {
            subject = name == EdgeFrom ? PredicateSubject.EdgeSource : PredicateSubject.EdgeTarget;
            subjectType = PropertyType.Of(ScalarKind.String);
        }
        else
        {
            if (!type.TryGetProperty(name, out property))
            {
                var hint = type.Kind == ElementKind.Edge ? "; edges also accept `from` and `to`" : string.Empty;
                return QueryThrow.Type<MutationPredicate>(TypeRule.T11, position, $"{DescribeType(type)} has no property `{name}`{hint}");
            }

            if (property.Type.IsBlob)
            {
                QueryThrow.Type(TypeRule.T11, position, $"Blob property `{property.QualifiedName}` cannot be used in where");
            }

            subject = PredicateSubject.Property;
            subjectType = property.Type;
        }

        var left = new SubjectExpression(name, subjectType, position);
        var value = CheckMutationValue(syntax.Value);
        var (op, domain, _, typedValue) = TypeComparison(left, syntax.Operator, value, TypeRule.T7, syntax.Position);
        return new MutationPredicate(subject, property, op, typedValue, domain, syntax.Position);
    }
}
