using OmniGraph.Testing.Storage.Conformance;

namespace OmniGraph.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite against a <see cref="PrefixedObjectStore"/> view over a memory store that also holds
/// objects outside the prefix, which the view must never see or touch.
/// </summary>
public sealed class PrefixedObjectStoreTests : ObjectStoreConformanceTests
{
    private const string ViewPrefix = "graphs/g1/";

    protected override int MaxKeyBytes => ObjectKey.MaxKeyBytes - ViewPrefix.Length;

    protected override async Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider)
    {
        var inner = new MemoryObjectStore("shared", timeProvider);

        // Neighbours on both sides of the prefix in key order, and one that shares its text without the slash.
        foreach (var neighbour in new[] { "graphs/g0/x", "graphs/g1", "graphs/g1-other/x", "graphs/g2/x", "a" })
        {
            await inner.PutAsync(neighbour, new byte[] { 1 }, WriteCondition.None);
        }

        return new PrefixedObjectStore(inner, "graphs/g1");
    }
}
