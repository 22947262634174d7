using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// The stores one test silo opens: a location the test handed an instance for opens that instance (so the test reads
/// and tampers with what the silo writes); any other location opens as in production. Every store is wrapped so that,
/// once the silo is killed, each call fails: in-process, <c>KillSiloAsync</c> stops the silo's runtime but grain code
/// that was running keeps running; a real crash ends every I/O of the process, and this is how the tests make it so.
/// </summary>
public sealed class SiloStores(string siloName, IReadOnlyDictionary<string, IObjectStore> instances) : IObjectStoreFactory
{
    private readonly ObjectStoreFactory _production = new();

    /// <summary>The silo's name.</summary>
    public string SiloName { get; } = siloName;

    /// <summary>Whether the silo was killed (every store call fails from then on).</summary>
    public bool Killed { get; private set; }

    /// <summary>Cuts the silo off its stores.</summary>
    public void Kill() => Killed = true;

    /// <inheritdoc />
    public IObjectStore Open(string location) =>
        new KillableObjectStore(instances.TryGetValue(location, out var store) ? store : _production.Open(location), this);
}
