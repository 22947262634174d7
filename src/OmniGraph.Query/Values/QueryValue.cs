using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OmniGraph.Query.Values;

/// <summary>
/// One typed value of the query language: a parameter value, a literal, or a cell the execution layer hands to
/// the comparison helpers. A small immutable struct: scalars live in a 64-bit payload (no boxing); strings,
/// lists and vectors reference an immutable payload object.
/// </summary>
/// <remarks>
/// <see cref="Equals(QueryValue)"/> is value equality as grouping needs it: null equals null, numbers of
/// different kinds are equal when they denote the same number (exactly, never through rounding), NaN equals
/// NaN and -0.0 equals 0.0. Filter comparisons with SQL null semantics are in <see cref="QueryValueComparer"/>.
/// </remarks>
public readonly struct QueryValue : IEquatable<QueryValue>
{
    private readonly object? _reference;
    private readonly long _bits;

    private QueryValue(QueryValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>SQL NULL.</summary>
    public static QueryValue Null => default;

    /// <summary>The value's kind; <see cref="QueryValueKind.Null"/> for <c>default</c>.</summary>
    public QueryValueKind Kind { get; }

    /// <summary><c>true</c> for SQL NULL.</summary>
    public bool IsNull => Kind == QueryValueKind.Null;

    /// <summary><c>true</c> for any numeric kind.</summary>
    public bool IsNumeric => Kind.IsNumeric();

    /// <summary>A boolean value.</summary>
    public static QueryValue FromBool(bool value) => new(QueryValueKind.Bool, value ? 1 : 0, null);

    /// <summary>An I32 value.</summary>
    public static QueryValue FromInt32(int value) => new(QueryValueKind.I32, value, null);

    /// <summary>An I64 value.</summary>
    public static QueryValue FromInt64(long value) => new(QueryValueKind.I64, value, null);

    /// <summary>A U32 value.</summary>
    public static QueryValue FromUInt32(uint value) => new(QueryValueKind.U32, value, null);

    /// <summary>A U64 value.</summary>
    public static QueryValue FromUInt64(ulong value) => new(QueryValueKind.U64, unchecked((long)value), null);

    /// <summary>An F32 value.</summary>
    public static QueryValue FromFloat32(float value) => new(QueryValueKind.F32, BitConverter.SingleToInt32Bits(value), null);

    /// <summary>An F64 value.</summary>
    public static QueryValue FromFloat64(double value) => new(QueryValueKind.F64, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A string value (also used for enum values and Blob references).</summary>
    public static QueryValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(QueryValueKind.String, 0, value);
    }

    /// <summary>A date as days since 1970-01-01.</summary>
    public static QueryValue FromDate(int daysSinceEpoch) => new(QueryValueKind.Date, daysSinceEpoch, null);

    /// <summary>A timestamp as milliseconds since the Unix epoch.</summary>
    public static QueryValue FromDateTime(long millisecondsSinceEpoch) => new(QueryValueKind.DateTime, millisecondsSinceEpoch, null);

    /// <summary>A list; items must be non-null and not lists themselves.</summary>
    public static QueryValue FromList(ImmutableArray<QueryValue> items)
    {
        if (items.IsDefault)
        {
            throw new ArgumentException("The list must be initialized.", nameof(items));
        }

        foreach (var item in items)
        {
            if (item.Kind is QueryValueKind.Null or QueryValueKind.List or QueryValueKind.Vector)
            {
                throw new ArgumentException("List items must be non-null scalars.", nameof(items));
            }
        }

        return new(QueryValueKind.List, items.Length, ImmutableCollectionsMarshal.AsArray(items));
    }

    /// <summary>A vector (the values are copied).</summary>
    public static QueryValue FromVector(ReadOnlySpan<float> values) => new(QueryValueKind.Vector, values.Length, values.ToArray());

    /// <summary>The boolean payload.</summary>
    public bool AsBool() => Expect(QueryValueKind.Bool)._bits != 0;

    /// <summary>The I32 payload.</summary>
    public int AsInt32() => (int)Expect(QueryValueKind.I32)._bits;

    /// <summary>The I64 payload.</summary>
    public long AsInt64() => Expect(QueryValueKind.I64)._bits;

    /// <summary>The U32 payload.</summary>
    public uint AsUInt32() => (uint)Expect(QueryValueKind.U32)._bits;

    /// <summary>The U64 payload.</summary>
    public ulong AsUInt64() => unchecked((ulong)Expect(QueryValueKind.U64)._bits);

    /// <summary>The F32 payload.</summary>
    public float AsFloat32() => BitConverter.Int32BitsToSingle((int)Expect(QueryValueKind.F32)._bits);

    /// <summary>The F64 payload.</summary>
    public double AsFloat64() => BitConverter.Int64BitsToDouble(Expect(QueryValueKind.F64)._bits);

    /// <summary>The string payload.</summary>
    public string AsString() => (string)Expect(QueryValueKind.String)._reference!;

    /// <summary>Days since 1970-01-01.</summary>
    public int AsDate() => (int)Expect(QueryValueKind.Date)._bits;

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long AsDateTime() => Expect(QueryValueKind.DateTime)._bits;

    /// <summary>The list items.</summary>
    public ImmutableArray<QueryValue> AsList() =>
        ImmutableCollectionsMarshal.AsImmutableArray((QueryValue[])Expect(QueryValueKind.List)._reference!);

    /// <summary>The vector components.</summary>
    public ReadOnlySpan<float> AsVector() => (float[])Expect(QueryValueKind.Vector)._reference!;

    /// <summary>
    /// An integer value of any integer kind widened to <see cref="Int128"/> (exact).
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public Int128 AsInteger() => Kind switch
    {
        QueryValueKind.I32 or QueryValueKind.I64 or QueryValueKind.U32 => _bits,
        QueryValueKind.U64 => unchecked((ulong)_bits),
        _ => throw WrongKind("an integer"),
    };

    /// <summary>A float value of either float kind widened to <see cref="double"/> (exact).</summary>
    /// <exception cref="InvalidOperationException">The value is not a float.</exception>
    public double AsDouble() => Kind switch
    {
        QueryValueKind.F32 => BitConverter.Int32BitsToSingle((int)_bits),
        QueryValueKind.F64 => BitConverter.Int64BitsToDouble(_bits),
        _ => throw WrongKind("a float"),
    };

    /// <inheritdoc />
    public bool Equals(QueryValue other) => QueryValueComparer.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QueryValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => QueryValueComparer.GetHashCode(this);

    /// <summary>
    /// Renders the value as it would be written in a query: strings quoted, dates as <c>date("…")</c>,
    /// lists in brackets, null as <c>null</c>.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    public static bool operator ==(QueryValue left, QueryValue right) => left.Equals(right);

    public static bool operator !=(QueryValue left, QueryValue right) => !left.Equals(right);

    internal long RawBits => _bits;

    internal object? RawReference => _reference;

    private void AppendTo(StringBuilder builder)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (Kind)
        {
            case QueryValueKind.Null: builder.Append("null"); break;
            case QueryValueKind.Bool: builder.Append(_bits != 0 ? "true" : "false"); break;
            case QueryValueKind.I32 or QueryValueKind.I64 or QueryValueKind.U32 or QueryValueKind.U64:
                builder.Append(AsInteger().ToString(invariant));
                break;
            case QueryValueKind.F32: builder.Append(AsFloat32().ToString("R", invariant)); break;
            case QueryValueKind.F64: builder.Append(AsFloat64().ToString("R", invariant)); break;
            case QueryValueKind.String: builder.Append('"').Append(Escape((string)_reference!)).Append('"'); break;
            case QueryValueKind.Date: builder.Append("date(\"").Append(TemporalText.FormatDate((int)_bits)).Append("\")"); break;
            case QueryValueKind.DateTime: builder.Append("datetime(\"").Append(TemporalText.FormatDateTime(_bits)).Append("\")"); break;
            case QueryValueKind.List:
                builder.Append('[');
                var items = (QueryValue[])_reference!;
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    items[i].AppendTo(builder);
                }

                builder.Append(']');
                break;
            case QueryValueKind.Vector:
                builder.Append('[').AppendJoin(", ", ((float[])_reference!).Select(f => f.ToString("R", invariant))).Append(']');
                break;
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);

    private QueryValue Expect(QueryValueKind kind) => Kind == kind ? this : throw WrongKind(kind.ToString());

    private InvalidOperationException WrongKind(string expected) => new($"The value is {Kind}, not {expected}.");
}
