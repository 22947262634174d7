using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Mutations;

/// <summary>Rules T10–T16 and D2 for mutation queries.</summary>
public sealed class MutationRuleTests
{
    private static readonly SchemaCatalog s_test = Fixture.Test;

    [Theory]
    [InlineData("query q() { insert Nope { name: \"x\" } }", "unknown type `Nope` in insert")]
    [InlineData("query q() { delete Slugged where slug = \"x\" }", "`Slugged` is an interface")]
    [InlineData("query q() { insert Person { } }", "insert for `Person` needs at least one assignment")]
    [InlineData("query q() { update Person set { } where name = \"x\" }", "update for `Person` needs at least one assignment")]
    public void T10_UnknownTargetOrNoAssignments(string source, string fragment) =>
        QueryAssert.TypeError(source.Contains("Slugged", StringComparison.Ordinal) ? Fixture.Example : s_test, source, TypeRule.T10, fragment);

    [Theory]
    [InlineData("query q() { insert Person { name: \"x\", nick: \"y\" } }", "node type `Person` has no property `nick`")]
    [InlineData("query q() { insert Person { name: \"x\", from: \"y\" } }", "`from` exists only on edge inserts")]
    [InlineData("query q() { update Person set { age: 3 } where nick = \"x\" }", "node type `Person` has no property `nick`")]
    [InlineData("query q() { delete Knows where weight > 3 }", "edges also accept `from` and `to`")]
    [InlineData("query q() { insert Knows { from: \"a\", to: \"b\", weight: 3 } }", "edge type `Knows` has no property `weight`")]
    public void T11_UnknownProperty(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T11, fragment);

    [Fact]
    public void T11_BlobInWhere() =>
        QueryAssert.TypeError(Fixture.Example, "query q() { delete Doc where attachment = \"x\" }", TypeRule.T11, "Blob property `Doc.attachment` cannot be used in where");

    [Theory]
    [InlineData("query i($age: I32) { insert Person { age: $age } }", "insert for `Person` must provide non-nullable property `name`")]
    [InlineData("query i() { insert Knows { from: \"a\" } }", "insert for edge `Knows` must provide `to`")]
    public void T12_MissingRequiredPropertyOrEndpoint(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T12, fragment);

    [Fact]
    public void T12_EdgeMissingBothEndpoints() =>
        QueryAssert.TypeError(s_test, "query i() { insert WorksAt { } }", TypeRule.T12, "must provide `from` and `to` (node ids of Person and Company)");

    [Fact]
    public void T12_RequiredEdgeProperty() =>
        QueryAssert.TypeError(SchemaCatalog.Compile("node P { n: String @key }  edge E: P -> P { w: I32 }"), "query i() { insert E { from: \"a\", to: \"b\" } }", TypeRule.T12, "must provide non-nullable property `w`");

    [Fact]
    public void T12_EmbeddedVectorWithoutItsSource() =>
        QueryAssert.TypeError(
            SchemaCatalog.Compile("node Doc { slug: String @key  title: String?  embedding: Vector(3) @embed(\"title\") }"),
            "query i() { insert Doc { slug: \"a\" } }",
            TypeRule.T12,
            "must provide non-nullable property `embedding` (or its @embed source `title`)");

    [Theory]
    [InlineData("query i() { insert Person { name: \"a\", name: \"b\" } }", "duplicate assignment to `name` in insert for `Person`")]
    [InlineData("query i() { insert Knows { from: \"a\", from: \"b\", to: \"c\" } }", "duplicate assignment to `from`")]
    [InlineData("query i() { update Person set { age: 1, age: 2 } where name = \"a\" }", "duplicate assignment to `age` in update")]
    public void T13_DuplicateAssignment(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T13, fragment);

    [Theory]
    [InlineData("query i() { insert Person { name: $n } }", "`$n` is not a declared parameter of mutation `i`")]
    [InlineData("query i() { delete Person where name = $n }", "`$n` is not a declared parameter")]
    public void T14_UndeclaredVariable(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T14, fragment);

