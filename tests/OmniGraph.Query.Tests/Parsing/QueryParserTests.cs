using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Parsing;

/// <summary>The grammar of languages.md §2.2–§2.8 as the parser builds it.</summary>
public sealed class QueryParserTests
{
    private static QueryDeclarationSyntax ParseOne(string source) => Assert.Single(QueryParser.Parse(source, QueryParserLimits.Default).Queries);

    private static ReadBodySyntax ReadBody(string source) => Assert.IsType<ReadBodySyntax>(ParseOne(source).Body);

    [Fact]
    public void Declaration_ParametersOfEveryShape()
    {
        var query = ParseOne("query q($a: String, $b: I64?, $c: [Date], $d: [F32]?, $e: Vector(3), $f: Vector(8)?, $g: Blob, $h: DateTime) { match { $p: P } return { $p } }");
        Assert.Equal(["String", "I64?", "[Date]", "[F32]?", "Vector(3)", "Vector(8)?", "Blob", "DateTime"], query.Parameters.Select(static p => p.Type.DisplayName));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], query.Parameters.Select(static p => p.Name));
    }

    [Fact]
    public void Declaration_Annotations()
    {
        var query = ParseOne("query q() @description(\"d\") @instruction(\"i\") { match { $p: P } return { $p } }");
        Assert.Equal("d", query.Description);
        Assert.Equal("i", query.Instruction);
    }

    [Fact]
    public void File_SeveralQueriesAndComments()
    {
        var document = QueryParser.Parse(Fixture.Read("test.gq") + "\n" + Fixture.Read("mutations.gq"), QueryParserLimits.Default);
        Assert.Equal(17, document.Queries.Length);
    }

    [Fact]
    public void Match_ClausesNeedNoSeparators()
    {
        var body = ReadBody("query q() { match { $m: Metric  $m.score > 1.5 $m knows $x not { $x tagged $_ } search($m.label, \"x\") } return { $m.name } }");
        Assert.Collection(body.Match,
            static c => Assert.IsType<BindingClauseSyntax>(c),
            static c => Assert.IsType<FilterClauseSyntax>(c),
            static c => Assert.IsType<TraversalClauseSyntax>(c),
            static c => Assert.IsType<NegationClauseSyntax>(c),
            static c => Assert.Equal("search", Assert.IsType<CallClauseSyntax>(c).Call.Name));
    }

    [Fact]
    public void Binding_EmptyBracesAndTrailingComma()
    {
        var body = ReadBody("query q() { match { $d: Doc { }  $e: Doc { slug: \"a\", n: 3, } } return { $d } }");
        Assert.Empty(Assert.IsType<BindingClauseSyntax>(body.Match[0]).Matches);
        Assert.Equal(2, Assert.IsType<BindingClauseSyntax>(body.Match[1]).Matches.Length);
    }

    [Fact]
    public void EmptyBindingBraces_TypeCheckAsNoFilters()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person { }", "$p.name");
        Assert.Empty(Assert.Single(query.Pattern.Bindings).Filters);
    }

    [Theory]
    [InlineData("$p knows $f", false, null, false)]
    [InlineData("$p <knows> $f", true, null, false)]
    [InlineData("$p $w:knows $f", false, "w", false)]
    [InlineData("$p $w:<knows> $f", true, "w", false)]
    [InlineData("$p knows{1,3} $f", false, null, true)]
    [InlineData("$p <knows>{2,} $f", true, null, true)]
    public void Traversal_Forms(string clause, bool undirected, string? edgeVariable, bool bounded)
    {
        var traversal = Assert.IsType<TraversalClauseSyntax>(Assert.Single(ReadBody($"query q() {{ match {{ {clause} }} return {{ $f }} }}").Match));
        Assert.Equal("knows", traversal.Edge.Text);
        Assert.Equal(undirected, traversal.Undirected);
        Assert.Equal(edgeVariable, traversal.EdgeVariable?.Name);
        Assert.Equal(bounded, traversal.Bounds is not null);
    }

    [Fact]
    public void Traversal_UnboundedBoundsParse()
    {
        var bounds = Assert.IsType<TraversalClauseSyntax>(Assert.Single(ReadBody("query q() { match { $p knows{1,} $f } return { $f } }").Match)).Bounds!;
        Assert.Equal(1UL, bounds.Min);
        Assert.Null(bounds.Max);
    }

    [Theory]
    [InlineData("$a.x = 1", "Equal")]
    [InlineData("$a.x != 1", "NotEqual")]
    [InlineData("$a.x < $b", "Less")]
    [InlineData("$a.x <= 1", "LessOrEqual")]
    [InlineData("$a.x > 1", "Greater")]
    [InlineData("$a.x >= 1", "GreaterOrEqual")]
    [InlineData("$a.x contains \"y\"", "Contains")]
    [InlineData("$q contains $a.tags", "Contains")]
    [InlineData("\"abc\" contains $a.x", "Contains")]
    [InlineData("$a.x starts_with $q", "StartsWith")]
    [InlineData("$q < 3", "Less")]
    [InlineData("$a.d >= now()", "GreaterOrEqual")]
    public void Filter_Operators(string clause, string op) =>
        Assert.Equal(op, Assert.IsType<FilterClauseSyntax>(Assert.Single(ReadBody($"query q() {{ match {{ {clause} }} return {{ $a }} }}").Match)).Operator.ToString());

    [Fact]
    public void Filter_BareVariableBeforeContainsVariable_IsATraversal() =>
        Assert.IsType<TraversalClauseSyntax>(Assert.Single(ReadBody("query q() { match { $q contains $m } return { $m } }").Match));

    [Fact]
    public void Negation_Nests()
    {
        var outer = Assert.IsType<NegationClauseSyntax>(ReadBody("query q() { match { $p: P  not { $p w $c  not { $c.n = \"A\" } } } return { $p } }").Match[1]);
        Assert.IsType<NegationClauseSyntax>(outer.Clauses[1]);
    }

    [Fact]
    public void Literals_AllForms()
    {
        var body = ReadBody("query q() { match { $a.x = \"s\" $a.x = 7 $a.x = 2.5 $a.x = true $a.x = false $a.x = date(\"2024-02-29\") $a.x = datetime(\"2024-06-01T12:00:00Z\") $a.x = [1, 2.5] $a.x = [] $a.x = 18446744073709551615 } return { $a } }");
        var values = body.Match.Select(static c => Assert.IsType<LiteralSyntax>(((FilterClauseSyntax)c).Right).Value).ToArray();
        Assert.Equal(QueryValue.FromString("s"), values[0]);
        Assert.Equal(QueryValueKind.I64, values[1].Kind);
        Assert.Equal(QueryValue.FromFloat64(2.5), values[2]);
        Assert.Equal(QueryValue.FromBool(true), values[3]);
        Assert.Equal(QueryValue.FromBool(false), values[4]);
        Assert.Equal("2024-02-29", TemporalText.FormatDate(values[5].AsDate()));
        Assert.Equal(1_717_243_200_000, values[6].AsDateTime());
        Assert.Equal([QueryValue.FromFloat64(1), QueryValue.FromFloat64(2.5)], values[7].AsList().AsEnumerable());
        Assert.Empty(values[8].AsList());
        Assert.Equal(QueryValue.FromUInt64(ulong.MaxValue), values[9]);
    }

    [Fact]
    public void Return_SeparatorsAliasesAndFunctions()
    {
        var body = ReadBody("query q() { match { $p: P } return { $p.name, $p.age as age\n count($f) as n now() \"lit\" $q alias } }");
        Assert.Equal(7, body.Return.Length);
        Assert.Equal("age", body.Return[1].Alias?.Text);
        Assert.IsType<CallExpressionSyntax>(body.Return[2].Expression);
        Assert.Equal("now", Assert.IsType<CallExpressionSyntax>(body.Return[3].Expression).Name);
        Assert.IsType<AliasReferenceSyntax>(body.Return[6].Expression);
    }

    [Fact]
    public void Order_DirectionsAndLimit()
    {
        var body = ReadBody("query q() { match { $p: P } return { $p } order { $p.age desc, $p.name asc $p.x } limit 5 }");
        Assert.Equal([true, false, false], body.Order.Select(static o => o.Descending));
        Assert.Equal(5, body.Limit!.Value);
    }

    [Fact]
    public void Order_NearestFormParses()
    {
        var body = ReadBody("query q($v: Vector(2)) { match { $d: D } return { $d } order { nearest($d.e, $v) } limit 3 }");
        Assert.Equal("nearest", Assert.IsType<CallExpressionSyntax>(Assert.Single(body.Order).Expression).Name);
    }

    [Fact]
    public void Mutations_AllStatements()
    {
        var body = Assert.IsType<MutationBodySyntax>(ParseOne(
            "query m($n: String) { insert P { name: $n age: 3, seen: now() } update P set { age: 4 } where name = $n delete P where age >= 3 delete E where from != \"x\" }").Body);
        Assert.Collection(body.Statements,
            static s => Assert.Equal(3, Assert.IsType<InsertSyntax>(s).Assignments.Length),
            static s => Assert.Equal(FilterOperatorSyntax.Equal, Assert.IsType<UpdateSyntax>(s).Predicate.Operator),
            static s => Assert.Equal(FilterOperatorSyntax.GreaterOrEqual, Assert.IsType<DeleteSyntax>(s).Predicate.Operator),
            static s => Assert.Equal("from", Assert.IsType<DeleteSyntax>(s).Predicate.Property.Text));
    }

    [Fact]
    public void Positions_AreOneBasedLineAndColumn()
    {
        var query = ParseOne("\n  query q() {\n match { $p: P } return { $p } }");
        Assert.Equal(new SourcePosition(2, 3), query.Position);
        var compiled = QueryAssert.Read(Fixture.Test, "query q() {\n  match {\n    $p: Person\n  }\n  return { $p.name }\n}");
        Assert.Equal(new SourcePosition(3, 5), compiled.Variables[0].Position);
        Assert.Equal(QueryKind.Read, compiled.Kind);
    }
}
