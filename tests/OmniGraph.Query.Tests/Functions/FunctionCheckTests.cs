using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Functions;

/// <summary>
/// The one check every clause runs on a call: unknown names, wrong argument counts, wrong argument kinds and calls where
/// the function is not allowed are typed errors with stable codes and positions (the aggregates keep their <c>T8</c>);
/// search functions stay refused with their rule.
/// </summary>
public sealed class FunctionCheckTests
{
    private static readonly SchemaCatalog s_test = Fixture.Test;

    [Theory]
    [InlineData("query q() { match { $p: Person  foo($p.name) = 1 } return { $p } }", "unknown function 'foo'", 1, 33)]
    [InlineData("query q() { match { $p: Person } return { lowr($p.name) } }", "unknown function 'lowr'; did you mean lower()?", 1, 43)]
    [InlineData("query q() { match { $p: Person } return { $p } order { uper($p.name) } }", "did you mean upper()?", 1, 56)]
    [InlineData("query q() { insert Person { name: uuid() } }", "unknown function 'uuid'", 1, 35)]
    public void UnknownFunction_IsNamedWithAPosition(string source, string fragment, int line, int column)
    {
        var error = QueryAssert.FunctionError(s_test, source, ErrorCodes.QueryFunctionUnknown, fragment);
        Assert.Equal(new SourcePosition(line, column), error.Position);
    }

    [Theory]
    [InlineData("lower($p.name, \"x\")", "lower() takes exactly one argument, got 2")]
    [InlineData("lower()", "lower() takes exactly one argument, got 0")]
    [InlineData("starts_with($p.name)", "starts_with() takes exactly two arguments, got 1")]
    [InlineData("now(1)", "now() takes no arguments, got 1")]
    public void WrongArgumentCount_IsQueryFunctionArity(string call, string fragment)
    {
        var error = QueryAssert.FunctionError(s_test, $"query q() {{ match {{ $p: Person }}\n return {{ {call} as v }} }}", ErrorCodes.QueryFunctionArity, fragment);
        Assert.Equal(new SourcePosition(2, 11), error.Position);
    }

    [Theory]
    [InlineData("lower($p.age)", "$p.age", "lower() needs a String argument, got `$p.age` (I32?)")]
    [InlineData("length(3)", "3", "length() needs a String argument, got integer literal 3")]
    [InlineData("starts_with($p.name, $p.age)", "$p.age", "starts_with() needs a String as its second argument (prefix), got `$p.age` (I32?)")]
    [InlineData("contains(now(), \"x\")", "now()", "contains() needs a String as its first argument (s), got now() (DateTime)")]
    [InlineData("upper(length($p.name))", "length(", "upper() needs a String argument, got length($p.name) (I64)")]
    [InlineData("trim(n)", "n", "trim() takes values of the rows (`$v.prop`, `$v`, parameters, literals), not the alias `n`")]
    public void WrongArgumentKind_IsQueryFunctionArgument_AtTheArgument(string call, string argument, string fragment)
    {
        const string Prefix = " return { $p.name as n, ";
        var error = QueryAssert.FunctionError(s_test, $"query q() {{ match {{ $p: Person }}\n{Prefix}{call} as v }} }}", ErrorCodes.QueryFunctionArgument, fragment);
        Assert.Equal(new SourcePosition(2, Prefix.Length + call.IndexOf(argument, StringComparison.Ordinal) + 1), error.Position);
    }

    [Theory]
    [InlineData("query q() { match { $p: Person  count($p) > 3 } return { $p } }", "count() cannot be used in a match filter; it is allowed in return", 1, 33)]
    [InlineData("query q() { match { $p: Person  count($p) } return { $p } }", "count() cannot be used in a match filter", 1, 33)]
    [InlineData("query q() { match { $p: Person  $p knows $f } return { $p.name, count($f) as n } order { count($f) desc } }", "count() cannot be used in order; it is allowed in return (an aggregate stands alone in a projection, `count(…) as n`; order by its alias)", 1, 90)]
    [InlineData("query q() { match { $p: Person } return { count(count($p)) as c } }", "count() cannot be used in an aggregate's argument", 1, 49)]
    [InlineData("query q() { match { $p: Person } return { lower(max($p.name)) as c } }", "max() cannot be used in another function's argument", 1, 49)]
    [InlineData("query q($n: String) { insert Person { name: lower($n) } }", "lower() cannot be used in a mutation value; it is allowed in return, match filters, order, aggregate arguments and function arguments", 1, 45)]
    [InlineData("query q($n: String) { update Person set { age: length($n) } where name = $n }", "length() cannot be used in a mutation value", 1, 48)]
    [InlineData("query q($n: String) { delete Person where name = upper($n) }", "upper() cannot be used in a mutation value", 1, 50)]
    [InlineData("query q($n: String) { match { $p: Person { name: trim($n) } } return { $p } }", "trim() cannot be used in an inline match", 1, 50)]
    [InlineData("query q() { match { $p: Person } return { $p } order { now() } }", "now() cannot be used in order", 1, 56)]
    public void CallWhereTheFunctionIsNotAllowed_IsQueryFunctionNotAllowed(string source, string fragment, int line, int column)
    {
        var error = QueryAssert.FunctionError(s_test, source, ErrorCodes.QueryFunctionNotAllowed, fragment);
        Assert.Equal(new SourcePosition(line, column), error.Position);
    }

