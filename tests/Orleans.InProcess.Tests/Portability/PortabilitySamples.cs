using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Orleans.InProcess.Tests.Portability.Samples;

// Grain interfaces for the portability checker only (no grain classes: they are never called).

public enum Colour
{
    Red,
    Green,
}

[GenerateSerializer]
public sealed class SerializableBox
{
    [Id(0)]
    public List<int> Values { get; set; } = [];
}

[GenerateSerializer]
public sealed class Page<T>
{
    [Id(0)]
    public T[] Items { get; set; } = [];
}

[Immutable]
public sealed class FrozenThing(int value)
{
    public int Value { get; } = value;
}

public sealed record ImmutableRecord(string Name, int Count, IReadOnlyList<Colour> Colours, ImmutableArray<Guid> Ids);

public sealed record NestedRecord(ImmutableRecord Inner, IReadOnlyDictionary<string, ImmutableRecord?> ByName);

public readonly record struct PointRecord(int X, int Y);

public sealed record TreeRecord(string Label, IReadOnlyList<TreeRecord> Children);

public sealed record MutableRecord
{
    public string Name { get; set; } = string.Empty;
}

public sealed record RecordWithMutableMember(string Name, List<int> Values);

public sealed class PlainClass
{
    public int Value { get; set; }
}

/// <summary>Uses every accepted form: nothing to report.</summary>
public interface ICleanGrain : IGrainWithStringKey
{
    Task Nothing();

    Task<int> Primitive(int a, long b, bool c, double d, decimal e, char f, string g, Guid h, DateTime i, DateTimeOffset j, TimeSpan k, DateOnly l, Uri m);

    ValueTask<Colour?> Nullable(Colour? colour, int? number);

    Task<SerializableBox> Serializable(SerializableBox box, Page<ImmutableRecord> page);

    ValueTask Immutable(FrozenThing thing, Immutable<SerializableBox> wrapped);

    Task<ImmutableRecord> Records(ImmutableRecord record, NestedRecord nested, PointRecord point, TreeRecord tree);

    Task<IReadOnlyList<ImmutableRecord>> Collections(ImmutableDictionary<string, int> map, IReadOnlySet<string> set, KeyValuePair<string, Colour> pair, (int, string) tuple, int[] array, byte[] bytes);

    IAsyncEnumerable<ImmutableRecord> Stream(int count, CancellationToken cancellationToken);

    Task<ICleanGrain> References(ICleanGrain other);

    Task ParameterMarkedImmutable([Immutable] PlainClass value);

    [return: Immutable]
    Task<PlainClass> ReturnMarkedImmutable();
}

public interface ISyncReturnSample : IGrainWithStringKey
{
    int Count();
}

public interface ITwoTokensSample : IGrainWithStringKey
{
    Task Work(CancellationToken first, CancellationToken second);
}

public interface ITokenNotLastSample : IGrainWithStringKey
{
    Task Work(CancellationToken cancellationToken, int value);
}

public interface IByRefSample : IGrainWithStringKey
{
    Task Work(ref int value);
}

public interface IGenericMethodSample : IGrainWithStringKey
{
    Task<T> Echo<T>(T value);
}

public interface IMutableArgumentsSample : IGrainWithStringKey
{
    Task<List<int>> Lists(Dictionary<string, int> map);

    Task Plain(PlainClass value);

    Task Records(MutableRecord mutable, RecordWithMutableMember member);

    Task Nested(IReadOnlyList<PlainClass> values, Page<PlainClass> page);

    Task<object> Untyped(object value);
}
