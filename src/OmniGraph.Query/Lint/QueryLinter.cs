using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Typing;
using OmniGraph.Schema;

namespace OmniGraph.Query.Lint;

/// <summary>
/// Validates a query file against a schema without running anything (<c>omnigraph lint</c>): parses the file,
/// type-checks every declaration, describes each query's operation, and reports warnings.
/// </summary>
/// <remarks>
/// A parse failure yields one <c>Q000</c> finding and no results. A query that fails type checking gets a
/// result with <c>error</c> and no <c>operation</c>, and an error finding coded with its rule (<c>T7</c>, or
/// <c>D2</c>), or, for a function error, its code (<c>query_function_arity</c>, …); the message carries the position. Warnings: <c>L101</c> for a mutation without parameters; <c>L201</c> for each nullable, non-key,
/// non-<c>@embed</c> property of a node type that some update statement in the file writes, when no update sets
/// that property. Result column names are the names queries return at run time (<c>p.name</c>, aliases).
/// </remarks>
public static class QueryLinter
{
    /// <summary>Lints <paramref name="querySource"/> against <paramref name="schema"/>.</summary>
    public static LintReport Lint(string querySource, SchemaCatalog schema, LintSchemaSource schemaSource, string? queryPath = null)
    {
        ArgumentNullException.ThrowIfNull(querySource);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(schemaSource);
        QuerySource parsed;
        try
        {
            parsed = QuerySource.Parse(querySource);
        }
        catch (QueryException error)
        {
            var (line, column) = Where(error);
            var finding = new LintFinding(LintSeverity.Error, LintCodes.ParseFailure, error.Message, Line: line, Column: column);
            return new LintReport(LintStatus.Error, schemaSource, queryPath, 0, 1, 0, 0, [], [finding]);
        }

        var results = ImmutableArray.CreateBuilder<LintQueryResult>(parsed.Queries.Length);
        var findings = new List<LintFinding>();
        var compiled = new List<MutationQuery>();
        for (var index = 0; index < parsed.Document.Queries.Length; index++)
        {
            var declaration = parsed.Document.Queries[index];
            var parameters = DescribeParameters(parsed.Queries[index]);
            var kind = declaration.Body is MutationBodySyntax ? LintQueryKind.Mutation : LintQueryKind.Read;
            CompiledQuery query;
            try
            {
                query = QueryTypeChecker.Check(declaration, schema);
            }
            catch (QueryException error)
            {
                var code = error switch
                {
                    QueryTypeException typeError => typeError.RuleCode,
                    _ when error.Code == ErrorCodes.QueryMixedMutation => LintCodes.MixedMutation,
                    _ => error.Code,
                };
                var (line, column) = Where(error);
                findings.Add(new LintFinding(LintSeverity.Error, code, error.Message, QueryNames: [declaration.Name], Line: line, Column: column));
                results.Add(new LintQueryResult(declaration.Name, kind, LintStatus.Error, null, error.Message, null, parameters));
                continue;
            }

            ImmutableArray<string>? warnings = null;
            if (query is MutationQuery mutation)
            {
                compiled.Add(mutation);
                if (mutation.Parameters.IsEmpty)
                {
                    var message = $"mutation '{mutation.Name}' takes no parameters: hardcoded mutations are easy to miss";
                    findings.Add(new LintFinding(LintSeverity.Warning, LintCodes.HardcodedMutation, message, QueryNames: [mutation.Name]));
                    warnings = [message];
                }
            }

            results.Add(new LintQueryResult(declaration.Name, kind, LintStatus.Ok, warnings, null, DescribeOperation(query), parameters));
        }

        findings.AddRange(FindPropertiesNeverUpdated(schema, compiled));
        var errors = findings.Count(static f => f.Severity == LintSeverity.Error);
        var warningCount = findings.Count(static f => f.Severity == LintSeverity.Warning);
        var infos = findings.Count(static f => f.Severity == LintSeverity.Info);
        return new LintReport(
            errors > 0 ? LintStatus.Error : LintStatus.Ok,
            schemaSource,
            queryPath,
            parsed.Queries.Length,
            errors,
            warningCount,
            infos,
            results.MoveToImmutable(),
            [.. findings]);
    }

    /// <summary>The operation descriptor of a compiled query.</summary>
    public static LintOperation DescribeOperation(CompiledQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reads = new SortedSet<(LintElementKind, string)>();
        var writes = new SortedSet<(LintElementKind, string)>();
        var columns = ImmutableArray<LintColumn>.Empty;
        if (query is ReadQuery read)
        {
            foreach (var variable in read.Variables)
            {
                reads.Add(Reference(variable.ElementType));
            }

            AddTraversedEdges(read.Pattern, reads);
            var builder = ImmutableArray.CreateBuilder<LintColumn>(read.Projections.Length);
            foreach (var projection in read.Projections)
            {
                builder.Add(DescribeColumn(projection.ColumnName, projection.Type) with { NodeType = ReturnedNode(projection)?.NodeType?.Name });
            }

            columns = builder.MoveToImmutable();
            return new LintOperation(columns, ToReferences(reads), ToReferences(writes), DescribeLinks(read));
        }
        else
        {
            foreach (var statement in ((MutationQuery)query).Statements)
            {
                writes.Add(Reference(statement.Target));
                switch (statement)
                {
                    case UpdateNodeStatement or DeleteEdgeStatement:
                        reads.Add(Reference(statement.Target));
                        break;
                    case DeleteNodeStatement delete:
                        reads.Add(Reference(delete.Type));
                        foreach (var edge in query.Schema.EdgeTypes)
                        {
                            if (ReferenceEquals(edge.From, delete.Type) || ReferenceEquals(edge.To, delete.Type))
                            {
                                reads.Add(Reference(edge));
                                writes.Add(Reference(edge));
                            }
                        }

                        break;
                    case InsertEdgeStatement insert:
                        reads.Add(Reference(insert.Type.From));
                        reads.Add(Reference(insert.Type.To));
                        break;
                }
            }
        }

        return new LintOperation(columns, ToReferences(reads), ToReferences(writes));
    }

