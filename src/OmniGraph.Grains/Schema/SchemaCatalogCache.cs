using System.Collections.Concurrent;
using OmniGraph.Ingest;
using OmniGraph.Schema;

namespace OmniGraph.Grains.Schema;

/// <summary>
/// Accepted schemas by IR hash, shared by every grain of a silo. A hash names one exact IR, so a catalog loaded once
/// from any graph's store serves every graph with that schema.
/// </summary>
public sealed class SchemaCatalogCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SchemaCatalog>>> _catalogs = new(StringComparer.Ordinal);

    /// <summary>The catalog of <paramref name="schemaHash"/>, read from <paramref name="store"/> on first use.</summary>
    /// <exception cref="CorruptObjectException">The stored IR is missing, invalid or does not hash to its name.</exception>
    public async Task<SchemaCatalog> GetAsync(IObjectStore store, string schemaHash, CancellationToken cancellationToken = default)
    {
        var lazy = _catalogs.GetOrAdd(schemaHash, hash => new Lazy<Task<SchemaCatalog>>(() => LoadAsync(store, hash, CancellationToken.None)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load (I/O error) must not poison the cache for later attempts.
            _catalogs.TryRemove(new KeyValuePair<string, Lazy<Task<SchemaCatalog>>>(schemaHash, lazy));
            throw;
        }
    }

    /// <summary>Adds a catalog that was just accepted (init), so its first use costs no read.</summary>
    public void Add(SchemaCatalog catalog) =>
        _catalogs.TryAdd(catalog.ContentHash, new Lazy<Task<SchemaCatalog>>(Task.FromResult(catalog)));

    /// <summary>The layout of <paramref name="table"/> in <paramref name="catalog"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>unknown_table</c>: The schema has no such table.</exception>
    public static TableLayout LayoutOf(SchemaCatalog catalog, string table) =>
        catalog.TryGetElementType(table, out var type) ? TableLayout.For(type) : throw EngineErrors.UnknownTable(table);

    private static async Task<SchemaCatalog> LoadAsync(IObjectStore store, string schemaHash, CancellationToken cancellationToken)
    {
        var key = GraphObjectKeys.SchemaIr(schemaHash);
        StoredObject stored;
        try
        {
            stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException exception)
        {
            throw new CorruptObjectException(key, "the schema IR a manifest names is missing", exception);
        }

        SchemaCatalog catalog;
        try
        {
            catalog = SchemaCatalog.FromIrJson(stored.Content.Span);
        }
        catch (SchemaException exception)
        {
            throw new CorruptObjectException(key, exception.Message, exception);
        }

        if (!string.Equals(catalog.ContentHash, schemaHash, StringComparison.Ordinal))
        {
            throw new CorruptObjectException(key, $"its content hashes to {catalog.ContentHash}, not to its name");
        }

        return catalog;
    }
}
