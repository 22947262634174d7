using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Typing;

/// <summary>
/// Every type rule of languages.md §2.9 rejects what it documents, with <c>type error: Tn: …</c>, the rule on the
/// exception, and a line and column. Search functions are checked by their rules (T15, T17–T21).
/// </summary>
public sealed class TypeRuleTests
{
    private static readonly Schema.SchemaCatalog s_test = Fixture.Test;

    [Theory]
    [InlineData("$x: Nope", "unknown node type `Nope`")]
    [InlineData("$d: Slugged", "`Slugged` is an interface")]
    [InlineData("$d: Cites", "`Cites` is an edge type")]
    public void T1_UnknownOrUnbindableNodeType(string match, string fragment) =>
        QueryAssert.MatchError(Fixture.Example, match, "$x", TypeRule.T1, fragment);

    [Fact]
    public void T1_PositionPointsAtTheTypeName()
    {
        var error = QueryAssert.TypeError(s_test, "query q() {\n  match { $x: Nope }\n  return { $x }\n}", TypeRule.T1, "Nope");
        Assert.Equal(new Schema.SourcePosition(2, 15), error.Position);
    }

    [Fact]
    public void T2_InlineMatchOnUnknownProperty() =>
        QueryAssert.MatchError(s_test, "$p: Person { nick: \"x\" }", "$p.name", TypeRule.T2, "node type `Person` has no property `nick`");

    [Theory]
    [InlineData("$p: Person { age: \"thirty\" }", "cannot compare `$p.age` (I32?) with String literal \"thirty\"")]
    [InlineData("$p: Person { name: 3 }", "cannot compare")]
    public void T3_InlineLiteralOfWrongType(string match, string fragment) =>
        QueryAssert.MatchError(s_test, match, "$p.name", TypeRule.T3, fragment);

    [Theory]
    [InlineData("$d: Doc { status: \"deleted\" }", "value 'deleted' is not in enum(archived-2, draft, published)")]
    [InlineData("$d: Doc { tags: [\"a\", \"b\"] }", "list equality is not supported")]
    [InlineData("$d: Doc { attachment: \"x\" }", "Blob property `Doc.attachment` cannot be matched")]
    [InlineData("$d: Doc { embedding: [1, 2, 3, 4] }", "Vector property `Doc.embedding` cannot be matched")]
    public void T3_InlineMatchRules(string match, string fragment) =>
        QueryAssert.MatchError(Fixture.Example, match, "$d.slug", TypeRule.T3, fragment);

    [Fact]
    public void T4_UnknownEdge() =>
        QueryAssert.MatchError(s_test, "$p: Person  $p likes $f", "$p.name", TypeRule.T4, "unknown edge `likes`");

    [Fact]
    public void T4_BareVariableBeforeContains_ReadsAsTraversal() =>
        QueryAssert.MatchError(s_test, "$p: Person  $q contains $p", "$p.name", TypeRule.T4, "put a property or a literal on the left of contains", parameters: "$q: [String]");

    [Fact]
    public void T4_SnakeCaseDoesNotMatchCamelCaseEdge() =>
        QueryAssert.MatchError(s_test, "$p: Person  $p works_at $c", "$p.name", TypeRule.T4, "unknown edge `works_at`");

    [Fact]
    public void EdgeNames_MatchExactlyOrCaseInsensitively()
    {
        var lower = QueryAssert.Match(s_test, "$p: Person  $p worksat $c", "$c.name");
        Assert.Equal("WorksAt", Assert.Single(lower.Pattern.Traversals).Edge.Name);
    }

    [Theory]
    [InlineData("$c: Company  $c knows $f", "edge `Knows` connects Person -> Person, but `$c` is bound to Company")]
    [InlineData("$p: Person  $c: Company  $p worksAt $p", "but `$p` is bound to Person")]
    [InlineData("$p: Person  $p: Company", "variable `$p` already bound to type `Person`, cannot rebind to `Company`")]
    [InlineData("$p: Person  $p worksAt $c  $c knows $x", "but `$c` is bound to Company")]
    public void T5_EndpointTypeMismatchAndRebinding(string match, string fragment) =>
        QueryAssert.MatchError(s_test, match, "$p", TypeRule.T5, fragment);

