using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Mutations;

/// <summary>
/// The mutation queries of FX-M and AC-24…AC-31 type-check into statements with resolved targets, typed
/// assignments and predicates, in source order, with their D2 effect.
/// </summary>
public sealed class MutationAcceptanceTests
{
    private const string UserSchema = "node User { name: String @key  email: String?  @unique(email) }";
    private const string RepoSchema = "node Doc { slug: String @key  repoName: String @index  status: String? }";

    public static TheoryData<string, string> Queries => new()
    {
        // AC-24
        { "test", "query add_friend_since($from: String, $to: String, $since: Date) { insert Knows { from: $from, to: $to, since: $since } }" },
        // AC-27
        { "test", "query r($old_name: String, $new_name: String) { update Person set { name: $new_name } where name = $old_name }" },
        // AC-30
        { "test", "query d($name: String, $threshold: I32) { delete Person where name = $name  delete Person where age > $threshold }" },
        { "test", "query d($threshold: I32, $name: String) { delete Person where age > $threshold  delete Person where name = $name }" },
        // AC-31
        { "test", "query m($name: String, $insert_age: I32, $update_age: I32) { insert Person { name: $name, age: $insert_age }  update Person set { age: $update_age } where name = $name }" },
        { "test", "query m($n: String, $a: I32, $b: I32, $t: I32) { update Person set { age: $a } where name = $n  update Person set { age: $b } where age > $t }" },
        { "test", "query m($from: String, $a: String, $b: String) { insert Knows { from: $from, to: $a }  insert Knows { from: $from, to: $b } }" },
        { "test", "query m($first: String, $second: String) { delete Person where name = $first  delete Person where name = $second }" },
        { "test", "query m($name: String, $other: String) { delete Person where name = $name  delete Knows where from = $other }" },
        // AC-18 (languages.md §8)
        { UserSchema, "query reassign() { update User set {email:\"temp\"} where name=\"Alice\" update User set {email:\"final\"} where name=\"Alice\" insert User {name:\"Carol\", email:\"temp\"} }" },
        // AC-22
        { RepoSchema, "query u($st: String, $repo: String) { update Doc set { status: $st } where repoName = $repo }" },
        { RepoSchema, "query d($repo: String) { delete Doc where repoName = $repo }" },
        { RepoSchema, "query u($repo: String) { update Doc set { status: \"stage1\" } where repoName = $repo  update Doc set { status: \"stage2\" } where repoName = $repo }" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Mutations_TypeCheck(string schema, string source)
    {
        var query = QueryAssert.Mutation(schema == "test" ? Fixture.Test : SchemaCatalog.Compile(schema), source);
        Assert.NotEmpty(query.Statements);
        Assert.All(query.Statements, static (s, i) => Assert.Equal(i, s.Index));
    }

    [Fact]
    public void FixtureMutations_TypeCheck()
    {
        var source = QuerySource.Parse(Fixture.Read("mutations.gq"));
        Assert.All(source.Queries, static q => Assert.Equal(QueryKind.Mutation, q.Kind));
        foreach (var info in source.Queries)
        {
            QueryAssert.Mutation(Fixture.Test, source.Text, info.Name);
        }
    }

    [Fact]
    public void InsertPerson_NodeInsertWithTypedAssignments()
    {
        var query = QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "insert_person");
        Assert.Equal(MutationEffect.Constructive, query.Effect);
        var insert = Assert.IsType<InsertNodeStatement>(Assert.Single(query.Statements));
        Assert.Equal(MutationStatementKind.InsertNode, insert.Kind);
        Assert.Equal("Person", insert.Type.Name);
        Assert.Equal(["name", "age"], insert.Assignments.Select(static a => a.Property.Name));
        Assert.True(insert.Assignments[0].IsKeyMember);
        Assert.False(insert.Assignments[1].IsKeyMember);
        Assert.Equal("age", Assert.IsType<ParameterExpression>(insert.Assignments[1].Value).Parameter.Name);
        Assert.Empty(insert.EmbeddingTargets);
    }

    [Fact]
    public void AddFriend_EdgeInsertTakesFromAndTo()
    {
        var insert = Assert.IsType<InsertEdgeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "add_friend").Statements));
        Assert.Equal("Knows", insert.Type.Name);
        Assert.Equal("from", Assert.IsType<ParameterExpression>(insert.From).Parameter.Name);
        Assert.Equal("to", Assert.IsType<ParameterExpression>(insert.To).Parameter.Name);
        Assert.Empty(insert.Assignments);
    }

    [Fact]
    public void SetAge_UpdateWithPredicate()
    {
        var update = Assert.IsType<UpdateNodeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "set_age").Statements));
        Assert.False(update.AssignsKeyProperty);
        Assert.Equal(PredicateSubject.Property, update.Where.Subject);
        Assert.Equal("name", update.Where.SubjectName);
        Assert.Equal(ComparisonOperator.Equal, update.Where.Operator);
        Assert.Equal(ComparisonDomain.String, update.Where.Domain);
    }

    [Fact]
    public void RemoveFriendship_DeleteEdgeByFrom()
    {
        var query = QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "remove_friendship");
        Assert.Equal(MutationEffect.Destructive, query.Effect);
        var delete = Assert.IsType<DeleteEdgeStatement>(Assert.Single(query.Statements));
        Assert.Equal(PredicateSubject.EdgeSource, delete.Where.Subject);
        Assert.Null(delete.Where.Property);
        Assert.Equal("from", delete.Where.SubjectName);
    }

    [Fact]
    public void RemovePerson_DeleteNode()
    {
        var delete = Assert.IsType<DeleteNodeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "remove_person").Statements));
        Assert.Equal("Person", delete.Type.Name);
        Assert.True(delete.IsDestructive);
    }

    [Fact]
    public void InsertPersonAndFriend_StatementsInOrder()
    {
        var query = QueryAssert.Mutation(Fixture.Test, Fixture.Read("mutations.gq"), "insert_person_and_friend");
        Assert.Equal([MutationStatementKind.InsertNode, MutationStatementKind.InsertEdge], query.Statements.Select(static s => s.Kind));
        Assert.Equal(["name", "age", "friend"], query.ReferencedParameters.Select(static p => p.Name));
    }

    [Fact]
    public void UpdateOfKeyProperty_IsFlaggedForTheRuntimeRule()
    {
        var update = Assert.IsType<UpdateNodeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Test,
            "query r($old_name: String, $new_name: String) { update Person set { name: $new_name } where name = $old_name }").Statements));
        Assert.True(update.AssignsKeyProperty);
        Assert.True(Assert.Single(update.Assignments).IsKeyMember);
    }

    [Fact]
    public void Literals_AreConvertedToThePropertyKind()
    {
        var insert = Assert.IsType<InsertNodeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Example,
            """
            query i() { insert Doc { slug: "a", title: "t", status: "draft", rank: 7, score: 2, tags: ["x", "y"], embedding: [1, 2.5, 3, 4],
                                     published_on: date("2024-01-02"), updated_at: now(), attachment: "base64:AAAA" } }
            """).Statements));
        var values = insert.Assignments.ToDictionary(static a => a.Property.Name, static a => a.Value);
        Assert.Equal(QueryValueKind.I32, Assert.IsType<LiteralExpression>(values["rank"]).Value.Kind);
        Assert.Equal(QueryValue.FromFloat64(2), Assert.IsType<LiteralExpression>(values["score"]).Value);
        Assert.Equal(QueryValueKind.F64, Assert.IsType<LiteralExpression>(values["score"]).Value.Kind);
        Assert.Equal(QueryValueKind.List, Assert.IsType<LiteralExpression>(values["tags"]).Value.Kind);
        var vector = Assert.IsType<LiteralExpression>(values["embedding"]).Value;
        Assert.Equal(QueryValueKind.Vector, vector.Kind);
        Assert.Equal([1f, 2.5f, 3f, 4f], vector.AsVector().ToArray());
        Assert.Same(FunctionRegistry.Now, Assert.IsType<FunctionCallExpression>(values["updated_at"]).Function);
        Assert.Equal(QueryValueKind.String, Assert.IsType<LiteralExpression>(values["attachment"]).Value.Kind);
    }

    [Fact]
    public void Now_IsInjectedInMutations()
    {
        var query = QueryAssert.Mutation(Fixture.Example, Fixture.Read("example.gq"), "publish");
        Assert.True(query.UsesNow);
        var update = Assert.IsType<UpdateNodeStatement>(Assert.Single(query.Statements));
        var now = Assert.IsType<FunctionCallExpression>(update.Assignments[1].Value);
        Assert.Same(FunctionRegistry.Now, now.Function);
        Assert.True(now.IsConstant);
    }

    [Fact]
    public void DeleteEdgeByTo()
    {
        var delete = Assert.IsType<DeleteEdgeStatement>(Assert.Single(QueryAssert.Mutation(Fixture.Example, Fixture.Read("example.gq"), "unlink").Statements));
        Assert.Equal(PredicateSubject.EdgeTarget, delete.Where.Subject);
        Assert.Equal("Mentions", delete.Type.Name);
    }

    [Fact]
    public void EmbeddedVector_MayBeOmittedWhenItsSourceIsAssigned()
    {
        var schema = SchemaCatalog.Compile("node Doc { slug: String @key  title: String  embedding: Vector(3) @embed(\"title\") }");
        var insert = Assert.IsType<InsertNodeStatement>(Assert.Single(QueryAssert.Mutation(schema, "query i($s: String, $t: String) { insert Doc { slug: $s, title: $t } }").Statements));
        Assert.Equal("embedding", Assert.Single(insert.EmbeddingTargets).Name);
    }

    [Fact]
    public void NodeAndEdgeMayShareAName_NodeWinsForInsert()
    {
        var schema = SchemaCatalog.Compile("node Link { url: String @key }  node Page { url: String @key }  edge Link: Page -> Page");
        var insert = Assert.Single(QueryAssert.Mutation(schema, "query i() { insert Link { url: \"x\" } }").Statements);
        Assert.Equal(MutationStatementKind.InsertNode, insert.Kind);
    }

    [Fact]
    public void ParameterWidening_IntoWiderProperty()
    {
        var schema = SchemaCatalog.Compile("node N { k: String @key  big: I64?  ratio: F64?  blob: Blob?  level: enum(a, b)? }");
        var query = QueryAssert.Mutation(schema,
            "query u($k: String, $i: I32, $u: U32, $f: F32, $s: String, $l: String) { update N set { big: $u, ratio: $f, blob: $s, level: $l } where k = $k  update N set { big: $i, ratio: $i } where k = $k }");
        Assert.Equal(2, query.Statements.Length);
    }
}
