namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>Terse column construction for tests: null entries become null slots.</summary>
internal static class Col
{
    public static Utf8Column Utf8(params string?[] values)
    {
        var builder = new Utf8ColumnBuilder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    public static BinaryColumn Binary(params byte[]?[] values)
    {
        var builder = new BinaryColumnBuilder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    public static BooleanColumn Bool(params bool?[] values)
    {
        var builder = new BooleanColumnBuilder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    public static PrimitiveColumn<T> Of<T>(ArrowType type, params T?[] values)
        where T : unmanaged
    {
        var builder = new PrimitiveColumnBuilder<T>(type);
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    public static PrimitiveColumn<int> Int32(params int?[] values) => Of(ArrowType.Int32, values);

    public static PrimitiveColumn<long> Int64(params long?[] values) => Of(ArrowType.Int64, values);

    public static FixedSizeListColumn Vector(int dimensions, params float[]?[] values)
    {
        var builder = new FixedSizeListColumnBuilder(ArrowType.Vector(dimensions));
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.AppendValues<float>(value);
            }
        }

        return builder.Build();
    }

    public static ListColumn List<T>(ArrowType valueType, params T?[]?[] values)
        where T : unmanaged =>
        ListOf<PrimitiveColumnBuilder<T>, T?>(valueType, values, static (items, item) => items.Append(item));

    public static ListColumn ListOfUtf8(params string?[]?[] values) =>
        ListOf<Utf8ColumnBuilder, string?>(ArrowType.Utf8, values, static (items, item) => items.Append(item));

    private static ListColumn ListOf<TItems, TItem>(ArrowType valueType, TItem[]?[] values, Action<TItems, TItem> append)
        where TItems : ArrowColumnBuilder
    {
        var builder = new ListColumnBuilder(ArrowType.List(valueType));
        var items = builder.GetValueBuilder<TItems>();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
                continue;
            }

            builder.StartList();
            foreach (var item in value)
            {
                append(items, item);
            }
        }

        return builder.Build();
    }
}