    [Fact]
    public void T5_ParameterCannotBeBound() =>
        QueryAssert.MatchError(s_test, "$name: Person", "$name", TypeRule.T5, "`$name` is a query parameter", parameters: "$name: String");

    [Theory]
    [InlineData("$p: Person  $q.age > 3", "$p.name", "variable `$q` is not bound")]
    [InlineData("$p.age > 3  $p: Person", "$p.name", "variable `$p` is not bound")]
    [InlineData("$p: Person  $p.nick = \"x\"", "$p.name", "`$p.nick`: node type `Person` has no property `nick`")]
    [InlineData("$p: Person  not { $p knows $f }", "$f.name", "variable `$f` is not bound")]
    [InlineData("$p: Person", "$p.name as n, m", "unknown alias `m`")]
    [InlineData("$p: Person { name: $who }", "$p.name", "`$who` is not a declared parameter of query `q`")]
    public void T6_UnboundVariablesUnknownPropertiesAndAliases(string match, string ret, string fragment) =>
        QueryAssert.MatchError(s_test, match, ret, TypeRule.T6, fragment);

    [Theory]
    [InlineData("$m: Metric  $m.born >= \"2024-01-01\"", "write dates as date(\"YYYY-MM-DD\")")]
    [InlineData("$m: Metric  $m.seen < \"2024\"", "cannot compare `$m.seen` (DateTime?) with String literal")]
    [InlineData("$m: Metric  $m.born = $m.seen", "cannot compare `$m.born` (Date?) with `$m.seen` (DateTime?)")]
    [InlineData("$m: Metric  $m.count = \"2\"", "cannot compare `$m.count` (I32?) with String literal \"2\"")]
    [InlineData("$m: Metric  $m.active > 1", "cannot compare")]
    [InlineData("$m: Metric  $m.label > now()", "cannot compare `$m.label` (String?) with now() (DateTime)")]
    [InlineData("$m: Metric  $m.count contains 2", "contains needs a list or a String on the left")]
    [InlineData("$m: Metric  $m.label contains 2", "String contains needs a String on the right")]
    [InlineData("$m: Metric  $m.count starts_with \"1\"", "starts_with needs Strings on both sides")]
    [InlineData("$m: Metric  $m = 3", "filter comparisons require scalar operands: `$m` is a node variable")]
    [InlineData("$m: Metric  total > 3", "filter comparisons require scalar operands: `total`")]
    public void T7_ComparisonTyping(string match, string fragment) =>
        QueryAssert.MatchError(Fixture.Metric, match, "$m.name", TypeRule.T7, fragment);

    [Theory]
    [InlineData("$d: Doc  $d.tags = [\"a\"]", "list values cannot be compared")]
    [InlineData("$d: Doc  $d.embedding = $v", "Vector values cannot be compared")]
    [InlineData("$d: Doc  $d.attachment = \"x\"", "Blob values cannot be compared")]
    [InlineData("$d: Doc  $d.embedding contains 1.5", "contains does not apply to Vector values")]
    [InlineData("$d: Doc  $d.tags contains 3", "cannot test membership of integer literal 3 in `$d.tags` ([String]?)")]
    [InlineData("$d: Doc  $d.tags contains $d.tags", "contains tests membership of a single value")]
    [InlineData("$d: Doc  $d.rank = $name", "cannot compare `$d.rank` (I32?) with `$name` (String)")]
    [InlineData("$d: Doc  $d.status = \"gone\"", "value 'gone' is not in enum(archived-2, draft, published)")]
    public void T7_ListVectorBlobAndParameterComparisons(string match, string fragment) =>
        QueryAssert.MatchError(Fixture.Example, match, "$d.slug", TypeRule.T7, fragment, parameters: "$v: Vector(4), $name: String");

    [Fact]
    public void T7_ParameterOfWrongTypeInInlineMatch() =>
        QueryAssert.MatchError(s_test, "$p: Person { age: $name }", "$p.name", TypeRule.T7, "cannot compare `$p.age` (I32?) with `$name` (String)", parameters: "$name: String");

    [Fact]
    public void T7_OrderByListProperty() =>
        QueryAssert.MatchError(Fixture.Example, "$d: Doc", "$d.slug", TypeRule.T7, "cannot order by [String]? values", tail: "order { $d.tags }");

