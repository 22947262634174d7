using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Telemetry;

/// <summary>
/// <c>omnigraph.store.requests</c> counts each request a backend serves, by backend and kind, failures included. The
/// meter is process-wide, so these tests run alone (no other test's requests land in their counts).
/// </summary>
[Collection(Name)]
public sealed class ObjectStoreMetricsTests : IDisposable
{
    public const string Name = "store-metrics";

    private readonly ConcurrentQueue<(string Backend, string Request)> _requests = new();
    private readonly MeterListener _listener = new();

    public ObjectStoreMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ObjectStoreMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? backend = null, request = null;
            foreach (var tag in tags)
            {
                backend = tag.Key == ObjectStoreMetrics.BackendTag ? (string?)tag.Value : backend;
                request = tag.Key == ObjectStoreMetrics.RequestTag ? (string?)tag.Value : request;
            }

            for (var i = 0; i < value; i++)
            {
                _requests.Enqueue((backend!, request!));
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task MemoryStore_CountsEachRequestByKind_FailuresIncluded()
    {
        var store = new MemoryObjectStore();
        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => store.PutAsync("a", Bytes.Utf8("2"), WriteCondition.IfNotExists).AsTask());
        await store.GetAsync("a");
        await store.GetRangeAsync("a", 0, 1);
        await store.ListAsync("");
        await store.DeleteAsync("a", WriteCondition.None);

        Assert.Equal(
            [("memory", "delete"), ("memory", "get"), ("memory", "list"), ("memory", "put"), ("memory", "put"), ("memory", "range_get")],
            _requests.Order());
    }

    [Fact]
    public async Task LocalStore_CountsItsRequests()
    {
        using var directory = new TempDirectory();
        var store = new LocalDirectoryObjectStore(directory.Path);
        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);
        await store.GetPropertiesAsync("a");
        Assert.Equal([("local", "properties"), ("local", "put")], _requests.Order());
    }

    [Fact]
    public void EveryRequestKind_HasASnakeCaseName()
    {
        Assert.Equal("range_get", ObjectStoreMetrics.NameOf(ObjectStoreRequestKind.RangeGet));
        Assert.Equal("acquire_lease", ObjectStoreMetrics.NameOf(ObjectStoreRequestKind.AcquireLease));
        Assert.Equal("prepare_put", ObjectStoreMetrics.NameOf(ObjectStoreRequestKind.PreparePut));
    }
}

[CollectionDefinition(ObjectStoreMetricsTests.Name, DisableParallelization = true)]
public sealed class ObjectStoreMetricsCollection;