    /// <summary>
    /// The links between returned node columns: each top-level traversal whose both ends are returned as bare
    /// variables, from the edge's source side to its target side.
    /// </summary>
    private static ImmutableArray<LintLink> DescribeLinks(ReadQuery read)
    {
        var columnOf = new Dictionary<PatternVariable, string>();
        foreach (var projection in read.Projections)
        {
            if (ReturnedNode(projection) is { } variable)
            {
                columnOf.TryAdd(variable, projection.ColumnName);
            }
        }

        var links = ImmutableArray.CreateBuilder<LintLink>();
        foreach (var traversal in read.Pattern.Traversals)
        {
            if (columnOf.TryGetValue(traversal.SourceSide, out var from) && columnOf.TryGetValue(traversal.TargetSide, out var to))
            {
                links.Add(new LintLink(from, to, traversal.Edge.Name, traversal.IsMultiHop));
            }
        }

        return links.DrainToImmutable();
    }

    private static PatternVariable? ReturnedNode(Projection projection) =>
        projection.Expression is VariableExpression { Variable: { Kind: VariableKind.Node } variable } ? variable : null;

    private static ImmutableArray<LintColumn> DescribeParameters(QueryDeclarationInfo declaration) =>
        [.. declaration.Parameters.Select(static p => DescribeColumn(p.Name, p.Type))];

    private static (int? Line, int? Column) Where(QueryException error) =>
        error.Position.Line > 0 ? (error.Position.Line, error.Position.Column) : (null, null);

    private static void AddTraversedEdges(QueryPattern pattern, SortedSet<(LintElementKind, string)> reads)
    {
        foreach (var traversal in pattern.Traversals)
        {
            reads.Add(Reference(traversal.Edge));
        }

        foreach (var negation in pattern.Negations)
        {
            AddTraversedEdges(negation.Pattern, reads);
        }
    }

    private static (LintElementKind, string) Reference(GraphElementType type) =>
        (type.Kind == ElementKind.Node ? LintElementKind.Node : LintElementKind.Edge, type.Name);

    private static ImmutableArray<LintTypeReference> ToReferences(SortedSet<(LintElementKind Kind, string Name)> set) =>
        [.. set.Select(static r => new LintTypeReference(r.Kind, r.Name))];

    private static LintColumn DescribeColumn(string name, PropertyType type) => type.Kind switch
    {
        PropertyTypeKind.List => new LintColumn(name, LintValueKind.List, type.IsNullable, ScalarKindOf(type.Scalar), null),
        PropertyTypeKind.Vector => new LintColumn(name, LintValueKind.Vector, type.IsNullable, null, type.VectorDimension),
        PropertyTypeKind.Enum => new LintColumn(name, LintValueKind.String, type.IsNullable, null, null),
        _ => new LintColumn(name, ScalarKindOf(type.Scalar), type.IsNullable, null, null),
    };

    private static LintValueKind ScalarKindOf(ScalarKind kind) => kind switch
    {
        ScalarKind.String => LintValueKind.String,
        ScalarKind.Bool => LintValueKind.Bool,
        ScalarKind.I32 or ScalarKind.U32 => LintValueKind.Int,
        ScalarKind.I64 or ScalarKind.U64 => LintValueKind.Bigint,
        ScalarKind.F32 or ScalarKind.F64 => LintValueKind.Float,
        ScalarKind.Date => LintValueKind.Date,
        ScalarKind.DateTime => LintValueKind.Datetime,
        _ => LintValueKind.Blob,
    };

    /// <summary>L201: properties an update could set but none does, for node types that some update writes.</summary>
    private static IEnumerable<LintFinding> FindPropertiesNeverUpdated(SchemaCatalog schema, List<MutationQuery> mutations)
    {
        foreach (var node in schema.NodeTypes)
        {
            var updaters = new List<string>();
            var assigned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mutation in mutations)
            {
                foreach (var statement in mutation.Statements)
                {
                    if (statement is UpdateNodeStatement update && ReferenceEquals(update.Type, node))
                    {
                        if (!updaters.Contains(mutation.Name))
                        {
                            updaters.Add(mutation.Name);
                        }

                        foreach (var assignment in update.Assignments)
                        {
                            assigned.Add(assignment.Property.Name);
                        }
                    }
                }
            }

            if (updaters.Count == 0)
            {
                continue;
            }

            var keyMembers = node.Key?.PropertyNames ?? [];
            foreach (var property in node.Properties)
            {
                if (property.IsNullable && property.Embed is null && !keyMembers.Contains(property.Name) && !assigned.Contains(property.Name))
                {
                    yield return new LintFinding(
                        LintSeverity.Warning,
                        LintCodes.PropertyNeverUpdated,
                        $"{node.Name}.{property.Name} exists in schema but no update query sets it",
                        node.Name,
                        property.Name,
                        [.. updaters]);
                }
            }
        }
    }
}
