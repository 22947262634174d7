using System.Text;
using OmniGraph.Query;
using OmniGraph.Schema;
using OmniGraph.Storage;

namespace OmniGraph.Server.Queries;

/// <summary>
/// The stored (named) queries of one graph, kept with the graph in its object store: one object
/// <c>queries/&lt;name&gt;.gq</c> per query holding the source it was registered from (docs/server.md#stored-queries).
/// A query is type-checked against the graph's schema when it is added (<see cref="AddAsync"/>) and can be checked
/// again at any time (<see cref="CheckAsync"/>); an add never replaces a query unless asked to, and each object is
/// written whole (a reader sees the old source or the new one).
/// </summary>
public sealed class StoredQueryCatalog(IObjectStore store)
{
    /// <summary>The key prefix of the stored queries.</summary>
    public const string Prefix = "queries/";

    private const string Extension = ".gq";

    /// <summary>Every stored query, sorted by name.</summary>
    /// <exception cref="OmniGraphException">A stored object that no longer parses (<c>query_parse_error</c>).</exception>
    public async Task<IReadOnlyList<StoredQuery>> ListAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(Prefix, continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
            names.AddRange(page.Objects.Select(static o => o.Key)
                .Where(static key => key.EndsWith(Extension, StringComparison.Ordinal) && !key[Prefix.Length..].Contains('/', StringComparison.Ordinal))
                .Select(static key => key[Prefix.Length..^Extension.Length]));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        var queries = new List<StoredQuery>(names.Count);
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (await FindAsync(name, cancellationToken).ConfigureAwait(false) is { } query)
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    /// <summary>The stored query <paramref name="name"/>, or <c>null</c> when there is none.</summary>
    public async Task<StoredQuery?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsName(name) || await store.GetPropertiesAsync(KeyOf(name), cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        StoredObject stored;
        try
        {
            stored = await store.GetAsync(KeyOf(name), cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException missing) when (missing.Kind == ErrorKind.NotFound)
        {
            // Removed between the two calls.
            return null;
        }

        var source = Encoding.UTF8.GetString(stored.Content.Span);
        return new StoredQuery(source, QuerySource.Parse(source).Select(name));
    }

    /// <summary>
    /// Registers every query <paramref name="source"/> declares, each type-checked against <paramref name="schema"/>
    /// first: nothing is stored unless all of them check. A name already registered is refused unless
    /// <paramref name="replace"/>.
    /// </summary>
    /// <exception cref="OmniGraphException">
    /// The compiler's typed errors (<c>query_parse_error</c>, <c>query_type_error</c>, …), or <c>stored_query_exists</c>.
    /// </exception>
    public async Task<IReadOnlyList<StoredQuery>> AddAsync(string source, SchemaCatalog schema, bool replace = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        var parsed = QuerySource.Parse(source);
        if (parsed.Queries.Length == 0)
        {
            parsed.Select(null);
        }

        var compiler = new QueryCompiler();
        var queries = parsed.Queries.DistinctBy(static q => q.Name, StringComparer.Ordinal).Select(q => new StoredQuery(source, q)).ToList();
        foreach (var query in queries)
        {
            if (Mcp.GraphMcpTools.ReservedNames.Contains(query.Name))
            {
                throw new OmniGraphException(ErrorCodes.StoredQueryExists, $"'{query.Name}' is the name of a built-in MCP tool of every graph; name the query otherwise");
            }

            compiler.Compile(source, schema, query.Name);
            if (!replace && await store.GetPropertiesAsync(KeyOf(query.Name), cancellationToken).ConfigureAwait(false) is not null)
            {
                throw Exists(query.Name);
            }
        }

        var content = Encoding.UTF8.GetBytes(source);
        foreach (var query in queries)
        {
            try
            {
                await store.PutAsync(KeyOf(query.Name), content, replace ? WriteCondition.None : WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            }
            catch (OmniGraphException conflict) when (!replace && conflict.Kind is ErrorKind.Conflict or ErrorKind.PreconditionFailed)
            {
                // Added by someone else meanwhile.
                throw Exists(query.Name);
            }
        }

        return queries;
    }

    /// <summary>Removes the stored query <paramref name="name"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>stored_query_not_found</c>: there is none.</exception>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsName(name) || !await store.DeleteAsync(KeyOf(name), WriteCondition.None, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound();
        }
    }

    /// <summary>
    /// Type-checks every stored query against <paramref name="schema"/> (what a schema change must pass) and returns
    /// the failures by name; empty when all of them check.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, OmniGraphException Error)>> CheckAsync(SchemaCatalog schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var compiler = new QueryCompiler();
        var failures = new List<(string, OmniGraphException)>();
        foreach (var query in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                compiler.Compile(query.Source, schema, query.Name);
            }
            catch (OmniGraphException error)
            {
                failures.Add((query.Name, error));
            }
        }

        return failures;
    }

    /// <summary>
    /// <c>stored_query_not_found</c>: the one answer for an unknown name and for a name the caller may not invoke (it
    /// names nothing, so the two cannot be told apart).
    /// </summary>
    public static OmniGraphException NotFound() => new(ErrorCodes.StoredQueryNotFound, "stored query not found");

    private static OmniGraphException Exists(string name) => new(
        ErrorCodes.StoredQueryExists, $"a stored query '{ErrorText.Quote(name)}' is already registered; add it with --replace to change it");

    private static string KeyOf(string name) => Prefix + name + Extension;

    /// <summary>A query name: an identifier (letters, digits, underscores, not starting with a digit).</summary>
    private static bool IsName(string name) =>
        name.Length is > 0 and <= 128 && !char.IsAsciiDigit(name[0]) && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
