using System.Globalization;
using System.Text;
using OmniGraph.Arrow;

namespace OmniGraph.Testing.Tables;

/// <summary>
/// One stored cell as text, the way tests state expected values: invariant numbers (floating point round-trippable),
/// <c>true</c>/<c>false</c>, blobs in base64, vectors and lists as <c>[a,b]</c>; a null cell is <c>null</c>.
/// </summary>
public static class CellText
{
    /// <summary>The text of row <paramref name="row"/> of <paramref name="column"/>, or <c>null</c> when the cell is null.</summary>
    /// <exception cref="NotSupportedException">The column's type has no text form here (add one rather than guess).</exception>
    public static string? Render(ArrowColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.IsNull(row))
        {
            return null;
        }

        return column switch
        {
            Utf8Column text => text.GetString(row),
            BinaryColumn bytes => Convert.ToBase64String(bytes.GetBytes(row)),
            BooleanColumn flags => flags.GetValue(row) ? "true" : "false",
            PrimitiveColumn<int> ints => ints.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> longs => longs.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<uint> uints => uints.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<ulong> ulongs => ulongs.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<float> floats => floats.GetValue(row).ToString("R", CultureInfo.InvariantCulture),
            PrimitiveColumn<double> doubles => doubles.GetValue(row).ToString("R", CultureInfo.InvariantCulture),
            FixedSizeListColumn vectors => Vector(vectors.GetVector(row)),
            ListColumn list => List(list.GetValues(row)),
            _ => throw new NotSupportedException($"no text form for a {column.Type} cell"),
        };
    }

    private static string Vector(ReadOnlySpan<float> values)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < values.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    private static string List(ArrowColumn items)
    {
        // A null item renders as nothing between its commas.
        var text = new StringBuilder("[");
        for (var i = 0; i < items.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(Render(items, i));
        }

        return text.Append(']').ToString();
    }
}
