using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Client.Wire;

/// <summary>
/// <c>GET /graphs/{id}/placement</c>: the cluster as one graph sees it — the silos, where the graph's grain activations
/// live, and how many requests the graph's routes have served.
/// </summary>
/// <param name="GraphId">The graph.</param>
/// <param name="Silos">Every silo in the cluster's membership, active first, then by address.</param>
/// <param name="Activations">The graph's grain activations (manifest, table branches, queries, loads, …), by grain type then key.</param>
/// <param name="Requests">The graph's HTTP request counts on this server.</param>
public sealed record PlacementOutput(
    [property: JsonPropertyName("graph_id")] string GraphId,
    [property: JsonPropertyName("silos")] ImmutableArray<SiloEntry> Silos,
    [property: JsonPropertyName("activations")] ImmutableArray<ActivationEntry> Activations,
    [property: JsonPropertyName("requests")] RequestRates Requests);

/// <summary>One silo of the cluster.</summary>
/// <param name="Address">Its address (<c>ip:port:generation</c>).</param>
/// <param name="Name">The silo's name.</param>
/// <param name="HostName">The host it runs on.</param>
/// <param name="Status">Its membership status (<c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>, <c>Dead</c>, …).</param>
/// <param name="StartTime">When it started (UTC).</param>
/// <param name="Activations">Its grain activations (every graph), when it reported statistics.</param>
/// <param name="ReceivedMessages">Messages it has received since it started, when it reported statistics.</param>
/// <param name="SentMessages">Messages it has sent since it started, when it reported statistics.</param>
public sealed record SiloEntry(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("host_name")] string HostName,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("start_time")] DateTime StartTime,
    [property: JsonPropertyName("activations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Activations,
    [property: JsonPropertyName("received_messages"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ReceivedMessages,
    [property: JsonPropertyName("sent_messages"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? SentMessages);

/// <summary>One grain activation of the graph.</summary>
/// <param name="GrainType">The grain class.</param>
/// <param name="Key">The grain's key (<c>{graph}</c>, <c>{graph}/{table}@{branch}</c>, …).</param>
/// <param name="Silo">The address of the silo it lives on.</param>
public sealed record ActivationEntry(
    [property: JsonPropertyName("grain_type")] string GrainType,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("silo")] string Silo);

/// <summary>Request counts of one graph's routes on the server that answered.</summary>
/// <param name="Total">Requests since the server started.</param>
/// <param name="LastMinute">Requests in the last 60 seconds.</param>
/// <param name="PerSecond">The last 60 seconds' counts, oldest first, one per second (the current second last).</param>
public sealed record RequestRates(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("last_minute")] long LastMinute,
    [property: JsonPropertyName("per_second")] ImmutableArray<long> PerSecond);