    [Theory]
    [InlineData("count($p, $p) as c", "count() takes exactly one argument, got 2")]
    [InlineData("sum($p.name) as s", "sum() needs a numeric argument, got `$p.name` (String)")]
    [InlineData("max($p) as m", null)]
    public void Aggregates_KeepTheirReferenceRule(string ret, string? fragment)
    {
        var source = $"query q() {{ match {{ $p: Person }} return {{ {ret} }} }}";
        if (fragment is null)
        {
            Assert.Equal(PropertyType.Of(ScalarKind.String, nullable: true), QueryAssert.Read(s_test, source).Projections[0].Type);
            return;
        }

        QueryAssert.TypeError(s_test, source, TypeRule.T8, fragment);
    }

    [Fact]
    public void BareCallClause_MustBeATest() =>
        QueryAssert.MatchError(s_test, "$p: Person  lower($p.name)", "$p", TypeRule.T7, "a match clause must be a test, and `lower($p.name)` is a String: compare it");

    [Fact]
    public void BlobArgument_IsT24() =>
        QueryAssert.MatchError(Fixture.Example, "$d: Doc  length($d.attachment) > 3", "$d.slug", TypeRule.T24, "Blob values cannot be passed to length()");

    [Theory]
    [InlineData("fuzzy($d.body, \"x\", 1, 2)", TypeRule.T19, "fuzzy() takes two to three arguments, got 4")]
    [InlineData("match_text($d.body, 3)", TypeRule.T20, "match_text() needs a String as its second argument (query)")]
    [InlineData("search($d.embedding, \"x\")", TypeRule.T19, "search() needs a String as its first argument (field)")]
    public void SearchFunctions_ArityAndKinds_AreTheirRule(string clause, TypeRule rule, string fragment) =>
        QueryAssert.MatchError(Fixture.Search, $"$d: Doc  {clause}", "$d.slug", rule, fragment);

    [Fact]
    public void Calls_AreTypedByTheirFunction()
    {
        var query = QueryAssert.Read(s_test, """
            query q($prefix: String?) {
                match { $p: Person  starts_with($p.name, $prefix)  length(trim($p.name)) > 2 }
                return { upper($p.name), lower("ABC") as abc, length($p.name) as n, contains($p.name, "li") as has, now() }
                order { lower($p.name) desc }
            }
            """);
        Assert.Equal(["upper", "abc", "n", "has", "now"], query.ColumnNames.AsEnumerable());
        Assert.Equal(["String", "String", "I64", "Bool", "DateTime"], query.Projections.Select(static p => p.Type.DisplayName));
        var abc = Assert.IsType<FunctionCallExpression>(query.Projections[1].Expression);
        Assert.True(abc.IsConstant);
        Assert.False(Assert.IsType<FunctionCallExpression>(query.Projections[0].Expression).IsConstant);

        // The bare clause is sugar for `call = true`; an optional argument makes the result nullable.
        var clause = query.Pattern.Filters[0].Predicate;
        Assert.Equal("starts_with($p.name, $prefix) = true", clause.ToString());
        Assert.Equal(PropertyType.Of(ScalarKind.Bool, nullable: true), clause.Left.Type);
        Assert.Equal([query.Variables[0]], clause.Variables.AsEnumerable());
        Assert.Equal("length(trim($p.name)) > 2", query.Pattern.Filters[1].Predicate.ToString());
        Assert.True(query.UsesNow);
    }

    [Fact]
    public void FunctionsOfGroupKeys_GroupAndOrderAnAggregateQuery()
    {
        var query = QueryAssert.Read(s_test, """
            query q() {
                match { $p: Person }
                return { lower($p.name) as key, count($p) as n }
                order { lower($p.name) }
            }
            """);
        Assert.True(query.IsAggregate);
        Assert.IsType<FunctionCallExpression>(Assert.Single(query.GroupKeys).Expression);
        Assert.Equal(0, Assert.IsType<ColumnReferenceExpression>(Assert.Single(query.Order).Expression).Column);
    }

    [Fact]
    public void ConstantCallAsGroupKey_IsT9() =>
        QueryAssert.MatchError(s_test, "$p: Person", "count($p) as n, lower(\"X\") as x", TypeRule.T9, "every other projection must be `$v.prop`, `$v` or a function of them");

    [Fact]
    public void Now_IsAllowedWhereItWas()
    {
        var query = QueryAssert.Read(Fixture.Metric, "query q() { match { $m: Metric { seen: now() }  $m.seen <= now() } return { now(), $m.name } }");
        Assert.True(query.UsesNow);
        Assert.Equal("now", query.ColumnNames[0]);
        Assert.Equal(PropertyType.Of(ScalarKind.I64), QueryAssert.Read(Fixture.Metric, "query q() { match { $m: Metric } return { count(now()) as n } }").Projections[0].Type);
        var mutation = QueryAssert.Mutation(Fixture.Metric, "query m() { update Metric set { seen: now() } where seen < now() }");
        Assert.True(mutation.UsesNow);
    }
}
