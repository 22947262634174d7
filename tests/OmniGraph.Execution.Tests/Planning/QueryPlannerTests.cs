using OmniGraph.Execution.Planning;
using OmniGraph.Query;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Tests.Planning;

/// <summary>The physical plans the planner builds: access paths, push-down, step order, counts, anti-joins, joins.</summary>
public sealed class QueryPlannerTests
{
    private const string Schema = """
        node Person { name: String @key  age: I32?  city: String? @index  email: String? @unique }
        node Company { name: String @key }
        edge Knows: Person -> Person { since: Date? }
        edge WorksAt: Person -> Company
        """;

    private static readonly SchemaCatalog s_catalog = SchemaCatalog.Compile(Schema);
    private static readonly QueryCompiler s_compiler = new();

    private static string[] Plan(string source)
    {
        var plan = QueryPlanner.Plan(s_compiler.CompileRead(source, s_catalog));
        return plan.Describe().Split(Environment.NewLine);
    }

    [Fact]
    public void Root_PrefersAKeyLookupOverEverythingElse()
    {
        var steps = Plan("query q() { match { $a: Person { city: \"x\" }  $b: Person { name: \"n\" }  $a knows $b } return { $a.name } }");

        Assert.StartsWith("bind $b: Person by key", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("expand $b -Knows/Incoming{1,1}-> $a", steps[1], StringComparison.Ordinal);
        Assert.Contains("city Equal", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Root_PrefersAnIndexedEqualityOverOtherFilters()
    {
        var steps = Plan("query q() { match { $a: Person  $a.age > 3  $b: Person { city: \"x\" }  $a knows $b } return { $a.name } }");

        Assert.StartsWith("bind $b: Person by filtered scan [city Equal", steps[0], StringComparison.Ordinal);
        Assert.Contains("age Greater", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Root_WithOnlyFilters_ScansWithThemPushedDown()
    {
        var steps = Plan("query q() { match { $a: Person  $b: Person  $a knows $b  $b.age >= 18 } return { $a.name } }");

        Assert.StartsWith("bind $b: Person by filtered scan [age GreaterOrEqual", steps[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("starts_with($a.name, \"A\")", "name StartsWith")]
    [InlineData("contains(\"the alps\", $a.name)", "name ContainedIn")]
    [InlineData("contains($a.name, lower($q)) = true", "name Contains lower($q)")]
    [InlineData("$a.city = upper($q)", "city Equal upper($q)")]
    public void OperatorFunctionsAndConstantCalls_ArePushedDown(string filter, string pushed)
    {
        var steps = Plan($"query q($q: String) {{ match {{ $a: Person  {filter} }} return {{ $a.name }} }}");

        Assert.StartsWith("bind $a: Person by filtered scan [", steps[0], StringComparison.Ordinal);
        Assert.Contains(pushed, steps[0], StringComparison.Ordinal);
        Assert.Single(steps);
    }

    [Theory]
    [InlineData("lower($a.name) = \"alice\"")]
    [InlineData("starts_with($a.name, \"A\") = false")]
    [InlineData("starts_with($a.name, $a.city)")]
    public void FunctionsOfRowValues_AreFilteredOnRows(string filter)
    {
        var steps = Plan($"query q() {{ match {{ $a: Person  {filter} }} return {{ $a.name }} }}");

        Assert.Equal(["bind $a: Person by scan", $"filter {filter}" + (filter.Contains('=', StringComparison.Ordinal) ? string.Empty : " = true")], steps);
    }

    [Fact]
    public void TraversalToAnUnreadVariable_IsACount()
    {
        var steps = Plan("query agg() { match { $p: Person  $p knows $f } return { $p.city as city, count($f) as n } order { n desc } }");

        Assert.Equal(["bind $p: Person by scan", "count $p -Knows/Outgoing{1,1}-> neighbours"], steps);
    }

    [Fact]
    public void TraversalToAReadVariable_Expands()
    {
        var steps = Plan("query q() { match { $p: Person  $p knows $f } return { $f.name } }");

        Assert.Equal("expand $p -Knows/Outgoing{1,1}-> $f", steps[1]);
    }

    [Fact]
    public void NamedVariable_InAnOrderedResult_IsNotCounted()
    {
        var steps = Plan("query q() { match { $p: Person  $p knows $f } return { $p.name } order { $p.name } }");

        Assert.StartsWith("expand", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Negation_IsAnAntiJoinCountingEdges()
    {
        var steps = Plan("query anti() { match { $p: Person  not { $p worksAt $_ } } return { count($p) as n } }");

        Assert.Equal(["bind $p: Person by scan", "anti-join on ($p) { count $p -WorksAt/Outgoing{1,1}-> edges }"], steps);
    }

    [Fact]
    public void CycleClosingTraversal_IsAJoin()
    {
        var steps = Plan("query q() { match { $a: Person { name: \"x\" }  $a knows $b  $b knows $c  $c knows $a } return { $b.name, $c.name } }");

        Assert.Equal("join $c -Knows/Outgoing{1,1}-> $a", steps[^1]);
    }

    /// <summary>A multi-hop expanded from its right side first binds candidates backwards, then checks the exact relation forwards.</summary>
    [Fact]
    public void MultiHopFromTheRight_ExpandsBackwardsThenJoinsForwards()
    {
        var steps = Plan("query q() { match { $b: Person { name: \"x\" }  $a knows{1,3} $b } return { $a.name } }");

        Assert.Equal(["bind $b: Person by key [name Equal \"x\"]", "expand $b -Knows/Incoming{1,3}-> $a", "join $a -Knows/Outgoing{1,3}-> $b"], steps);
    }

    [Fact]
    public void FilterOnTwoVariables_RunsAfterBothAreBound()
    {
        var steps = Plan("query q() { match { $a: Person  $b: Person  $b.name starts_with $a.name } return { $a.name } }");

        Assert.Equal(["bind $a: Person by scan", "bind $b: Person by scan", "filter $b.name starts_with $a.name"], steps);
    }

    [Fact]
    public void CrossTypeMultiHopBeyondOneHop_MatchesNothing()
    {
        var steps = Plan("query q() { match { $p: Person  $p worksAt{2,3} $c } return { $c.name } }");

        Assert.StartsWith("never", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeFilters_ArePushedIntoTheTraversal()
    {
        var plan = QueryPlanner.Plan(s_compiler.CompileRead("query q() { match { $p: Person { name: \"a\" }  $p $w:knows $f  $w.since >= date(\"2020-01-01\") } return { $w.since } }", s_catalog));

        var expand = Assert.IsType<ExpandStep>(plan.Match.Steps[1]);
        Assert.Single(expand.EdgeFilters);
        Assert.Equal(["since"], expand.EdgeColumns.Select(static p => p.Name));
        Assert.Equal(2, plan.Match.Steps.Length);
    }
}
