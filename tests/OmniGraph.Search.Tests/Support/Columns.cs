using OmniGraph.Arrow;

namespace OmniGraph.Search.Tests;

/// <summary>Builds the Arrow columns the indexes read, as a fragment of a load would hold them.</summary>
internal static class Columns
{
    /// <summary>A String column (null entries are null rows).</summary>
    public static Utf8Column Text(params string?[] values)
    {
        var builder = new Utf8ColumnBuilder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    /// <summary>A <c>Vector(dimension)</c> column (null entries are null rows).</summary>
    public static FixedSizeListColumn Vectors(int dimension, params float[]?[] rows)
    {
        var builder = new FixedSizeListColumnBuilder(ArrowType.Vector(dimension));
        foreach (var row in rows)
        {
            if (row is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.AppendValues<float>(row);
            }
        }

        return builder.Build();
    }

    /// <summary>An I32 column, for the "not a text / vector property" refusals.</summary>
    public static ArrowColumn Integers(params int[] values)
    {
        var builder = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        builder.AppendRange(values);
        return builder.Build();
    }
}
