using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

internal sealed partial class QueryTypeChecker
{
    /// <summary>
    /// Types <c>left op right</c> (filters, inline matches, mutation predicates) and returns the resolved operator,
    /// its domain and the operands with numeric literals converted to the kind they meet when that is exact.
    /// Literal mismatches report <paramref name="literalRule"/> (T3 in inline matches, T7 elsewhere); every other
    /// mismatch is T7.
    /// </summary>
    private (ComparisonOperator Operator, ComparisonDomain Domain, QueryExpression Left, QueryExpression Right) TypeComparison(
        QueryExpression left,
        FilterOperatorSyntax op,
        QueryExpression right,
        TypeRule literalRule,
        SourcePosition position)
    {
        var leftType = left.Type;
        var rightType = right.Type;
        var mismatchRule = left is LiteralExpression || right is LiteralExpression ? literalRule : TypeRule.T7;
        switch (op)
        {
            case FilterOperatorSyntax.Contains:
                if (leftType.IsList)
                {
                    if (!IsComparableScalar(rightType))
                    {
                        QueryThrow.Type(TypeRule.T7, position, $"contains tests membership of a single value; {Describe(right)} is not a scalar");
                    }

                    var isEmptyLiteral = left is LiteralExpression { Value.Kind: QueryValueKind.List } emptyList && emptyList.Value.AsList().IsEmpty;
                    var elementDomain = DomainOf(PropertyType.Of(leftType.Scalar));
                    var itemDomain = DomainOf(rightType);
                    if (!isEmptyLiteral && elementDomain != itemDomain)
                    {
                        QueryThrow.Type(mismatchRule, position, $"cannot test membership of {Describe(right)} in {Describe(left)}");
                    }

                    return (ComparisonOperator.ListContains, itemDomain ?? ComparisonDomain.String, left, CoerceForComparison(right, PropertyType.Of(leftType.Scalar)));
                }

                if (leftType.IsVector)
                {
                    QueryThrow.Type(TypeRule.T7, position, $"contains does not apply to Vector values ({Describe(left)})");
                }

                if (!IsStringLike(leftType))
                {
                    QueryThrow.Type(TypeRule.T7, position, $"contains needs a list or a String on the left, got {Describe(left)}");
                }

                if (!IsStringLike(rightType))
                {
                    QueryThrow.Type(mismatchRule, position, $"String contains needs a String on the right, got {Describe(right)}");
                }

                return (ComparisonOperator.StringContains, ComparisonDomain.String, left, right);

            case FilterOperatorSyntax.StartsWith:
                if (!IsStringLike(leftType) || !IsStringLike(rightType))
                {
                    QueryThrow.Type(mismatchRule, position, $"starts_with needs Strings on both sides, got {Describe(left)} and {Describe(right)}");
                }

                return (ComparisonOperator.StartsWith, ComparisonDomain.String, left, right);

            default:
                var resolved = ToOperator(op);
                RequireComparableScalar(left, position);
                RequireComparableScalar(right, position);
                var leftDomain = DomainOf(leftType)!.Value;
                var rightDomain = DomainOf(rightType)!.Value;
                if (leftDomain != rightDomain)
                {
                    QueryThrow.Type(mismatchRule, position, $"cannot compare {Describe(left)} with {Describe(right)}{TemporalHint(leftDomain, rightDomain)}");
                }

                if (resolved is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
                {
                    CheckEnumLiteral(left, right, literalRule, position);
                    CheckEnumLiteral(right, left, literalRule, position);
                }

                return (resolved, leftDomain, CoerceForComparison(left, rightType), CoerceForComparison(right, leftType));
        }
    }

    private static ComparisonOperator ToOperator(FilterOperatorSyntax op) => op switch
    {
        FilterOperatorSyntax.Equal => ComparisonOperator.Equal,
        FilterOperatorSyntax.NotEqual => ComparisonOperator.NotEqual,
        FilterOperatorSyntax.Less => ComparisonOperator.Less,
        FilterOperatorSyntax.LessOrEqual => ComparisonOperator.LessOrEqual,
        FilterOperatorSyntax.Greater => ComparisonOperator.Greater,
        FilterOperatorSyntax.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
        FilterOperatorSyntax.Contains => ComparisonOperator.ListContains,
        _ => ComparisonOperator.StartsWith,
    };

    private static void RequireComparableScalar(QueryExpression operand, SourcePosition position)
    {
        var type = operand.Type;
        if (type.IsList)
        {
            QueryThrow.Type(TypeRule.T7, position, $"list values cannot be compared with =, <, …: {Describe(operand)}; use `contains` for membership");
        }

        if (type.IsVector)
        {
            QueryThrow.Type(TypeRule.T7, position, $"Vector values cannot be compared: {Describe(operand)}");
        }

        if (type.IsBlob)
        {
            QueryThrow.Type(TypeRule.T7, position, $"Blob values cannot be compared: {Describe(operand)}");
        }
    }

    /// <summary>A literal compared for (in)equality with an enum property must be one of its values.</summary>
    private static void CheckEnumLiteral(QueryExpression subject, QueryExpression value, TypeRule rule, SourcePosition position)
    {
        if (subject.Type.IsEnum && value is LiteralExpression { Value.Kind: QueryValueKind.String } literal && !subject.Type.IsEnumValue(literal.Value.AsString()))
        {
            QueryThrow.Type(rule, position, $"value '{literal.Value.AsString()}' is not in {subject.Type.WithNullable(false).DisplayName} ({Describe(subject)})");
        }
    }

    private static string TemporalHint(ComparisonDomain left, ComparisonDomain right) =>
        (left, right) switch
        {
            (ComparisonDomain.Date, ComparisonDomain.String) or (ComparisonDomain.String, ComparisonDomain.Date) => "; write dates as date(\"YYYY-MM-DD\")",
            (ComparisonDomain.DateTime, ComparisonDomain.String) or (ComparisonDomain.String, ComparisonDomain.DateTime) => "; write timestamps as datetime(\"…\")",
            _ => string.Empty,
        };

    /// <summary>The comparison domain of a scalar type, or <c>null</c> for lists, vectors and Blobs.</summary>
    private static ComparisonDomain? DomainOf(PropertyType type)
    {
        if (type.Kind == PropertyTypeKind.Enum)
        {
            return ComparisonDomain.String;
        }

        if (type.Kind != PropertyTypeKind.Scalar)
        {
            return null;
        }

        return type.Scalar switch
        {
            ScalarKind.String => ComparisonDomain.String,
            ScalarKind.Bool => ComparisonDomain.Bool,
            ScalarKind.Date => ComparisonDomain.Date,
            ScalarKind.DateTime => ComparisonDomain.DateTime,
            ScalarKind.Blob => null,
            _ => ComparisonDomain.Numeric,
        };
    }

    private static bool IsComparableScalar(PropertyType type) => DomainOf(type) is not null;

    private static bool IsStringLike(PropertyType type) => DomainOf(type) == ComparisonDomain.String;

    /// <summary>
    /// Converts a numeric literal to the numeric kind of the operand it is compared with when the conversion is
    /// exact (so execution compares like with like). A decimal met by an F32 operand is rounded to F32: the
    /// column's values were rounded the same way when stored, so <c>ratio = 0.1</c> finds the stored 0.1.
    /// Anything else is left as written and compared exactly.
    /// </summary>
    private static QueryExpression CoerceForComparison(QueryExpression operand, PropertyType other)
    {
        if (operand is not LiteralExpression literal || !literal.Value.IsNumeric || other.Kind != PropertyTypeKind.Scalar || !other.Scalar.IsNumeric())
        {
            return operand;
        }

        var value = literal.Value;
        var target = other.Scalar;
        QueryValue? converted = null;
        if (value.Kind.IsInteger())
        {
            converted = ValueConversion.TryConvertIntegerExact(value.AsInteger(), target);
        }
        else if (target == ScalarKind.F32)
        {
            var rounded = (float)value.AsDouble();
            converted = float.IsFinite(rounded) ? QueryValue.FromFloat32(rounded) : null;
        }
        else if (target.IsInteger() && NumericOrder.TryGetExactInteger(value.AsDouble(), out var integral))
        {
            converted = ValueConversion.TryConvertIntegerExact(integral, target);
        }

        return converted is { } result
            ? new LiteralExpression(result, PropertyType.Of(target), literal.Position)
            : operand;
    }

    /// <summary>How messages name an operand: <c>`$p.age` (I32?)</c>, <c>`$q` (String)</c>, <c>String literal "x"</c>.</summary>
    private static string Describe(QueryExpression expression) => expression switch
    {
        PropertyExpression property => $"`{property}` ({property.Type.DisplayName})",
        ParameterExpression parameter => $"`${parameter.Parameter.Name}` ({parameter.Type.DisplayName})",
        LiteralExpression literal => DescribeLiteral(literal.Value),
        FunctionCallExpression call => $"{call} ({call.Type.DisplayName})",
        SubjectExpression subject => $"`{subject.Name}` ({subject.Type.DisplayName})",
        _ => $"`{expression}` ({expression.Type.DisplayName})",
    };

    /// <summary>Stands for the tested column of a mutation predicate while it is typed like a filter operand.</summary>
    private sealed class SubjectExpression(string name, PropertyType type, SourcePosition position) : QueryExpression(type, position)
    {
        public string Name => name;

        public override ExpressionKind Kind => ExpressionKind.Property;
    }
}
