namespace OmniGraph.Schema;

/// <summary>Names and classifications of <see cref="ScalarKind"/> values.</summary>
public static class ScalarKinds
{
    private static readonly string[] s_names = ["String", "Bool", "I32", "I64", "U32", "U64", "F32", "F64", "Date", "DateTime", "Blob"];

    /// <summary>The source spelling, for example <c>DateTime</c>.</summary>
    public static string GetName(this ScalarKind kind) => s_names[(int)kind];

    /// <summary>Parses a source spelling (case-sensitive).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out ScalarKind kind)
    {
        for (var i = 0; i < s_names.Length; i++)
        {
            if (name.SequenceEqual(s_names[i]))
            {
                kind = (ScalarKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary><c>true</c> for I32, I64, U32, U64, F32 and F64.</summary>
    public static bool IsNumeric(this ScalarKind kind) => kind is >= ScalarKind.I32 and <= ScalarKind.F64;

    /// <summary><c>true</c> for I32, I64, U32 and U64.</summary>
    public static bool IsInteger(this ScalarKind kind) => kind is >= ScalarKind.I32 and <= ScalarKind.U64;

    /// <summary><c>true</c> for F32 and F64.</summary>
    public static bool IsFloat(this ScalarKind kind) => kind is ScalarKind.F32 or ScalarKind.F64;

    /// <summary>The inclusive value range of an integer kind.</summary>
    public static (Int128 Min, Int128 Max) GetIntegerRange(this ScalarKind kind) => kind switch
    {
        ScalarKind.I32 => (int.MinValue, int.MaxValue),
        ScalarKind.I64 => (long.MinValue, long.MaxValue),
        ScalarKind.U32 => (0, uint.MaxValue),
        ScalarKind.U64 => (0, ulong.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an integer kind"),
    };
}
