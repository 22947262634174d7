using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>
/// Turns a value a mutation assigns (a literal, a parameter or <c>now()</c>) into a value of the property's kind and
/// applies the schema's write-time rules: required, enum set, <c>@range</c>, <c>@check</c>, vector dimensions, Blob
/// payloads. The messages are the documented ones (languages.md §1.8), so a mutation and a load that break the same
/// rule say the same thing.
/// </summary>
/// <remarks>
/// Conversions are exact: the type checker only lets a parameter reach a property whose type holds every value of the
/// parameter's type (I32 into I64, F32 into F64, ...), so a value that does not convert exactly is refused, never rounded.
/// </remarks>
internal static class ValueAssignment
{
    private const string Base64Prefix = "base64:";

    /// <summary>Converts and checks the value <paramref name="property"/> of <paramref name="owner"/> is assigned.</summary>
    /// <exception cref="OmniGraphException">The value breaks a rule.</exception>
    public static FieldValue Assign(GraphElementType owner, Property property, QueryValue value)
    {
        if (value.IsNull)
        {
            if (!property.IsNullable)
            {
                Throw(ErrorCodes.ConstraintViolation, owner, property, $"missing required property '{property.Name}': {owner.Name}.{property.Name} is not nullable");
            }

            return FieldValue.Null;
        }

        var type = property.Type;
        switch (type.Kind)
        {
            case PropertyTypeKind.Enum:
                if (value.Kind != QueryValueKind.String)
                {
                    ThrowMismatch(owner, property, value);
                }

                if (!type.IsEnumValue(value.AsString()))
                {
                    Throw(ErrorCodes.ConstraintViolation, owner, property,
                        $"invalid enum value '{value.AsString()}' for {owner.Name}.{property.Name} (expected: {string.Join(", ", type.EnumValues)})");
                }

                return FieldValue.Of(value);
            case PropertyTypeKind.List:
                return FieldValue.Of(AssignList(owner, property, value));
            case PropertyTypeKind.Vector:
                return FieldValue.Of(AssignVector(owner, property, value));
            default:
                if (type.Scalar == ScalarKind.Blob)
                {
                    return FieldValue.OfBlob(DecodeBlob(owner, property, value));
                }

                var scalar = ConvertScalar(owner, property, type.Scalar, value);
                CheckRules(owner, property, scalar);
                return FieldValue.Of(scalar);
        }
    }

    /// <summary>
    /// The value as a value of scalar kind <paramref name="kind"/> when it converts exactly (numbers across numeric
    /// kinds, strings to strings, ...); <c>false</c> when it does not. No rule is applied.
    /// </summary>
    public static bool TryConvertScalar(QueryValue value, ScalarKind kind, out QueryValue converted)
    {
        converted = default;
        switch (kind)
        {
            case ScalarKind.String or ScalarKind.Blob:
                if (value.Kind != QueryValueKind.String)
                {
                    return false;
                }

                converted = value;
                return true;
            case ScalarKind.Bool:
                return Same(value, QueryValueKind.Bool, ref converted);
            case ScalarKind.Date:
                return Same(value, QueryValueKind.Date, ref converted);
            case ScalarKind.DateTime:
                return Same(value, QueryValueKind.DateTime, ref converted);
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64:
                if (!TryGetExactInteger(value, out var integer))
                {
                    return false;
                }

                var (min, max) = kind.GetIntegerRange();
                if (integer < min || integer > max)
                {
                    return false;
                }

                converted = kind switch
                {
                    ScalarKind.I32 => QueryValue.FromInt32((int)integer),
                    ScalarKind.I64 => QueryValue.FromInt64((long)integer),
                    ScalarKind.U32 => QueryValue.FromUInt32((uint)integer),
                    _ => QueryValue.FromUInt64((ulong)integer),
                };
                return true;
            case ScalarKind.F32:
                if (!value.IsNumeric)
                {
                    return false;
                }

                if (value.Kind == QueryValueKind.F32)
                {
                    converted = value;
                    return true;
                }

                var asDouble = value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble();
                var single = (float)asDouble;
                if (!float.IsFinite(single) || (double)single != asDouble || (value.Kind.IsInteger() && (Int128)single != value.AsInteger()))
                {
                    return false;
                }

                converted = QueryValue.FromFloat32(single);
                return true;
            case ScalarKind.F64:
                if (!value.IsNumeric)
                {
                    return false;
                }

                if (value.Kind.IsFloat())
                {
                    converted = QueryValue.FromFloat64(value.AsDouble());
                    return true;
                }

                var dbl = (double)value.AsInteger();
                if (!double.IsFinite(dbl) || (Int128)dbl != value.AsInteger())
                {
                    return false;
                }

                converted = QueryValue.FromFloat64(dbl);
                return true;
            default:
                return false;
        }
    }

