using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Typing;

/// <summary>
/// Every read query of acceptance_cases.md part A (AC-01…AC-23) parses and type-checks against its schema, and the
/// IR carries the facts execution depends on: direction, column names and types, aggregates, negation
/// correlation, literal typing.
/// </summary>
public sealed class ReadAcceptanceTests
{
    private const string ChainSchema = "node Person { name: String @key }  edge Knows: Person -> Person";
    private const string CompanySchema = "node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company";
    private const string LabelSchema = "node Person { name: String @key  age: I32? }  node Company { name: String @key }  edge Knows: Person -> Person { since: Date?  label: String? }  edge WorksAt: Person -> Company";
    private const string TagsSchema = "node Doc { slug: String @key  tags: [String] }";
    private const string RepoSchema = "node Doc { slug: String @key  repoName: String @index  status: String? }";
    private const string ItemSchema = "node Item { name: String @key  value: I32 }";

    public static TheoryData<string, string> PartAQueries => new()
    {
        // AC-02
        { "test", "query q() { match { $p: Person } return { $p.name, $p.age } order { $p.age asc } }" },
        { "test", "query q() { match { $p: Person } return { $p.name } order { $p.age desc } }" },
        // AC-03
        { "test", "query young($age: I32) { match { $p: Person  $p.age < $age } return { $p.name, $p.age } order { $p.age asc } }" },
        { "test", "query at_least_30() { match { $p: Person  $p.age >= 30 } return { $p.name } order { $p.age asc } }" },
        { "test", "query at_most_28() { match { $p: Person  $p.age <= 28 } return { $p.name } order { $p.age asc } }" },
        { "test", "query not_alice() { match { $p: Person  $p.name != \"Alice\" } return { $p.name } order { $p.name asc } }" },
        // AC-04
        { "test", "query q() { match { $p: Person } return { $p.name } order { $p.age desc, $p.name asc } }" },
        // AC-05
        { "test", "query fof_chain($name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid knows $fof } return { $p.name, $mid.name, $fof.name } }" },
        // AC-06 / AC-07
        { "test", "query q() { match { $p: Person  not { $p worksAt $c  $c.name = \"Acme\" } } return { $p.name } }" },
        { "test", "query q() { match { $p: Person  not { $p worksAt $c  not { $c.name = \"Acme\" } } } return { $p.name } }" },
        { "test", "query q() { match { $p: Person  not { $p worksAt $c  $c.name != \"\" } } return { $p.name } }" },
        { "test", "query q() { match { $p: Person  not { $p worksAt $c  $c: Company { name: \"Acme\" } } } return { $p.name } }" },
        // AC-08
        { "test", "query q() { match { $p: Person  not { $p knows{2,2} $x } } return { $p.name } }" },
        // AC-09
        { ChainSchema, "query q($name: String) { match { $p: Person { name: $name }  $p knows{1,3} $f } return { $f.name } }" },
        { ChainSchema, "query q($name: String) { match { $p: Person { name: $name }  $p knows{2,3} $f } return { $f.name } }" },
        { ChainSchema, "query q($name: String) { match { $p: Person { name: $name }  $p knows{2,2} $f } return { $f.name } }" },
        // AC-10
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p knows{1,5} $f } return { $f.name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p knows $f } return { $f.name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p <knows> $f } return { $f.name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $f.name } }" },
        // AC-11
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p <knows>{1,2} $f } return { $f.name } }" },
        { "test", "query q() { match { $p: Person  not { $p knows $x } } return { $p.name } }" },
        { "test", "query q() { match { $p: Person  not { $p <knows> $x } } return { $p.name } }" },
        // AC-12
        { "test", "query q() { match { $p: Person  $p worksAt $c  $c: Company { name: \"Acme\" } } return { $p.name } }" },
        { "test", "query q() { match { $p: Person  $p worksAt $c  $c: Company } return { $p.name, $c.name } }" },
        { "test", "query q($name: String, $mid_name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid: Person { name: $mid_name }  $mid knows $fof } return { $fof.name } }" },
        { "test", "query q($company: String) { match { $p: Person  $p worksAt $c  $c: Company { name: $company } } return { $p.name, $c.name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p knows $f  $p worksAt $c } return { $f.name, $c.name } }" },
        { "test", "query q() { match { $p: Person  $p worksAt $c  $c: Company { name: \"NonExistent\" } } return { $p.name } }" },
        // AC-13 / AC-14
        { CompanySchema, "query q($name: String) { match { $p: Person { name: $name }  $p worksAt{1,2} $c } return { $c.name } }" },
        { CompanySchema, "query q($name: String) { match { $p: Person { name: $name }  $p worksAt $c } return { $c.name } }" },
        { CompanySchema, "query q($name: String) { match { $p: Person { name: $name }  $p $w:worksAt $c } return { $c.name } }" },
        // AC-15
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f  $w.since >= date(\"2023-01-01\") } return { $f.name, $w.since } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $f.name, $w.since } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $w.since } }" },
        { "test", "query q() { match { $p: Person  not { $p $w:knows $f  $w.since >= date(\"2030-01-01\") } } return { $p.name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $f.name, count($w.since) } }" },
        // AC-16
        { LabelSchema, "query q() { match { $p: Person { name: \"Alice\" }  $p $w:knows $f } return { $w.label } order { $p.age asc } }" },
        // AC-17
        { "metric", "query q() { match { $m: Metric  $m.score > 1.5 } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.ratio <= 0.25 } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { score: 3.0 } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { count: 2 } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { ratio: 0.25 } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.count >= 3 } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { count: 2.7 } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.active = true } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { active: true } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.active != true } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.born >= date(\"2024-01-01\") } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.seen < datetime(\"2024-01-01T00:00:00Z\") } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { born: date(\"2024-06-01\") } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric { seen: datetime(\"2024-06-01T12:00:00Z\") } } return { $m.name } }" },
        // AC-18
        { "metric", "query q() { match { $m: Metric  $m.label starts_with \"alp\" } return { $m.name } }" },
        { "metric", "query q($q: String) { match { $m: Metric  $m.label starts_with $q } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.label contains \"ta r\" } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.label contains \"a\" } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.name starts_with \"m\" } return { $m.name } }" },
        { "metric", "query q() { match { $a: Metric  $b: Metric  $b.label starts_with $a.label } return { $a.name, $b.name } }" },
        { "metric", "query q() { match { $m: Metric  not { $m tagged $t  $t.tname contains \"sal\" } } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  \"the alps are tall\" contains $m.label } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m.label starts_with $m.name } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m tagged $t  $t.tname starts_with \"alp\" } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  $m tagged $t  $t.tname contains \"sal\" } return { $m.name } }" },
        { "metric", "query q() { match { $m: Metric  not { $m tagged $t  $t.tname starts_with \"alp\" } } return { $m.name } }" },
        // AC-19
        { TagsSchema, "query q($tag: String) { match { $d: Doc  $d.tags contains $tag } return { $d.slug } }" },
        // AC-20
        { "test", "query q() { match { $p: Person  $p.age > 30 } return { $p.name, $p.age } order { $p.age desc } }" },
        // AC-21
        { "test", "query q() { match { $p: Person } return { min($p.name) as first_name  max($p.name) as last_name } }" },
        { "test", "query q($name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid knows $fof } return { $p.name, count($fof) as fof_count } }" },
        // AC-22
        { "test", "query q($d: String) { match { $p: Person { name: $d } } return { $p.name } }" },
        { RepoSchema, "query q($r: String) { match { $d: Doc { repoName: $r } } return { $d.slug } }" },
        // AC-23
        { ItemSchema, "query q() { match { $i: Item  $i.value > 490 } return { $i.name, $i.value } order { $i.value asc } }" },
    };

    [Theory]
    [MemberData(nameof(PartAQueries))]
    public void PartA_QueriesTypeCheck(string schema, string source)
    {
        var catalog = schema switch
        {
            "test" => Fixture.Test,
            "metric" => Fixture.Metric,
            _ => SchemaCatalog.Compile(schema),
        };
        var query = QueryAssert.Read(catalog, source);
        Assert.NotEmpty(query.Projections);
        Assert.NotEmpty(query.Pattern.Clauses);
    }

    [Fact]
    public void FixtureFile_AllReadQueriesTypeCheck()
    {
        var source = QuerySource.Parse(Fixture.Read("test.gq"));
        Assert.Equal(
            ["get_person", "adults", "friends_of", "employees_of", "friends_of_friends", "unemployed", "friend_counts", "top_by_age", "total_people", "age_stats", "top_connected"],
            source.Queries.Select(static q => q.Name));
        var compiler = new QueryCompiler();
        foreach (var query in source.Queries)
        {
            Assert.Equal(QueryKind.Read, compiler.Compile(source, Fixture.Test, query.Name).Kind);
        }
    }

    [Fact]
    public void GetPerson_ColumnsParameterAndKeyLookup()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "get_person");
        Assert.Equal(["p.name", "p.age"], query.ColumnNames.AsEnumerable());
        Assert.Equal("String", query.Projections[0].Type.DisplayName);
        Assert.Equal("I32?", query.Projections[1].Type.DisplayName);
        var p = Assert.Single(query.Variables);
        Assert.True(p.HasKeyEquality);
        var filter = Assert.Single(p.InlineFilters);
        Assert.Equal(ComparisonOperator.Equal, filter.Operator);
        Assert.True(filter.IsInline);
        Assert.Equal("name", Assert.IsType<ParameterExpression>(filter.Right).Parameter.Name);
        Assert.Equal(["name"], query.ReferencedParameters.Select(static x => x.Name));
        Assert.Null(query.Limit);
        Assert.Empty(query.Order);
    }

    [Fact]
    public void Adults_FilterOrderAndTieBreak()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "adults");
        var filter = Assert.Single(query.Pattern.Filters).Predicate;
        Assert.Equal(ComparisonOperator.Greater, filter.Operator);
        Assert.Equal(ComparisonDomain.Numeric, filter.Domain);

        // The literal meets an I32 column and fits, so it is carried as I32.
        Assert.Equal(QueryValue.FromInt32(30), Assert.IsType<LiteralExpression>(filter.Right).Value);
        Assert.Equal(QueryValueKind.I32, Assert.IsType<LiteralExpression>(filter.Right).Value.Kind);
        var key = Assert.Single(query.Order);
        Assert.True(key.Descending);
        Assert.Equal("$p.age", key.Expression.ToString());
        Assert.Equal(["p"], query.TieBreakVariables.Select(static v => v.Name));
    }

    [Fact]
    public void EmployeesOf_TraversalFromUnboundSourceToBoundTarget_IsForward()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "employees_of");
        var traversal = Assert.Single(query.Pattern.Traversals);
        Assert.Equal(TraversalDirection.Forward, traversal.Direction);
        Assert.Equal("p", traversal.Left.Name);
        Assert.Equal("Person", traversal.Left.ElementType.Name);
        Assert.False(traversal.LeftBoundBefore);
        Assert.True(traversal.RightBoundBefore);
        Assert.Equal(VariableOrigin.Traversal, traversal.Left.Origin);
        Assert.Same(traversal.Left, traversal.SourceSide);
    }

    [Fact]
    public void FriendCounts_GroupsAndOrdersByAlias()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "friend_counts");
        Assert.True(query.IsAggregate);
        Assert.Equal(["p.name", "friends"], query.ColumnNames.AsEnumerable());
        Assert.Equal("p.name", Assert.Single(query.GroupKeys).ColumnName);
        var count = Assert.IsType<AggregateExpression>(query.Projections[1].Expression);
        Assert.Equal(AggregateFunction.Count, count.Function);
        Assert.Equal("I64", count.Type.DisplayName);
        var key = Assert.Single(query.Order);
        Assert.Equal(1, Assert.IsType<ColumnReferenceExpression>(key.Expression).Column);
        Assert.True(key.Descending);
        Assert.Equal(20, query.Limit);
        Assert.Empty(query.TieBreakVariables);
    }

    [Fact]
    public void AgeStats_AggregateResultTypes()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "age_stats");
        Assert.Equal(["c.name", "total_age", "avg_age", "youngest", "oldest", "headcount"], query.ColumnNames.AsEnumerable());
        Assert.Equal(["String", "F64?", "F64?", "I32?", "I32?", "I64"], query.Projections.Select(static p => p.Type.DisplayName));
        Assert.Equal("c.name", Assert.Single(query.GroupKeys).ColumnName);
    }

    [Fact]
    public void TotalPeople_GlobalCountHasNoGroupKeys()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "total_people");
        Assert.True(query.IsAggregate);
        Assert.Empty(query.GroupKeys);
        Assert.Equal(["total"], query.ColumnNames.AsEnumerable());
    }

    [Fact]
    public void Unemployed_NegationCorrelatesOnOuterVariable()
    {
        var query = QueryAssert.Read(Fixture.Test, Fixture.Read("test.gq"), "unemployed");
        var negation = Assert.Single(query.Pattern.Negations);
        Assert.Equal("p", Assert.Single(negation.OuterVariables).Name);
        var inner = Assert.Single(negation.Pattern.Traversals);
        Assert.True(inner.Right.IsAnonymous);
        Assert.Equal(1, inner.Right.Depth);
        Assert.Equal("Company", inner.Right.ElementType.Name);
        Assert.Equal(["p"], query.TieBreakVariables.Select(static v => v.Name));
    }

    [Fact]
    public void NestedNegation_EachLevelListsItsOuterVariables()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person  not { $p worksAt $c  not { $c.name = \"Acme\" } }", "$p.name");
        var outer = Assert.Single(query.Pattern.Negations);
        Assert.Equal(["p"], outer.OuterVariables.Select(static v => v.Name));
        var inner = Assert.Single(outer.Pattern.Negations);
        Assert.Equal(["c"], inner.OuterVariables.Select(static v => v.Name));
        Assert.Equal(2, inner.Pattern.Depth);
    }

    [Fact]
    public void InnerBindingOfNegation_DoesNotRestrictTheOuterScan()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person  $p worksAt $c  not { $c: Company { name: \"Acme\" } }", "$p.name");
        var c = query.Variables.Single(static v => v.Name == "c");
        Assert.Empty(c.InlineFilters);
        var binding = Assert.Single(Assert.Single(query.Pattern.Negations).Pattern.Bindings);
        Assert.Single(binding.Filters);
    }

    [Fact]
    public void LaterBinding_OfTraversalVariable_ConstrainsIt()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person  $p worksAt $c  $c: Company { name: \"Acme\" }", "$p.name");
        var c = query.Variables.Single(static v => v.Name == "c");
        Assert.Equal(VariableOrigin.Traversal, c.Origin);
        Assert.Single(c.InlineFilters);
        Assert.True(c.HasKeyEquality);
        Assert.Equal(2, query.Pattern.Bindings.Length);
    }

    [Fact]
    public void VariableHops_AndCrossTypeCap()
    {
        var chain = QueryAssert.Read(SchemaCatalog.Compile(ChainSchema), "query q($name: String) { match { $p: Person { name: $name }  $p knows{2,3} $f } return { $f.name } }");
        var hop = Assert.Single(chain.Pattern.Traversals);
        Assert.Equal((2, 3, 3), (hop.MinHops, hop.MaxHops, hop.EffectiveMaxHops));
        Assert.True(hop.IsMultiHop);

        var crossType = QueryAssert.Read(SchemaCatalog.Compile(CompanySchema), "query q($name: String) { match { $p: Person { name: $name }  $p worksAt{1,2} $c } return { $c.name } }");
        var capped = Assert.Single(crossType.Pattern.Traversals);
        Assert.Equal((1, 2, 1), (capped.MinHops, capped.MaxHops, capped.EffectiveMaxHops));
    }

    [Fact]
    public void EdgeBinding_IsAnEdgeVariableWithTieBreak()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person { name: $name }  $p $w:knows $f", "$f.name, $w.since", parameters: "$name: String");
        var traversal = Assert.Single(query.Pattern.Traversals);
        var w = Assert.IsType<PatternVariable>(traversal.EdgeVariable);
        Assert.Equal(VariableKind.Edge, w.Kind);
        Assert.Equal("Knows", w.EdgeType!.Name);
        Assert.Equal(["f", "p", "w"], query.TieBreakVariables.Select(static v => v.Name));
        Assert.Equal(["f.name", "w.since"], query.ColumnNames.AsEnumerable());
        Assert.Equal("Date?", query.Projections[1].Type.DisplayName);
    }

    [Fact]
    public void CountOfEdgeProperty_IsNamedAfterItsArgument()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person { name: $name }  $p $w:knows $f", "$f.name, count($w.since)", parameters: "$name: String");
        Assert.Equal(["f.name", "w.since"], query.ColumnNames.AsEnumerable());
        Assert.Equal("I64", query.Projections[1].Type.DisplayName);
    }

    [Fact]
    public void UndirectedSelfTypedEdge()
    {
        var query = QueryAssert.Match(Fixture.Test, "$p: Person  $p <knows>{1,2} $f", "$f.name");
        var traversal = Assert.Single(query.Pattern.Traversals);
        Assert.Equal(TraversalDirection.Undirected, traversal.Direction);
        Assert.Equal(2, traversal.EffectiveMaxHops);
    }

    [Fact]
    public void LiteralTyping_FollowsTheColumn()
    {
        static LiteralExpression Inline(string match) =>
            Assert.IsType<LiteralExpression>(Assert.Single(QueryAssert.Match(Fixture.Metric, match, "$m.name").Variables[0].InlineFilters).Right);

        Assert.Equal(QueryValueKind.I32, Inline("$m: Metric { count: 2 }").Value.Kind);

        // 2.7 cannot be an I32: it stays a decimal and compares exactly (matching nothing).
        Assert.Equal(QueryValue.FromFloat64(2.7), Inline("$m: Metric { count: 2.7 }").Value);
        Assert.Equal(QueryValueKind.F64, Inline("$m: Metric { count: 2.7 }").Value.Kind);
        Assert.Equal(QueryValue.FromFloat32(0.25f), Inline("$m: Metric { ratio: 0.25 }").Value);
        Assert.Equal(QueryValueKind.F32, Inline("$m: Metric { ratio: 0.1 }").Value.Kind);
        Assert.Equal(QueryValueKind.F64, Inline("$m: Metric { score: 3 }").Value.Kind);
        Assert.Equal(QueryValueKind.Date, Inline("$m: Metric { born: date(\"2024-06-01\") }").Value.Kind);
    }

    [Fact]
    public void StringPredicates_ResolveOperatorAndVariables()
    {
        var reversed = Assert.Single(QueryAssert.Match(Fixture.Metric, "$m: Metric  \"the alps are tall\" contains $m.label", "$m.name").Pattern.Filters).Predicate;
        Assert.Equal(ComparisonOperator.StringContains, reversed.Operator);
        Assert.IsType<LiteralExpression>(reversed.Left);

        var cross = Assert.Single(QueryAssert.Match(Fixture.Metric, "$a: Metric  $b: Metric  $b.label starts_with $a.label", "$a.name, $b.name").Pattern.Filters).Predicate;
        Assert.Equal(ComparisonOperator.StartsWith, cross.Operator);
        Assert.Equal(["a", "b"], cross.Variables.Select(static v => v.Name));

        var membership = Assert.Single(QueryAssert.Read(SchemaCatalog.Compile(TagsSchema), "query q($tag: String) { match { $d: Doc  $d.tags contains $tag } return { $d.slug } }").Pattern.Filters).Predicate;
        Assert.Equal(ComparisonOperator.ListContains, membership.Operator);
        Assert.Equal(ComparisonDomain.String, membership.Domain);
    }

    [Fact]
    public void ListPropertyInlineMatch_IsMembership()
    {
        var query = QueryAssert.Match(Fixture.Example, "$d: Doc { tags: \"x\" }", "$d.slug");
        Assert.Equal(ComparisonOperator.ListContains, Assert.Single(query.Variables[0].InlineFilters).Operator);
    }

    [Fact]
    public void CartesianComponents_AreSeparateBindings()
    {
        var query = QueryAssert.Match(Fixture.Metric, "$a: Metric  $b: Metric", "$a.name, $b.name");
        Assert.Equal(2, query.Pattern.Bindings.Length);
        Assert.Empty(query.Pattern.Traversals);
    }

    [Fact]
    public void CycleClosingTraversal_HasBothEndpointsBound()
    {
        var query = QueryAssert.Match(Fixture.Test, "$a: Person  $a knows $b  $b knows $c  $c knows $a", "$a.name");
        var closing = query.Pattern.Traversals[2];
        Assert.True(closing.LeftBoundBefore);
        Assert.True(closing.RightBoundBefore);
    }

    [Fact]
    public void ExampleFile_ReadQueriesTypeCheck()
    {
        var source = QuerySource.Parse(Fixture.Read("example.gq"));
        var compiler = new QueryCompiler();
        foreach (var info in source.Queries)
        {
            Assert.Equal(info.Kind, compiler.Compile(source, Fixture.Example, info.Name).Kind);
        }

        var docs = Assert.IsType<ReadQuery>(compiler.Compile(source, Fixture.Example, "docs_by_status"));
        Assert.Equal("Published docs", docs.Description);
        Assert.Equal("use for listings", docs.Instruction);
        Assert.Equal(["d.slug", "title", "a.name"], docs.ColumnNames.AsEnumerable());
        Assert.True(docs.Parameters[1].IsOptional);
        Assert.Equal(1, Assert.IsType<ColumnReferenceExpression>(docs.Order[1].Expression).Column);

        var reach = Assert.IsType<ReadQuery>(compiler.Compile(source, Fixture.Example, "reach"));
        Assert.Equal(TraversalDirection.Undirected, Assert.Single(reach.Pattern.Traversals).Direction);
    }
}
