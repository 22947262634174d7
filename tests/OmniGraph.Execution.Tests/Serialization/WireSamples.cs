using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using OmniGraph.Arrow;

namespace OmniGraph.Execution.Tests.Serialization;

/// <summary>
/// A representative value of every type that crosses a grain boundary, made by reflection: records through their
/// widest public constructor with a sample for each parameter, collections with two elements, enums at their last
/// value, Arrow data with every column type (and nulls). A type it cannot make is reported, never skipped.
/// </summary>
internal static class WireSamples
{
    public static object? Of(Type type, int depth = 0)
    {
        if (depth > 12)
        {
            throw new InvalidOperationException($"no finite sample of {type}");
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying, depth + 1);
        }

        if (type == typeof(string))
        {
            return "node:Sample";
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsPrimitive)
        {
            return Convert.ChangeType(7, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(decimal))
        {
            return 7.5m;
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(7);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        }

        if (type == typeof(Guid))
        {
            return new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        }

        if (type == typeof(byte[]))
        {
            return new byte[] { 1, 2, 3 };
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>([1, 2, 3]);
        }

        if (type == typeof(RecordBatch))
        {
            return Batch();
        }

        if (type == typeof(ArrowColumn) || type == typeof(Utf8Column))
        {
            return Utf8("a", null, "ccc");
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 2);
            array.SetValue(Of(element, depth + 1), 0);
            array.SetValue(Of(element, depth + 1), 1);
            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(ImmutableArray<>))
            {
                var items = Array.CreateInstance(arguments[0], 2);
                items.SetValue(Of(arguments[0], depth + 1), 0);
                items.SetValue(Of(arguments[0], depth + 1), 1);
                return typeof(ImmutableArray).GetMethods()
                    .Single(static m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                    .MakeGenericMethod(arguments[0])
                    .Invoke(null, [items]);
            }

            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(List<>) || definition == typeof(IList<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                list.Add(Of(arguments[0], depth + 1));
                list.Add(Of(arguments[0], depth + 1));
                return list;
            }

            if (definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary.Add(Of(arguments[0], depth + 1)!, Of(arguments[1], depth + 1));
                if (definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>))
                {
                    var factory = definition == typeof(ImmutableDictionary<,>) ? typeof(ImmutableDictionary) : typeof(ImmutableSortedDictionary);
                    return factory.GetMethods()
                        .Single(static m => m.Name == nameof(ImmutableDictionary.CreateRange) && m.GetParameters().Length == 1)
                        .MakeGenericMethod(arguments)
                        .Invoke(null, [dictionary]);
                }

                return dictionary;
            }
        }

        if (type.IsAbstract)
        {
            var concrete = type.Assembly.GetTypes().FirstOrDefault(t => !t.IsAbstract && type.IsAssignableFrom(t) && t.GetConstructors().Length > 0)
                ?? throw new InvalidOperationException($"no concrete type for {type}");
            return Of(concrete, depth + 1);
        }

        var constructor = type.GetConstructors().OrderByDescending(static c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type} has no public constructor to sample");
        var arguments2 = constructor.GetParameters().Select(p => Of(p.ParameterType, depth + 1)).ToArray();
        try
        {
            return constructor.Invoke(arguments2);
        }
        catch (TargetInvocationException exception)
        {
            throw new InvalidOperationException($"cannot sample {type}: {exception.InnerException?.Message}", exception.InnerException);
        }
    }

    /// <summary>A batch with a column of every Arrow type the engine stores, with nulls, sliced so offsets and bitmaps do not start at zero.</summary>
    public static RecordBatch Batch()
    {
        var int64 = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        var int32 = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var float64 = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        var float32 = new PrimitiveColumnBuilder<float>(ArrowType.Float32);
        var date = new PrimitiveColumnBuilder<int>(ArrowType.Date32);
        var timestamp = new PrimitiveColumnBuilder<long>(ArrowType.TimestampMillisecondUtc);
        var flags = new BooleanColumnBuilder();
        var blobs = new BinaryColumnBuilder();
        var tags = new ListColumnBuilder(ArrowType.List(ArrowType.Utf8));
        var vectors = new FixedSizeListColumnBuilder(ArrowType.Vector(2));
        for (var i = 0; i < 9; i++)
        {
            int64.Append(i % 3 == 1 ? null : i * 1_000_000_007L);
            int32.Append(i % 4 == 2 ? null : -i);
            float64.Append(i == 3 ? double.NaN : i % 5 == 4 ? null : i * 0.5);
            float32.Append(i % 2 == 0 ? null : i / 3f);
            date.Append(i == 5 ? null : 19_000 + i);
            timestamp.Append(i == 6 ? null : 1_700_000_000_000L + i);
            flags.Append(i % 3 == 0 ? null : i % 2 == 0);
            blobs.Append(i == 7 ? null : Enumerable.Repeat((byte)i, i).ToArray());
            if (i == 4)
            {
                tags.AppendNull();
                vectors.AppendNull();
            }
            else
            {
                tags.StartList();
                tags.GetValueBuilder<Utf8ColumnBuilder>().Append($"t{i}");
                tags.GetValueBuilder<Utf8ColumnBuilder>().AppendNull();
                vectors.AppendValues<float>([i, -i]);
            }
        }

        var ids = Utf8([.. Enumerable.Range(0, 9).Select(static i => i == 2 ? null : $"id-{i}")]);
        ArrowColumn[] columns = [ids, int64.Build(), int32.Build(), float64.Build(), float32.Build(), date.Build(), timestamp.Build(), flags.Build(), blobs.Build(), tags.Build(), vectors.Build()];
        string[] names = ["id", "count", "small", "score", "ratio", "day", "at", "flag", "blob", "tags", "embedding"];
        var schema = new ArrowSchema(columns.Select((c, i) => new ArrowField(names[i], c.Type, isNullable: true)), ArrowMetadata.Of(("table", "node:Sample")));
        return new RecordBatch(schema, columns).Slice(3, 5);
    }

    private static Utf8Column Utf8(params string?[] values)
    {
        var builder = new Utf8ColumnBuilder();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.Build();
    }
}