    private static bool Same(QueryValue value, QueryValueKind kind, ref QueryValue converted)
    {
        if (value.Kind != kind)
        {
            return false;
        }

        converted = value;
        return true;
    }

    private static bool TryGetExactInteger(QueryValue value, out Int128 integer)
    {
        if (value.Kind.IsInteger())
        {
            integer = value.AsInteger();
            return true;
        }

        integer = default;
        return value.Kind.IsFloat() && NumericOrder.TryGetExactInteger(value.AsDouble(), out integer);
    }

    private static QueryValue ConvertScalar(GraphElementType owner, Property property, ScalarKind kind, QueryValue value)
    {
        if (TryConvertScalar(value, kind, out var converted))
        {
            return converted;
        }

        if (value.IsNumeric && kind.IsNumeric())
        {
            var range = kind switch
            {
                ScalarKind.I32 => "Int32",
                ScalarKind.I64 => "Int64",
                ScalarKind.U32 => "UInt32",
                ScalarKind.U64 => "UInt64",
                ScalarKind.F32 => "Float32",
                _ => "Float64",
            };
            Throw(ErrorCodes.InvalidData, owner, property, $"property '{property.Name}' value {Render(value)} exceeds {range} range");
        }

        ThrowMismatch(owner, property, value);
        return default;
    }