    [Theory]
    [InlineData("query q($a: I32?) { update Knows set { since: date(\"2020-01-01\") } where from = \"Alice\" }")]
    [InlineData("query u($from: String) { update Knows set { since: \"2025-01-01\" } where from = $from }")]
    public void T16_UpdateOnEdgeType(string source) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T16, "update mutation for edge type `Knows` is not supported");

    [Theory]
    [InlineData("query i() { insert Person { name: 3 } }", "`Person.name` expects String, got integer literal 3")]
    [InlineData("query i() { insert Person { name: \"a\", age: 3000000000 } }", "value 3000000000 exceeds I32")]
    [InlineData("query i() { insert Person { name: \"a\", age: 2.5 } }", "`Person.age` expects I32?, got decimal literal 2.5")]
    [InlineData("query i() { insert Knows { from: \"a\", to: \"b\", since: \"2020-01-01\" } }", "write dates as date(\"YYYY-MM-DD\")")]
    [InlineData("query i() { insert Knows { from: 1, to: \"b\" } }", "`from` of `Knows` is a node id (String), got integer literal 1")]
    [InlineData("query i($a: I32?) { insert Person { name: $a } }", "optional parameter `$a` (I32?) may be null, but `Person.name` is not nullable")]
    public void T3_AssignmentLiteralAndNullability(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T3, fragment);

    [Theory]
    [InlineData("query i() { insert Doc { slug: \"a\", title: \"t\", status: \"gone\" } }", "invalid enum value 'gone' for Doc.status (expected: archived-2, draft, published)")]
    [InlineData("query i() { insert Doc { slug: \"a\", title: \"t\", status: \"draft\", embedding: [1, 2] } }", "vector property 'embedding' expects 4 dimensions, got 2")]
    [InlineData("query i() { insert Doc { slug: \"a\", title: \"t\", status: \"draft\", tags: [1, 2] } }", "`Doc.tags` expects [String]?, but element 0 is a integer literal 1")]
    [InlineData("query i() { insert Doc { slug: \"a\", title: \"t\", status: \"draft\", tags: \"x\" } }", "`Doc.tags` expects [String]?, got String literal")]
    [InlineData("query i() { insert Doc { slug: \"a\", title: \"t\", status: \"draft\", attachment: 3 } }", "Blob property `Doc.attachment` takes a String")]
    public void T3_AssignmentShapes(string source, string fragment) =>
        QueryAssert.TypeError(Fixture.Example, source, TypeRule.T3, fragment);

    [Theory]
    [InlineData("query i($n: String, $a: I64) { insert Person { name: $n, age: $a } }", "parameter `$a` (I64) cannot be assigned to `Person.age` (I32?)")]
    [InlineData("query i($n: I32) { insert Person { name: $n } }", "parameter `$n` (I32) cannot be assigned to `Person.name` (String)")]
    [InlineData("query i() { insert Person { name: now() } }", "now() is a DateTime and cannot be assigned to `Person.name`")]
    [InlineData("query i($f: I32) { insert Knows { from: $f, to: \"b\" } }", "`from` of `Knows` is a node id (String), got `$f` (I32)")]
    [InlineData("query d($a: String) { delete Person where age > $a }", "cannot compare `age` (I32?) with `$a` (String)")]
    [InlineData("query d() { delete Person where age > \"x\" }", "cannot compare `age` (I32?) with String literal \"x\"")]
    public void T7_AssignmentAndPredicateParameterTypes(string source, string fragment) =>
        QueryAssert.TypeError(s_test, source, TypeRule.T7, fragment);

    [Theory]
    [InlineData("query d($v: Vector(3)) { update Doc set { embedding: $v } where slug = \"a\" }", "parameter `$v` (Vector(3)) cannot be assigned to `Doc.embedding` (Vector(4)?)")]
    [InlineData("query d() { delete Doc where tags = \"x\" }", "list values cannot be compared")]
    [InlineData("query d() { delete Doc where status = \"gone\" }", "value 'gone' is not in enum(archived-2, draft, published)")]
    public void T7_ShapesInMutations(string source, string fragment) =>
        QueryAssert.TypeError(Fixture.Example, source, TypeRule.T7, fragment);

    [Fact]
    public void D2_MixingInsertAndDelete_IsRejectedWithTheDocumentedMessage()
    {
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(s_test,
            "query m($name: String, $age: I32, $victim: String) { insert Person { name: $name, age: $age }  delete Person where name = $victim }"));
        Assert.Equal(ErrorCodes.QueryMixedMutation, error.Code);
        Assert.IsNotType<QueryTypeException>(error);
        Assert.StartsWith("mutation 'm' on the same query mixes inserts/updates and deletes; split into separate mutations: (1) inserts and updates, then (2) deletes.", error.Message);
        Assert.Contains("inserts/updates and deletes", error.Message);
        Assert.Contains("split into separate mutations", error.Message);
    }

    [Fact]
    public void D2_UpdateThenDelete_IsRejected()
    {
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(s_test,
            "query q($n: String) { update Person set { age: 3 } where name = $n  delete Knows where from = $n }"));
        Assert.Equal(ErrorCodes.QueryMixedMutation, error.Code);
    }

    [Fact]
    public void D2_TypeErrorsComeFirst()
    {
        // The statements are type-checked before the D2 rule runs.
        QueryAssert.TypeError(s_test, "query q($n: String) { insert Person { nick: $n }  delete Person where name = $n }", TypeRule.T11, "nick");
    }

    [Fact]
    public void MutationWhere_RejectsContainsAndConjunctions()
    {
        QueryAssert.ParseError("query q() { delete Person where name contains \"x\" }", "where supports =, !=, <, <=, >, >= only");
        QueryAssert.ParseError("query q() { delete Person where name = \"x\" and age > 3 }", "where takes a single comparison (no and/or)");
    }
}