    [Theory]
    [InlineData("sum($p.name) as s", "sum() needs a numeric argument, got `$p.name` (String)")]
    [InlineData("avg($p) as a", "avg() needs a numeric argument, got node `$p`")]
    [InlineData("min($p.since) as m", "needs a numeric or String argument")]
    [InlineData("count($p, $p) as c", "count() takes exactly one argument, got 2")]
    public void T8_AggregateArguments(string ret, string fragment)
    {
        var match = ret.Contains("since", StringComparison.Ordinal) ? "$p: Person  $p $p2:knows $f" : "$p: Person";
        var source = ret.Contains("since", StringComparison.Ordinal)
            ? "query q() { match { $a: Person  $a $p:knows $f } return { min($p.since) as m } }"
            : $"query q() {{ match {{ {match} }} return {{ {ret} }} }}";
        QueryAssert.TypeError(s_test, source, TypeRule.T8, fragment);
    }

    [Theory]
    [InlineData("count($f) as n, \"x\" as tag", "every other projection must be `$v.prop`, `$v` or a function of them")]
    [InlineData("count($f) as n, $name", "every other projection must be `$v.prop`, `$v` or a function of them")]
    [InlineData("$p.name, $p.name", "duplicate result column `p.name`")]
    public void T9_ResultShape(string ret, string fragment) =>
        QueryAssert.MatchError(s_test, "$p: Person  $p knows $f", ret, TypeRule.T9, fragment, parameters: "$name: String");

    [Theory]
    [InlineData("order { $p.age }", "order keys must be group keys or aliases")]
    public void T9_OrderingAnAggregateQuery(string tail, string fragment) =>
        QueryAssert.MatchError(s_test, "$p: Person  $p knows $f", "$p.name, count($f) as n", TypeRule.T9, fragment, tail);

    [Theory]
    [InlineData("order { 3 }", "order keys must be `$v.prop`, `$v`, a function of them or an alias")]
    [InlineData("order { $name }", "cannot order by the parameter `$name`")]
    public void T9_OrderKeysMustNameValuesOfRows(string tail, string fragment) =>
        QueryAssert.MatchError(s_test, "$p: Person", "$p.name", TypeRule.T9, fragment, tail, "$name: String");

    [Fact]
    public void T9_NegationWithoutOuterVariable() =>
        QueryAssert.MatchError(s_test, "$p: Person  not { $x: Person  $x.age > 3 }", "$p.name", TypeRule.T9, "negation block must reference at least one outer-bound variable");

    [Fact]
    public void Ordering_AggregateQueryByGroupKeyIsAColumnReference()
    {
        var query = QueryAssert.Match(s_test, "$p: Person  $p knows $f", "$p.name, count($f) as n", "order { $p.name }");
        Assert.Equal(0, Assert.IsType<Ir.ColumnReferenceExpression>(Assert.Single(query.Order).Expression).Column);
    }

    [Theory]
    [InlineData("$p knows{0,2} $f", "min must be at least 1")]
    [InlineData("$p knows{1,} $f", "unbounded traversal is disabled")]
    [InlineData("$p knows{3,2} $f", "max must be at least min")]
    [InlineData("$p knows{1,9999999999} $f", "max must be at most 2147483647")]
    public void T15_HopBounds(string traversal, string fragment) =>
        QueryAssert.MatchError(s_test, "$p: Person  " + traversal, "$f.name", TypeRule.T15, fragment);

    [Fact]
    public void T22_UndirectedOnAsymmetricEdge() =>
        QueryAssert.MatchError(s_test, "$p: Person  $p <worksAt> $c", "$c.name", TypeRule.T22, "WorksAt connects Person -> Company");

    [Theory]
    [InlineData("$p: Person  $p $w:knows{1,2} $f", "$f.name", "edge variable `$w` needs a single hop")]
    [InlineData("$p: Person  $p $p:knows $f", "$f.name", "edge variable `$p` cannot also be an endpoint")]
    [InlineData("$p: Person  $p $w:knows $f  $f $w:knows $g", "$f.name", "edge variable `$w` is already bound")]
    [InlineData("$p: Person  $p $name:knows $f", "$f.name", "edge variable `$name` is already bound")]
    [InlineData("$p: Person  $p $w:knows $f", "$w", "bare edge variable `$w` cannot be returned")]
    [InlineData("$p: Person  $p $w:knows $f  $w knows $g", "$f.name", "edge variable `$w` cannot be used as a traversal endpoint")]
    public void T23_EdgeBindingMisuse(string match, string ret, string fragment) =>
        QueryAssert.MatchError(s_test, match, ret, TypeRule.T23, fragment, parameters: "$name: String");

