namespace OmniGraph.Arrow.Internal;

/// <summary>Which CLR value type stores each fixed-width Arrow type.</summary>
internal static class PrimitiveTypes
{
    public static Type? ClrTypeOf(ArrowTypeId id) => id switch
    {
        ArrowTypeId.Int32 or ArrowTypeId.Date32 => typeof(int),
        ArrowTypeId.Int64 or ArrowTypeId.Timestamp => typeof(long),
        ArrowTypeId.UInt32 => typeof(uint),
        ArrowTypeId.UInt64 => typeof(ulong),
        ArrowTypeId.Float32 => typeof(float),
        ArrowTypeId.Float64 => typeof(double),
        _ => null,
    };

    public static void CheckStorage<T>(ArrowType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ClrTypeOf(type.Id) != typeof(T))
        {
            throw new ArgumentException($"{type} is not stored as {typeof(T).Name}.", nameof(type));
        }
    }
}
