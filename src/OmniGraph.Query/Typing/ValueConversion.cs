using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

/// <summary>Exact conversions of literal and parameter values between numeric kinds.</summary>
internal static class ValueConversion
{
    /// <summary>The integer as a value of <paramref name="target"/> when it is representable exactly, else <c>null</c>.</summary>
    public static QueryValue? TryConvertIntegerExact(Int128 value, ScalarKind target)
    {
        switch (target)
        {
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64:
                var (min, max) = target.GetIntegerRange();
                return value < min || value > max ? null : FromInteger(value, target);
            case ScalarKind.F32:
                var single = (float)value;
                return float.IsFinite(single) && (Int128)single == value ? QueryValue.FromFloat32(single) : null;
            case ScalarKind.F64:
                var dbl = (double)value;
                return double.IsFinite(dbl) && (Int128)dbl == value ? QueryValue.FromFloat64(dbl) : null;
            default:
                return null;
        }
    }

    /// <summary>An integer value of an integer kind; the caller has range-checked it.</summary>
    public static QueryValue FromInteger(Int128 value, ScalarKind kind) => kind switch
    {
        ScalarKind.I32 => QueryValue.FromInt32((int)value),
        ScalarKind.I64 => QueryValue.FromInt64((long)value),
        ScalarKind.U32 => QueryValue.FromUInt32((uint)value),
        ScalarKind.U64 => QueryValue.FromUInt64((ulong)value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an integer kind"),
    };

    /// <summary>
    /// <c>true</c> when every value of <paramref name="source"/> converts exactly to <paramref name="target"/>
    /// (the rule for assigning a parameter to a property): integers widen into integer kinds whose range
    /// contains theirs; F64 holds F32, I32 and U32; F32 holds only F32.
    /// </summary>
    public static bool WidensTo(ScalarKind source, ScalarKind target)
    {
        if (source == target)
        {
            return true;
        }

        if (source.IsInteger() && target.IsInteger())
        {
            var (sourceMin, sourceMax) = source.GetIntegerRange();
            var (targetMin, targetMax) = target.GetIntegerRange();
            return sourceMin >= targetMin && sourceMax <= targetMax;
        }

        return target == ScalarKind.F64 && source is ScalarKind.F32 or ScalarKind.I32 or ScalarKind.U32;
    }
}
