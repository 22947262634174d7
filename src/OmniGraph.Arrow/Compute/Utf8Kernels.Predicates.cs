using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow.Compute;

public static partial class Utf8Kernels
{
    /// <summary>Whether each value starts with <paramref name="prefix"/> (exact bytes: case-sensitive, code point for code point).</summary>
    public static BooleanColumn StartsWith(Utf8Column strings, ReadOnlySpan<byte> prefix) =>
        Test(strings, prefix, static (value, constant) => value.StartsWith(constant));

    /// <summary>Whether <paramref name="text"/> starts with each value.</summary>
    public static BooleanColumn StartsWith(ReadOnlySpan<byte> text, Utf8Column prefixes) =>
        Test(prefixes, text, static (value, constant) => constant.StartsWith(value));

    /// <summary>Whether each value of <paramref name="strings"/> starts with the value of <paramref name="prefixes"/> in the same slot (null when either is).</summary>
    public static BooleanColumn StartsWith(Utf8Column strings, Utf8Column prefixes) =>
        Test(strings, prefixes, static (value, other) => value.StartsWith(other));

    /// <summary>Whether each value contains <paramref name="fragment"/> (exact, case-sensitive substring; every value contains "").</summary>
    public static BooleanColumn Contains(Utf8Column strings, ReadOnlySpan<byte> fragment) =>
        Test(strings, fragment, static (value, constant) => value.IndexOf(constant) >= 0);

    /// <summary>Whether <paramref name="text"/> contains each value.</summary>
    public static BooleanColumn Contains(ReadOnlySpan<byte> text, Utf8Column fragments) =>
        Test(fragments, text, static (value, constant) => constant.IndexOf(value) >= 0);

    /// <summary>Whether each value of <paramref name="strings"/> contains the value of <paramref name="fragments"/> in the same slot (null when either is).</summary>
    public static BooleanColumn Contains(Utf8Column strings, Utf8Column fragments) =>
        Test(strings, fragments, static (value, other) => value.IndexOf(other) >= 0);

    private delegate bool BytesTest(ReadOnlySpan<byte> value, ReadOnlySpan<byte> other);

    /// <summary>A column against a constant: the result's nulls are the column's (its bitmap is shared).</summary>
    private static BooleanColumn Test(Utf8Column strings, ReadOnlySpan<byte> constant, BytesTest test)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var length = strings.Length;
        var offsets = strings.Offsets;
        var data = strings.Data;
        var bits = new byte[BitUtility.BytesForBits(length)];
        for (var i = 0; i < length; i++)
        {
            if (test(data[offsets[i]..offsets[i + 1]], constant))
            {
                BitUtility.SetBit(bits, i);
            }
        }

        return new BooleanColumn(length, bits, 0, strings.ValidityMemory, strings.ValidityBitOffset, strings.NullCount);
    }

    /// <summary>Two columns slot by slot: a slot is null when either input's is.</summary>
    private static BooleanColumn Test(Utf8Column left, Utf8Column right, BytesTest test)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"the columns differ in length ({left.Length} and {right.Length})", nameof(right));
        }

        var length = left.Length;
        var bits = new byte[BitUtility.BytesForBits(length)];
        for (var i = 0; i < length; i++)
        {
            if (test(left.GetBytes(i), right.GetBytes(i)))
            {
                BitUtility.SetBit(bits, i);
            }
        }

        var (validity, nulls) = BothValid(left, right);
        return new BooleanColumn(length, bits, 0, validity, 0, nulls);
    }

    /// <summary>The validity of a slot-wise combination: valid where both inputs are (no bitmap when neither has a null).</summary>
    private static (ReadOnlyMemory<byte> Bits, int NullCount) BothValid(ArrowColumn left, ArrowColumn right)
    {
        if (left.NullCount == 0 && right.NullCount == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, 0);
        }

        var bits = new byte[BitUtility.BytesForBits(left.Length)];
        var nulls = 0;
        for (var i = 0; i < left.Length; i++)
        {
            if (left.IsValid(i) && right.IsValid(i))
            {
                BitUtility.SetBit(bits, i);
            }
            else
            {
                nulls++;
            }
        }

        return (bits, nulls);
    }
}