    [Fact]
    public void T23_ExplicitSingleHopBoundsAreAllowed()
    {
        var query = QueryAssert.Match(s_test, "$p: Person  $p $w:knows{1,1} $f", "$w.since");
        var traversal = Assert.Single(query.Pattern.Traversals);
        Assert.Equal("w", traversal.EdgeVariable?.Name);
        Assert.Equal((1, 1), (traversal.MinHops, traversal.MaxHops));
    }

    [Fact]
    public void T23_AnonymousEdgeBindingMeansNoBinding()
    {
        var query = QueryAssert.Match(s_test, "$p: Person  $p $_:knows{1,2} $f", "$f.name");
        Assert.Null(Assert.Single(query.Pattern.Traversals).EdgeVariable);
    }

    [Theory]
    [InlineData("$d.attachment", "", "Blob values cannot be returned")]
    [InlineData("count($d.attachment) as n", "", "Blob values cannot be aggregated")]
    [InlineData("$d.slug", "order { $d.attachment }", "Blob values cannot be ordered by")]
    [InlineData("$b", "", "Blob values cannot be returned: `$b` (Blob)")]
    public void T24_BlobAsReadValue(string ret, string tail, string fragment) =>
        QueryAssert.MatchError(Fixture.Example, "$d: Doc", ret, TypeRule.T24, fragment, tail, "$b: Blob");

    [Theory]
    [InlineData("text_search")]
    [InlineData("fuzzy_search")]
    [InlineData("phrase_search")]
    [InlineData("bm25_search")]
    [InlineData("vector_search")]
    [InlineData("hybrid_search")]
    [InlineData("rrf_two_fts")]
    [InlineData("rrf_two_vectors")]
    public void SearchQueries_OfTheReferenceFixture_TypeCheck(string name)
    {
        var query = (Ir.ReadQuery)QueryAssert.Compile(Fixture.Search, Fixture.Read("search.gq"), name);
        Assert.Equal(name is "text_search" or "fuzzy_search" or "phrase_search", query.Search is null);
    }

    [Theory]
    [InlineData("bm25($d.body, \"x\") as s", "order { bm25($d.body, \"x\") }")]
    [InlineData("nearest($d.embedding, [1, 2, 3, 4]) as s", "order { nearest($d.embedding, [1, 2, 3, 4]) } limit 3")]
    [InlineData("rrf(nearest($d.embedding, [1, 2, 3, 4]), bm25($d.body, \"x\"), 5) as s", "order { rrf(nearest($d.embedding, [1, 2, 3, 4]), bm25($d.body, \"x\"), 5) } limit 3")]
    public void ScoreColumns_OfTheRankingThatOrdersTheQuery_AreNonNullF64(string ret, string tail)
    {
        var query = QueryAssert.Match(Fixture.Search, "$d: Doc", $"$d.slug, {ret}", tail);

        Assert.NotNull(query.Search);
        Assert.Equal(ScalarKind.F64, query.Projections[1].Type.Scalar);
        Assert.False(query.Projections[1].Type.IsNullable);
    }