    private static QueryValue AssignList(GraphElementType owner, Property property, QueryValue value)
    {
        if (value.Kind != QueryValueKind.List)
        {
            ThrowMismatch(owner, property, value);
        }

        var items = value.AsList();
        var converted = new QueryValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryConvertScalar(items[i], property.Type.Scalar, out converted[i]))
            {
                Throw(ErrorCodes.InvalidData, owner, property,
                    $"property '{property.Name}' item {i} expects {property.Type.Scalar.GetName()}, got {Render(items[i])}");
            }
        }

        return QueryValue.FromList([.. converted]);
    }

    private static QueryValue AssignVector(GraphElementType owner, Property property, QueryValue value)
    {
        var dimension = property.Type.VectorDimension;
        if (value.Kind == QueryValueKind.Vector)
        {
            var components = value.AsVector();
            if (components.Length != dimension)
            {
                ThrowDimensions(owner, property, components.Length);
            }

            foreach (var component in components)
            {
                if (!float.IsFinite(component))
                {
                    ThrowNotNumeric(owner, property);
                }
            }

            return value;
        }

        if (value.Kind != QueryValueKind.List)
        {
            ThrowMismatch(owner, property, value);
        }

        var items = value.AsList();
        if (items.Length != dimension)
        {
            ThrowDimensions(owner, property, items.Length);
        }

        var vector = new float[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!items[i].IsNumeric)
            {
                ThrowNotNumeric(owner, property);
            }

            var number = items[i].Kind.IsInteger() ? (double)items[i].AsInteger() : items[i].AsDouble();
            vector[i] = (float)number;
            if (!float.IsFinite(vector[i]))
            {
                ThrowNotNumeric(owner, property);
            }
        }

        return QueryValue.FromVector(vector);
    }

    private static byte[] DecodeBlob(GraphElementType owner, Property property, QueryValue value)
    {
        if (value.Kind != QueryValueKind.String)
        {
            ThrowMismatch(owner, property, value);
        }

        var text = value.AsString();
        if (!text.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            Throw(ErrorCodes.PolicyDenied, owner, property,
                $"property '{property.Name}' holds an external blob reference '{Excerpt(text)}': external blob references are not allowed by policy; supply the bytes inline as \"base64:…\"");
        }

        var payload = text.AsSpan(Base64Prefix.Length);

        // Convert's decoder skips whitespace; the format's base64 (standard alphabet, padded) allows none.
        var bytes = new byte[(payload.Length / 4 * 3) + 3];
        if (payload.IndexOfAny(" \t\r\n") >= 0 || payload.Length % 4 != 0 || !Convert.TryFromBase64Chars(payload, bytes, out var written))
        {
            Throw(ErrorCodes.InvalidData, owner, property,
                $"property '{property.Name}' holds invalid base64 data (expected standard, padded base64 after \"base64:\")");
            return [];
        }

        return bytes.AsSpan(0, written).ToArray();
    }

    private static void CheckRules(GraphElementType owner, Property property, QueryValue value)
    {
        var rules = PropertyRules.Of(property);
        foreach (var range in rules.Ranges)
        {
            RangeViolation violation;
            string text;
            if (value.Kind.IsInteger())
            {
                violation = range.Evaluate(value.AsInteger());
                text = value.AsInteger().ToString(CultureInfo.InvariantCulture);
            }
            else if (value.Kind.IsFloat())
            {
                var number = value.AsDouble();
                violation = range.Evaluate(number);
                text = !double.IsFinite(number) ? number.ToString(CultureInfo.InvariantCulture)
                    : value.Kind == QueryValueKind.F32 ? CanonicalKeys.FormatFloat32((float)number)
                    : CanonicalKeys.FormatFloat64(number);
            }
            else
            {
                continue;
            }

            if (violation != RangeViolation.None)
            {
                Throw(ErrorCodes.ConstraintViolation, owner, property, range.FormatViolation(violation, text));
            }
        }

        if (rules.Checks.Length > 0 && value.Kind == QueryValueKind.String)
        {
            var text = value.AsString();
            foreach (var check in rules.Checks)
            {
                if (!check.IsMatch(text))
                {
                    Throw(ErrorCodes.ConstraintViolation, owner, property, check.FormatViolation(text));
                }
            }
        }
    }

    private static string Render(QueryValue value) => value.Kind switch
    {
        QueryValueKind.String => $"'{Excerpt(value.AsString())}'",
        QueryValueKind.F32 => value.AsFloat32().ToString("R", CultureInfo.InvariantCulture),
        QueryValueKind.F64 => value.AsFloat64().ToString("R", CultureInfo.InvariantCulture),
        _ when value.Kind.IsInteger() => value.AsInteger().ToString(CultureInfo.InvariantCulture),
        _ => value.Kind.ToString(),
    };

    private static string Excerpt(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    [DoesNotReturn]
    private static void ThrowMismatch(GraphElementType owner, Property property, QueryValue value) =>
        Throw(ErrorCodes.InvalidData, owner, property, $"property '{property.Name}' expects {property.Type.DisplayName}, got {value.Kind} {Render(value)}");

    [DoesNotReturn]
    private static void ThrowDimensions(GraphElementType owner, Property property, int count) =>
        Throw(ErrorCodes.ConstraintViolation, owner, property, $"vector property '{property.Name}' expects {property.Type.VectorDimension} dimensions, got {count}");

    [DoesNotReturn]
    private static void ThrowNotNumeric(GraphElementType owner, Property property) =>
        Throw(ErrorCodes.ConstraintViolation, owner, property, $"vector property '{property.Name}' elements must be numeric (finite Float32 values)");

    [DoesNotReturn]
    private static void Throw(string code, GraphElementType owner, Property property, string message) =>
        throw EngineErrors.MutationValue(code, owner.Name, property.Name, message);
}
