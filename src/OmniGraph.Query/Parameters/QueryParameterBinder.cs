using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Typing;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Parameters;

/// <summary>
/// Binds parameter values to a compiled query (languages.md §2.10): a JSON object keyed by parameter names
/// (without <c>$</c>), each value converted to the declared type; or already typed values.
/// </summary>
/// <remarks>
/// <para>
/// Conversions: String and Blob ← string; integers ← JSON integer (no fraction, no exponent) or integer string,
/// range-checked; F32/F64 ←
/// number (F32 must stay finite); Bool ← boolean; Date ← <c>"YYYY-MM-DD"</c>; DateTime ← RFC 3339 string;
/// <c>[T]</c> ← array, element-wise; <c>Vector(N)</c> ← array of exactly N numbers.
/// </para>
/// <para>
/// An optional parameter that is omitted or null is SQL NULL; null for a required one is an error; a required
/// parameter the query references must be supplied. Keys that declare nothing are ignored, except
/// <see cref="NowParameterName"/>, which pins the execution's <c>now()</c> (a timestamp string or epoch
/// milliseconds); otherwise <c>now()</c> is read from the clock once per binding.
/// </para>
/// </remarks>
public static class QueryParameterBinder
{
    /// <summary>The reserved key that carries <c>now()</c>; queries cannot declare it.</summary>
    public const string NowParameterName = "__omnigraph_now";

    /// <summary>Binds a JSON params document given as text (<c>null</c> or blank means no parameters).</summary>
    /// <exception cref="QueryException">A value does not fit, or the document is not a JSON object.</exception>
    public static QueryParameterValues Bind(CompiledQuery query, string? json, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Bind(query, default(JsonElement), clock);
        }