    [Theory]
    [InlineData("$d: Doc  bm25($d.body, \"x\") > 0.5", "$d.slug", "", TypeRule.T20, "bm25() cannot be used in a match filter")]
    [InlineData("$d: Doc", "bm25($d.body, \"x\") as score", "", TypeRule.T20, "the query is not ordered by a ranking")]
    [InlineData("$d: Doc", "bm25($d.body, \"x\") as score", "order { bm25($d.body, \"y\") }", TypeRule.T20, "the query is ordered by `bm25($d.body, \"y\")`")]
    [InlineData("$d: Doc", "nearest($d.embedding, [1, 2, 3, 4]) as d", "order { rrf(nearest($d.embedding, [1, 2, 3, 4]), bm25($d.body, \"x\")) } limit 3", TypeRule.T15, "in return is the score of the ranking that orders the query")]
    [InlineData("$d: Doc", "length(bm25($d.body, \"x\")) as n", "order { bm25($d.body, \"x\") }", TypeRule.T20, "bm25() cannot be used in another function's argument")]
    [InlineData("$d: Doc", "$d.slug", "order { nearest($d.embedding, [1, 2, 3]) } limit 3", TypeRule.T15, "needs a query of 4 components, got a list of 3")]
    [InlineData("$d: Doc  search($d.body, \"x\") != true", "$d.slug", "", TypeRule.T19, "is a match clause of its own")]
    [InlineData("$d: Doc  search($d.slug, $d.body)", "$d.slug", "", TypeRule.T19, "is a literal or a parameter")]
    [InlineData("$d: Doc", "$d.slug", "order { $d.slug, bm25($d.body, \"x\") }", TypeRule.T20, "must be the first order key")]
    [InlineData("$d: Doc", "$d.slug", "order { rrf(1.5, bm25($d.body, \"x\")) } limit 2", TypeRule.T21, "each arm is a nearest(…) or bm25(…) call")]
    [InlineData("$d: Doc", "$d.slug", "order { rrf(bm25($d.title, \"x\"), bm25($d.body, \"x\"), 0) } limit 2", TypeRule.T21, "a positive integer")]
    public void SearchFunctions_MisusedAreRefusedWithTheirRule(string match, string ret, string tail, TypeRule rule, string fragment) =>
        QueryAssert.MatchError(Fixture.Search, match, ret, rule, fragment, tail);

    [Theory]
    [InlineData("$d.slug", "order { nearest($d.embedding, $v) }", TypeRule.T17, "requires a limit clause")]
    [InlineData("$d.slug", "order { nearest($d.embedding, $v) } limit 0", TypeRule.T17, "a limit of at least 1")]
    [InlineData("$d.slug as s", "order { nearest($d.embedding, $v), s } limit 3", TypeRule.T18, "cannot be combined with nearest()")]
    [InlineData("$d.slug", "order { rrf(nearest($d.embedding, $v), bm25($d.body, \"x\")) }", TypeRule.T21, "requires a limit clause")]
    public void T17_T18_T21_SearchOrderingRules(string ret, string tail, TypeRule rule, string fragment) =>
        QueryAssert.MatchError(Fixture.Search, "$d: Doc", ret, rule, fragment, tail, "$v: Vector(4)");

    [Theory]
    [InlineData("order { bm25($d.body, \"x\") desc }", "bm25", 90)]
    [InlineData("order { bm25($d.body, \"x\") asc } limit 2", "bm25", 90)]
    [InlineData("order { rrf(nearest($d.embedding, $v), bm25($d.body, \"x\")) desc } limit 2", "rrf", 122)]
    public void RankingFollowedByADirection_IsRefused(string tail, string function, int column)
    {
        var source = $"query q($v: Vector(4)) {{ match {{ $d: Doc }} return {{ $d.slug }} {tail} }}";
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(Fixture.Search, source));
        Assert.Equal(ErrorCodes.QuerySearchOrderDirection, error.Code);
        Assert.Equal(ErrorKind.Invalid, ErrorCatalog.KindOf(error.Code));
        Assert.StartsWith($"type error: {function}(…) orders best first on its own and takes no asc/desc", error.Message);
        Assert.Equal(new SourcePosition(1, column), error.Position);
    }

    [Fact]
    public void AnonymousVariable_CannotBeBoundOrRead()
    {
        QueryAssert.MatchError(s_test, "$_: Person", "$_", TypeRule.T6, "`$_` is anonymous");
        QueryAssert.MatchError(s_test, "$p: Person  $p worksAt $_", "$_", TypeRule.T6, "`$_` is anonymous and has no value");
    }

    [Fact]
    public void AnonymousVariables_NeverJoin()
    {
        var query = QueryAssert.Match(s_test, "$p: Person  $p worksAt $_  $p knows $_", "$p.name");
        var anonymous = query.Variables.Where(static v => v.IsAnonymous).ToArray();
        Assert.Equal(2, anonymous.Length);
        Assert.NotSame(anonymous[0], anonymous[1]);
        Assert.Equal(["Company", "Person"], anonymous.Select(static v => v.ElementType.Name));
    }
}
