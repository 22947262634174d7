using System.Text;
using System.Text.RegularExpressions;
using OmniGraph.Query.Functions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Query.Tests.Functions;

/// <summary>
/// The registry is the only list of functions: names are unique and well formed, each entry is complete for its kind,
/// and docs/query-language.md shows exactly the registry as its functions table (rendered from it, so a function
/// without a docs row fails here; run with <c>OMNIGRAPH_UPDATE_DOCS=1</c> to rewrite the table).
/// </summary>
public sealed partial class FunctionRegistryTests
{
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FunctionName();

    [Fact]
    public void EveryFunction_IsUniqueAndComplete()
    {
        Assert.Equal(FunctionRegistry.All.Length, FunctionRegistry.All.Select(static f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(FunctionRegistry.All, static function =>
        {
            Assert.Matches(FunctionName(), function.Name);
            Assert.True(FunctionRegistry.TryGet(function.Name, out var found) && ReferenceEquals(found, function));
            Assert.NotEqual(FunctionPlaces.None, function.Places);
            Assert.False(string.IsNullOrWhiteSpace(function.Summary));
            Assert.False(string.IsNullOrWhiteSpace(function.Nulls));
            Assert.InRange(function.MinArity, 0, function.MaxArity);
            switch (function.Kind)
            {
                case FunctionKind.Scalar:
                    Assert.NotNull(function.Kernel);
                    Assert.Null(function.Rule);
                    break;
                case FunctionKind.Aggregate:
                    Assert.Equal(FunctionPlaces.Return, function.Places);
                    Assert.Equal(TypeRule.T8, function.Rule);
                    Assert.Equal(function.Name, function.Aggregate.ToString().ToLowerInvariant());
                    break;
                default:
                    Assert.NotNull(function.Rule);
                    Assert.Throws<InvalidOperationException>(() => function.Kernel);
                    break;
            }

            // An operator-equivalent predicate is a Bool function of two values the planner can push down.
            if (function.Operator is not null)
            {
                Assert.Equal(Schema.ScalarKind.Bool, function.Result.Scalar);
                Assert.Equal(2, function.MaxArity);
            }
        });
    }

    [Fact]
    public void Lookup_IsCaseSensitive_AndSuggestsCloseNames()
    {
        Assert.False(FunctionRegistry.TryGet("LOWER", out _));
        Assert.Same(FunctionRegistry.StartsWith, FunctionRegistry.Closest("startswith"));
        Assert.Same(FunctionRegistry.Lower, FunctionRegistry.Closest("Lower"));
        Assert.Null(FunctionRegistry.Closest("levenshtein"));
    }

    [Fact]
    public void DocsTable_ListsEveryFunction() =>
        GeneratedDocs.AssertSection("docs/query-language.md", "<!-- functions:begin -->", "<!-- functions:end -->", RenderMarkdown());

    /// <summary>One row per function: its call form, arguments, result, places, null rule and meaning.</summary>
    private static string RenderMarkdown()
    {
        var table = new StringBuilder();
        table.Append("| Function | Arguments | Result | Allowed in | Nulls | Meaning |\n");
        table.Append("|---|---|---|---|---|---|\n");
        foreach (var function in FunctionRegistry.All)
        {
            var call = $"`{function.Name}({string.Join(", ", function.Parameters.Select(static p => p.IsOptional ? p.Name + "?" : p.Name))})`";
            var arguments = function.Parameters.IsEmpty ? "—" : string.Join("; ", function.Parameters.Select(static p => $"`{p.Name}`: {p.Accepts.Describe()}"));
            var places = function.Places.Describe();
            table.Append($"| {call} | {arguments} | {function.Result} | {places} | {function.Nulls} | {function.Summary} |\n");
        }

        return table.ToString();
    }
}