        using var document = ParseDocument(json);
        return Bind(query, document.RootElement, clock);
    }

    /// <summary>Binds a JSON params document given as UTF-8 (empty means no parameters).</summary>
    /// <exception cref="QueryException">A value does not fit, or the document is not a JSON object.</exception>
    public static QueryParameterValues Bind(CompiledQuery query, ReadOnlyMemory<byte> utf8Json, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (utf8Json.IsEmpty)
        {
            return Bind(query, default(JsonElement), clock);
        }

        using var document = ParseDocument(utf8Json);
        return Bind(query, document.RootElement, clock);
    }

    /// <summary>Binds a parsed params object (<c>default</c> means no parameters).</summary>
    /// <exception cref="QueryException">A value does not fit, or the element is not a JSON object.</exception>
    public static QueryParameterValues Bind(CompiledQuery query, JsonElement parameters, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hasObject = parameters.ValueKind != JsonValueKind.Undefined;
        if (hasObject && parameters.ValueKind != JsonValueKind.Object)
        {
            QueryThrow.InvalidParameterDocument($"params must be a JSON object, got {JsonKind(parameters)}");
        }

        var declared = query.Parameters;
        var values = new QueryValue[declared.Length];
        var provided = new bool[declared.Length];
        foreach (var parameter in declared)
        {
            if (hasObject && parameters.TryGetProperty(parameter.Name, out var element))
            {
                values[parameter.Ordinal] = FromJson(parameter.Name, element, parameter.Type);
                provided[parameter.Ordinal] = true;
            }
            else
            {
                provided[parameter.Ordinal] = parameter.IsOptional;
            }
        }

        long? now = null;
        if (hasObject && parameters.TryGetProperty(NowParameterName, out var nowElement))
        {
            now = ParseNow(nowElement);
        }

        return Finish(query, values, provided, now, clock);
    }

    /// <summary>
    /// Binds already typed values by parameter name. Each value must fit the declared type under the same rules
    /// as JSON (numbers convert exactly between kinds; strings convert to Date/DateTime; a numeric list fills a
    /// vector).
    /// </summary>
    /// <exception cref="QueryException">A value does not fit.</exception>
    public static QueryParameterValues Bind(CompiledQuery query, IReadOnlyDictionary<string, QueryValue> parameters, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(parameters);
        var declared = query.Parameters;
        var values = new QueryValue[declared.Length];
        var provided = new bool[declared.Length];
        foreach (var parameter in declared)
        {
            if (parameters.TryGetValue(parameter.Name, out var value))
            {
                values[parameter.Ordinal] = FromValue(parameter.Name, value, parameter.Type);
                provided[parameter.Ordinal] = true;
            }
            else
            {
                provided[parameter.Ordinal] = parameter.IsOptional;
            }
        }

        long? now = null;
        if (parameters.TryGetValue(NowParameterName, out var nowValue))
        {
            now = FromValue(NowParameterName, nowValue, PropertyType.Of(ScalarKind.DateTime)).AsDateTime();
        }

        return Finish(query, values, provided, now, clock);
    }

    private static QueryParameterValues Finish(CompiledQuery query, QueryValue[] values, bool[] provided, long? now, TimeProvider? clock)
    {
        foreach (var parameter in query.ReferencedParameters)
        {
            if (!provided[parameter.Ordinal])
            {
                QueryThrow.MissingParameter(parameter.Name);
            }
        }

        var timestamp = now ?? (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        return new QueryParameterValues(query.Parameters, values, provided, timestamp);
    }

    private static JsonDocument ParseDocument(string json) => ParseDocument(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Parses the document; a syntax error is described in our words with its line and column (<see cref="JsonSyntax"/>).</summary>
    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            var reason = JsonSyntax.FindError(json.Span)?.ToString()
                ?? (exception.BytePositionInLine is { } column ? $"line {exception.LineNumber + 1}, column {column + 1}: the JSON cannot be read here" : "the JSON cannot be read");
            QueryThrow.InvalidParameterDocument($"params are not valid JSON: {reason}", exception);
            throw;
        }
    }

    private static long ParseNow(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var millis))
        {
            return millis;
        }

        return FromJson(NowParameterName, element, PropertyType.Of(ScalarKind.DateTime)).AsDateTime();
    }

    private static QueryValue FromJson(string name, JsonElement element, PropertyType type)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return type.IsNullable ? QueryValue.Null : QueryThrow.InvalidParameter<QueryValue>(name, "null is not accepted for non-nullable parameter");
        }

        switch (type.Kind)
        {
            case PropertyTypeKind.List:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    QueryThrow.InvalidParameter(name, $"expected array, got {JsonKind(element)}");
                }

                var items = new QueryValue[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        QueryThrow.InvalidParameter(name, $"element {index}: null is not accepted in a list");
                    }

                    items[index] = ScalarFromJson(name, item, type.Scalar, index);
                    index++;
                }

                return QueryValue.FromList(ImmutableArray.Create(items));
            case PropertyTypeKind.Vector:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    QueryThrow.InvalidParameter(name, $"expected array, got {JsonKind(element)}");
                }

                var count = element.GetArrayLength();
                if (count != type.VectorDimension)
                {
                    QueryThrow.InvalidParameter(name, $"expected {type.VectorDimension} values for Vector({type.VectorDimension}), got {count}");
                }

                var vector = new float[count];
                var position = 0;
                foreach (var component in element.EnumerateArray())
                {
                    vector[position] = ScalarFromJson(name, component, ScalarKind.F32, position).AsFloat32();
                    position++;
                }

                return QueryValue.FromVector(vector);
            default:
                return ScalarFromJson(name, element, type.Scalar, elementIndex: null);
        }
    }

    private static QueryValue ScalarFromJson(string name, JsonElement element, ScalarKind kind, int? elementIndex)
    {
        var prefix = elementIndex is { } i ? $"element {i}: " : string.Empty;
        switch (kind)
        {
            case ScalarKind.String or ScalarKind.Blob:
                return element.ValueKind == JsonValueKind.String
                    ? QueryValue.FromString(element.GetString()!)
                    : Mismatch(name, prefix, "string", element);
            case ScalarKind.Bool:
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? QueryValue.FromBool(element.GetBoolean())
                    : Mismatch(name, prefix, "boolean", element);
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64:
                var integer = ReadInteger(name, prefix, element);
                return ValueConversion.TryConvertIntegerExact(integer, kind)
                    ?? QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}value {integer} exceeds {kind.GetName()}");
            case ScalarKind.F32 or ScalarKind.F64:
                if (element.ValueKind != JsonValueKind.Number)
                {
                    return Mismatch(name, prefix, "number", element);
                }

                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    QueryThrow.InvalidParameter(name, $"{prefix}value {element.GetRawText()} exceeds {kind.GetName()}");
                }

                if (kind == ScalarKind.F64)
                {
                    return QueryValue.FromFloat64(number);
                }

                var single = (float)number;
                return float.IsFinite(single)
                    ? QueryValue.FromFloat32(single)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}value {element.GetRawText()} exceeds F32");
            case ScalarKind.Date:
                if (element.ValueKind != JsonValueKind.String)
                {
                    return Mismatch(name, prefix, "string", element);
                }

                return TemporalText.TryParseDate(element.GetString(), out var days)
                    ? QueryValue.FromDate(days)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}invalid date '{element.GetString()}' (expected YYYY-MM-DD)");
            default:
                if (element.ValueKind != JsonValueKind.String)
                {
                    return Mismatch(name, prefix, "string", element);
                }

                return TemporalText.TryParseDateTime(element.GetString(), out var millis)
                    ? QueryValue.FromDateTime(millis)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}invalid datetime '{element.GetString()}' (expected RFC 3339, e.g. 2024-06-01T12:00:00Z)");
        }
    }

    /// <summary>
    /// A JSON integer, or a string holding one. As in the data format, an integer is written as one: <c>1.0</c> and
    /// <c>1e2</c> are numbers with a fraction or an exponent, not integers, and are refused whatever their value.
    /// </summary>
    private static Int128 ReadInteger(string name, string prefix, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            var raw = element.GetRawText();
            if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
            {
                return QueryThrow.InvalidParameter<Int128>(name, $"{prefix}expected integer, got number {ErrorText.Quote(raw)} (an integer has no fraction or exponent)");
            }

            return Int128.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? integer
                : QueryThrow.InvalidParameter<Int128>(name, $"{prefix}value {ErrorText.Quote(raw)} is out of range for an integer parameter");
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            return Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : QueryThrow.InvalidParameter<Int128>(name, $"{prefix}expected integer, got string \"{ErrorText.Quote(text)}\"");
        }

        return QueryThrow.InvalidParameter<Int128>(name, $"{prefix}expected integer, got {JsonKind(element)}");
    }

    private static QueryValue Mismatch(string name, string prefix, string expected, JsonElement element) =>
        QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}expected {expected}, got {JsonKind(element)}");

    private static string JsonKind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static QueryValue FromValue(string name, QueryValue value, PropertyType type)
    {
        if (value.IsNull)
        {
            return type.IsNullable ? value : QueryThrow.InvalidParameter<QueryValue>(name, "null is not accepted for non-nullable parameter");
        }

        switch (type.Kind)
        {
            case PropertyTypeKind.List:
                if (value.Kind != QueryValueKind.List)
                {
                    break;
                }

                var items = value.AsList();
                var converted = new QueryValue[items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    converted[i] = ScalarFromValue(name, items[i], type.Scalar, $"element {i}: ");
                }

                return QueryValue.FromList(ImmutableArray.Create(converted));
            case PropertyTypeKind.Vector:
                if (value.Kind == QueryValueKind.Vector)
                {
                    return value.AsVector().Length == type.VectorDimension
                        ? value
                        : QueryThrow.InvalidParameter<QueryValue>(name, $"expected {type.VectorDimension} values for Vector({type.VectorDimension}), got {value.AsVector().Length}");
                }

                if (value.Kind != QueryValueKind.List)
                {
                    break;
                }

                var elements = value.AsList();
                if (elements.Length != type.VectorDimension)
                {
                    QueryThrow.InvalidParameter(name, $"expected {type.VectorDimension} values for Vector({type.VectorDimension}), got {elements.Length}");
                }

                var vector = new float[elements.Length];
                for (var i = 0; i < elements.Length; i++)
                {
                    vector[i] = ScalarFromValue(name, elements[i], ScalarKind.F32, $"element {i}: ").AsFloat32();
                }

                return QueryValue.FromVector(vector);
            default:
                if (value.Kind is QueryValueKind.List or QueryValueKind.Vector)
                {
                    break;
                }

                return ScalarFromValue(name, value, type.Scalar, string.Empty);
        }

        return QueryThrow.InvalidParameter<QueryValue>(name, $"expected {type.WithNullable(false).DisplayName}, got {value.Kind}");
    }

    private static QueryValue ScalarFromValue(string name, QueryValue value, ScalarKind kind, string prefix)
    {
        switch (kind)
        {
            case ScalarKind.String or ScalarKind.Blob when value.Kind == QueryValueKind.String:
            case ScalarKind.Bool when value.Kind == QueryValueKind.Bool:
            case ScalarKind.Date when value.Kind == QueryValueKind.Date:
            case ScalarKind.DateTime when value.Kind == QueryValueKind.DateTime:
                return value;
            case ScalarKind.Date when value.Kind == QueryValueKind.String:
                return TemporalText.TryParseDate(value.AsString(), out var days)
                    ? QueryValue.FromDate(days)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}invalid date '{value.AsString()}' (expected YYYY-MM-DD)");
            case ScalarKind.DateTime when value.Kind == QueryValueKind.String:
                return TemporalText.TryParseDateTime(value.AsString(), out var millis)
                    ? QueryValue.FromDateTime(millis)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}invalid datetime '{value.AsString()}' (expected RFC 3339, e.g. 2024-06-01T12:00:00Z)");
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64 when value.Kind.IsInteger():
                return ValueConversion.TryConvertIntegerExact(value.AsInteger(), kind)
                    ?? QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}value {value} exceeds {kind.GetName()}");
            case ScalarKind.F32 or ScalarKind.F64 when value.IsNumeric:
                var number = value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble();
                if (kind == ScalarKind.F64)
                {
                    return QueryValue.FromFloat64(number);
                }

                return float.IsFinite((float)number) || !double.IsFinite(number)
                    ? QueryValue.FromFloat32((float)number)
                    : QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}value {value} exceeds F32");
            default:
                return QueryThrow.InvalidParameter<QueryValue>(name, $"{prefix}expected {kind.GetName()}, got {value.Kind}");
        }
    }
}
