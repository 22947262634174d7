using Microsoft.Extensions.Options;
using OmniGraph.Query.Compilation;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Typing;
using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// Parses, selects and type-checks <c>.gq</c> queries into their typed IR, caching the results: parsed sources by
/// text, compiled queries by (text, query name, schema content hash). Thread-safe; register one per process
/// (<c>AddOmniGraphQueryCompiler</c>).
/// </summary>
/// <remarks>
/// Only successes are cached: a failing query is re-checked (and fails the same way) each time. A compiled query
/// holds no parameter values, so one cache entry serves every execution.
/// </remarks>
public sealed class QueryCompiler
{
    private readonly QueryParserLimits _limits;
    private readonly BoundedCache<string, QuerySource> _sources;
    private readonly BoundedCache<CompiledQueryKey, CompiledQuery> _compiled;

    /// <summary>Creates a compiler with default options.</summary>
    public QueryCompiler()
        : this(new QueryCompilerOptions())
    {
    }

    /// <summary>Creates a compiler.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public QueryCompiler(QueryCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new QueryCompilerOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(QueryCompilerOptions), validation.Failures);
        }

        _limits = new QueryParserLimits(options.MaxNestingDepth, options.MaxSourceLength);
        _sources = new BoundedCache<string, QuerySource>(options.CacheCapacity, StringComparer.Ordinal);
        _compiled = new BoundedCache<CompiledQueryKey, CompiledQuery>(options.CacheCapacity);
    }

    /// <summary>Creates a compiler from configured options.</summary>
    public QueryCompiler(IOptions<QueryCompilerOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Number of compiled queries currently cached.</summary>
    public int CachedQueryCount => _compiled.Count;

    /// <summary>Parses source text (cached by text).</summary>
    /// <exception cref="QueryException">Code <c>query_parse_error</c>.</exception>
    public QuerySource Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_sources.TryGet(source, out var parsed))
        {
            return parsed;
        }

        parsed = QuerySource.Parse(source, _limits);
        _sources.Add(source, parsed);
        return parsed;
    }

    /// <summary>
    /// Compiles the query named <paramref name="queryName"/> (or the only query) of <paramref name="source"/>
    /// against <paramref name="schema"/>.
    /// </summary>
    /// <exception cref="QueryException">
    /// A parse error, a selection error, a type error (<see cref="QueryTypeException"/>) or rule D2.
    /// </exception>
    public CompiledQuery Compile(string source, SchemaCatalog schema, string? queryName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        var key = new CompiledQueryKey(source, queryName ?? string.Empty, schema.ContentHash);
        if (_compiled.TryGet(key, out var compiled))
        {
            return compiled;
        }

        compiled = QueryTypeChecker.Check(Parse(source).SelectSyntax(queryName), schema);
        _compiled.Add(key, compiled);
        return compiled;
    }

    /// <summary>Compiles one query of an already parsed source (see <see cref="Compile(string, SchemaCatalog, string?)"/>).</summary>
    public CompiledQuery Compile(QuerySource source, SchemaCatalog schema, string? queryName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        var key = new CompiledQueryKey(source.Text, queryName ?? string.Empty, schema.ContentHash);
        if (_compiled.TryGet(key, out var compiled))
        {
            return compiled;
        }

        compiled = QueryTypeChecker.Check(source.SelectSyntax(queryName), schema);
        _compiled.Add(key, compiled);
        return compiled;
    }

    /// <summary>Compiles a read query; a mutation is rejected.</summary>
    /// <exception cref="QueryException">As <see cref="Compile(string, SchemaCatalog, string?)"/>, or the query is a mutation (<c>query_type_error</c> is not used: code <c>query_kind_mismatch</c>).</exception>
    public ReadQuery CompileRead(string source, SchemaCatalog schema, string? queryName = null) =>
        Compile(source, schema, queryName) as ReadQuery
        ?? throw new QueryException(ErrorCodes.QueryKindMismatch, $"query '{queryName ?? Parse(source).Select(null).Name}' is a mutation; run it with mutate", "query is a mutation");

    /// <summary>Compiles a mutation query; a read is rejected.</summary>
    /// <exception cref="QueryException">As <see cref="Compile(string, SchemaCatalog, string?)"/>, or the query is a read (code <c>query_kind_mismatch</c>).</exception>
    public MutationQuery CompileMutation(string source, SchemaCatalog schema, string? queryName = null) =>
        Compile(source, schema, queryName) as MutationQuery
        ?? throw new QueryException(ErrorCodes.QueryKindMismatch, $"query '{queryName ?? Parse(source).Select(null).Name}' is a read query; run it with query", "query is a read");

    private readonly record struct CompiledQueryKey(string Source, string QueryName, string SchemaHash);
}
