using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;

namespace OmniGraph.Query;

/// <summary>
/// Parsed <c>.gq</c> text: every query declaration, not yet type-checked. Parse errors fail the whole source;
/// type errors are per query (<see cref="QueryCompiler.Compile(QuerySource, Schema.SchemaCatalog, string?)"/>).
/// Immutable.
/// </summary>
public sealed class QuerySource
{
    private QuerySource(string text, QueryDocumentSyntax document)
    {
        Text = text;
        Document = document;
        var queries = ImmutableArray.CreateBuilder<QueryDeclarationInfo>(document.Queries.Length);
        foreach (var query in document.Queries)
        {
            var parameters = ImmutableArray.CreateBuilder<QueryParameter>(query.Parameters.Length);
            foreach (var parameter in query.Parameters)
            {
                parameters.Add(new QueryParameter(parameter.Name, parameter.Type, parameters.Count, parameter.Position));
            }

            queries.Add(new QueryDeclarationInfo(
                query.Name,
                query.Body is MutationBodySyntax ? QueryKind.Mutation : QueryKind.Read,
                parameters.MoveToImmutable(),
                query.Description,
                query.Instruction,
                query.Position));
        }

        Queries = queries.MoveToImmutable();
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The declarations in source order (duplicate names are kept; selection takes the first).</summary>
    public ImmutableArray<QueryDeclarationInfo> Queries { get; }

    internal QueryDocumentSyntax Document { get; }

    /// <summary>Parses <paramref name="text"/> with the default limits.</summary>
    /// <exception cref="QueryException">Code <c>query_parse_error</c>.</exception>
    public static QuerySource Parse(string text) => Parse(text, QueryParserLimits.Default);

    internal static QuerySource Parse(string text, QueryParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new QuerySource(text, QueryParser.Parse(text, limits));
    }

    /// <summary>
    /// Picks the query to run: the first one named <paramref name="name"/>, or the only one when
    /// <paramref name="name"/> is <c>null</c>.
    /// </summary>
    /// <exception cref="QueryException">
    /// No declaration (<c>query_empty_source</c>, "must not be empty"), an unknown name (<c>query_not_found</c>,
    /// "query 'x' not found"), or several queries and no name (<c>query_name_required</c>, "multiple queries").
    /// </exception>
    public QueryDeclarationInfo Select(string? name) => Queries[IndexOf(name)];

    internal QueryDeclarationSyntax SelectSyntax(string? name) => Document.Queries[IndexOf(name)];

    private int IndexOf(string? name)
    {
        var queries = Document.Queries;
        if (queries.Length == 0)
        {
            QueryThrow.Selection(ErrorCodes.QueryEmptySource, "query source must not be empty: it declares no query");
        }

        if (name is null)
        {
            if (queries.Length > 1)
            {
                QueryThrow.Selection(ErrorCodes.QueryNameRequired,
                    $"the query source has multiple queries ({ListNames()}); name the one to run");
            }

            return 0;
        }

        for (var i = 0; i < queries.Length; i++)
        {
            if (queries[i].Name == name)
            {
                return i;
            }
        }

        QueryThrow.Selection(ErrorCodes.QueryNotFound, $"query '{name}' not found (the source declares: {ListNames()})");
        return -1;
    }

    private string ListNames() => string.Join(", ", Document.Queries.Select(static q => q.Name).Distinct(StringComparer.Ordinal));
}
