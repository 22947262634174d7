using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Abstractions.Serialization;
using OmniGraph.Execution.Hosting;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Writes;
using OmniGraph.Ingest;
using OmniGraph.Persistence;
using OmniGraph.Query;
using OmniGraph.Schema;
using OmniGraph.Storage;
using OmniGraph.Testing.Serialization;
using Orleans.Serialization;

namespace OmniGraph.Execution.Tests.Serialization;

/// <summary>
/// Everything that crosses a grain boundary survives Orleans' real serializer and copier: every argument and result
/// type of every method of every grain interface (found by reflection, internal ones included), Arrow batches and
/// columns of every type, and every error type with its code, kind, message, details and inner error. What a silo
/// hands another silo or a client is what the caller gets.
/// </summary>
public sealed class GrainBoundarySerializationTests : IDisposable
{
    private static readonly Assembly[] s_grainAssemblies = [typeof(IManifestGrain).Assembly, typeof(GraphWriteCoordinator).Assembly];

    private readonly ServiceProvider _services = new ServiceCollection().AddOmniGraphSerialization().BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    private DeepCopier Copier => _services.GetRequiredService<DeepCopier>();

    public static TheoryData<string> WireTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in BoundaryTypes().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<string> ErrorTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in OmniGraphErrorTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void EveryGrainInterface_IsFound()
    {
        var interfaces = GrainInterfaces.Find(s_grainAssemblies);
        Assert.Contains(typeof(IManifestGrain), interfaces);
        Assert.Contains(typeof(ITableBranchGrain), interfaces);
        Assert.Contains(typeof(IQueryGrain), interfaces);
        Assert.Contains(typeof(IMutationGrain), interfaces);
        Assert.Contains(typeof(ILoadSessionGrain), interfaces);
        Assert.Contains(typeof(IGraphExportGrain), interfaces);
        Assert.Contains(typeof(IBranchMergeGrain), interfaces);
        Assert.True(BoundaryTypes().Count > 40, $"only {BoundaryTypes().Count} boundary types found");
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void EveryArgumentAndResultType_RoundTrips(string typeName)
    {
        var type = BoundaryTypes()[typeName];
        var sample = WireSamples.Of(type);

        var roundTripped = RoundTrip(type, sample);
        WireEquality.AssertEqual(sample, roundTripped, type.Name);

        var copied = Copy(type, sample);
        WireEquality.AssertEqual(sample, copied, type.Name);
    }

    [Fact]
    public void ArrowData_CrossesWithItsBuffers_AndIsNotCopiedWithinASilo()
    {
        var batch = WireSamples.Batch();

        var roundTripped = (RecordBatch)RoundTrip(typeof(RecordBatch), batch)!;
        WireEquality.AssertEqual(batch, roundTripped, "batch");
        Assert.Same(batch, Copier.Copy(batch));
        foreach (var column in batch.Columns)
        {
            WireEquality.AssertEqual(column, RoundTrip(typeof(ArrowColumn), column), column.Type.ToString());
            WireEquality.AssertEqual(column, RoundTrip(column.GetType(), column), column.Type.ToString());
            Assert.Same(column, Copier.Copy<object>(column));
        }

        // The same batch twice in one message is written once.
        var twice = Serializer.SerializeToArray<RecordBatch[]>([batch, batch]);
        Assert.True(twice.Length < Serializer.SerializeToArray(batch).Length * 3 / 2, "a repeated batch is written once");
        var read = Serializer.Deserialize<RecordBatch[]>(twice)!;
        Assert.Same(read[0], read[1]);
    }

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public void EveryErrorType_KeepsItsType_Code_Kind_Message_Details_AndInnerError(string typeName)
    {
        var type = OmniGraphErrorTypes().Single(t => t.FullName == typeName);
        var details = ErrorDetails.Of(
            ErrorDetail.Key.With("tables/node-000001/v.json"),
            ErrorDetail.Reason.With("it is damaged"),
            ErrorDetail.Line.With(7),
            ErrorDetail.Max.With(null),
            ErrorDetail.IsEdge.With(true));
        var inner = new OmniGraphException(ErrorCodes.StoreUnavailable, "disk", new InvalidOperationException("deeper"));
        var error = OmniGraphException.Rebuild(type, ErrorCodes.CorruptObject, $"a {type.Name}", details, inner);

        var roundTripped = (Exception)RoundTrip(typeof(Exception), error)!;
        WireEquality.AssertEqual(error, roundTripped, type.Name);
        Assert.Same(error, Copier.Copy<Exception>(error));
        Assert.Same(error, Copier.Copy(error));
    }

    [Fact]
    public void EveryCode_RoundTrips_WithItsKind()
    {
        foreach (var (code, kind) in ErrorCatalog.All)
        {
            var roundTripped = (OmniGraphException)RoundTrip(typeof(Exception), new OmniGraphException(code, $"an error {code}"))!;
            Assert.Equal((code, kind), (roundTripped.Code, roundTripped.Kind));
        }
    }

    [Fact]
    public void ThrownError_ArrivesWithTheRemoteStackTrace()
    {
        OmniGraphException thrown;
        try
        {
            throw new ReadSetChangedException("graph_head:main", "v1", "v2");
        }
        catch (ReadSetChangedException error)
        {
            thrown = error;
        }

        var roundTripped = Assert.IsType<ReadSetChangedException>(RoundTrip(typeof(Exception), thrown));
        Assert.Equal(("graph_head:main", "v1", "v2"), (roundTripped.Member, roundTripped.Expected, roundTripped.Actual));
        Assert.Contains(nameof(ThrownError_ArrivesWithTheRemoteStackTrace), roundTripped.StackTrace, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private object? RoundTrip(Type type, object? value) =>
        typeof(GrainBoundarySerializationTests).GetMethod(nameof(RoundTripAs), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [Serializer, value]);

    private object? Copy(Type type, object? value) =>
        typeof(GrainBoundarySerializationTests).GetMethod(nameof(CopyAs), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [Copier, value]);

    private static T? RoundTripAs<T>(Serializer serializer, object? value) => serializer.Deserialize<T>(serializer.SerializeToArray((T)value!));

    private static T CopyAs<T>(DeepCopier copier, object? value) => copier.Copy((T)value!);

    /// <summary>Every parameter and result type of every grain method (tasks and async streams unwrapped), by name.</summary>
    private static Dictionary<string, Type> BoundaryTypes()
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var grain in GrainInterfaces.Find(s_grainAssemblies))
        {
            foreach (var method in grain.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var type in method.GetParameters().Select(static p => p.ParameterType).Append(method.ReturnType))
                {
                    var unwrapped = Unwrap(type);
                    if (unwrapped is not null && unwrapped != typeof(CancellationToken))
                    {
                        types[unwrapped.ToString()] = unwrapped;
                    }
                }
            }
        }

        return types;
    }

    private static Type? Unwrap(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void))
        {
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type;
    }

    /// <summary>Every concrete error type of the product's assemblies.</summary>
    private static IEnumerable<Type> OmniGraphErrorTypes() =>
        new[]
        {
            typeof(OmniGraphException), typeof(ObjectNotFoundException), typeof(SchemaException), typeof(QueryException),
            typeof(IngestException), typeof(GrainStateCorruptException), typeof(ReadSetChangedException),
            typeof(SimulatedCrashException), typeof(QueryExecutionOptions),
        }
            .Select(static t => t.Assembly)
            .Distinct()
            .SelectMany(static a => a.GetTypes())
            .Where(static t => typeof(OmniGraphException).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(static t => t.FullName, StringComparer.Ordinal);
}
