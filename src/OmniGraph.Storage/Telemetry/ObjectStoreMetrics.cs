using System.Diagnostics.Metrics;

namespace OmniGraph.Storage;

/// <summary>
/// Object-store requests as a metric (docs/telemetry.md): <c>omnigraph.store.requests</c> on the meter
/// <see cref="MeterName"/>, by backend (<c>local</c>, <c>memory</c>, <c>azure_blob</c>) and request kind
/// (<see cref="ObjectStoreRequestKind"/>, as <see cref="CountingObjectStore"/> counts them). Each backend counts its own
/// requests as they start, whether they succeed or fail; a warm read counts none. Without a listener a request costs a
/// check of <see cref="Instrument.Enabled"/>.
/// </summary>
public static class ObjectStoreMetrics
{
    /// <summary>The meter's name (what a metrics pipeline subscribes to).</summary>
    public const string MeterName = "OmniGraph.Storage";

    /// <summary>The tag naming the backend.</summary>
    public const string BackendTag = "omnigraph.store.backend";

    /// <summary>The tag naming the request kind.</summary>
    public const string RequestTag = "omnigraph.store.request";

    /// <summary>The local directory backend's tag value.</summary>
    public const string LocalBackend = "local";

    /// <summary>The memory backend's tag value.</summary>
    public const string MemoryBackend = "memory";

    /// <summary>The Azure Blob backend's tag value.</summary>
    public const string AzureBlobBackend = "azure_blob";

    /// <summary>The request kinds' tag values (snake case), by <see cref="ObjectStoreRequestKind"/>.</summary>
    private static readonly string[] s_kindNames =
        [.. Enum.GetValues<ObjectStoreRequestKind>().Select(static k => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()))];

    /// <summary>The storage meter.</summary>
    public static Meter Meter { get; } = new(MeterName, typeof(ObjectStoreMetrics).Assembly.GetName().Version?.ToString());

    /// <summary><c>omnigraph.store.requests</c>: requests made to an object store.</summary>
    public static Counter<long> Requests { get; } =
        Meter.CreateCounter<long>("omnigraph.store.requests", "{request}", "Object-store requests, by backend and kind");

    /// <summary>The tag value of <paramref name="kind"/>.</summary>
    public static string NameOf(ObjectStoreRequestKind kind) => s_kindNames[(int)kind];

    /// <summary>Counts one request of <paramref name="kind"/> to a <paramref name="backend"/> store.</summary>
    public static void Count(ObjectStoreRequestKind kind, string backend)
    {
        if (Requests.Enabled)
        {
            Requests.Add(1, new KeyValuePair<string, object?>(BackendTag, backend), new KeyValuePair<string, object?>(RequestTag, s_kindNames[(int)kind]));
        }
    }
}
