using OmniGraph.Query.Ir;

namespace OmniGraph.Query.Tests.Selection;

/// <summary>Choosing the query to run from a source with several declarations.</summary>
public sealed class QuerySelectionTests
{
    private const string TwoQueries = "query a() { match { $p: Person } return { $p.name } } query b($n: String) { delete Person where name = $n }";

    [Fact]
    public void ByName_FindsTheQuery()
    {
        var source = QuerySource.Parse(TwoQueries);
        Assert.Equal(QueryKind.Mutation, source.Select("b").Kind);
        Assert.Equal("$n: String", Assert.Single(source.Select("b").Parameters).ToString());
    }

    [Fact]
    public void SingleQuery_NeedsNoName() =>
        Assert.Equal("get_person", QuerySource.Parse("query get_person($name: String) { match { $p: Person { name: $name } } return { $p.name } }").Select(null).Name);

    [Fact]
    public void SeveralQueries_WithoutName_AreRejected()
    {
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(Fixture.Test, TwoQueries));
        Assert.Equal(ErrorCodes.QueryNameRequired, error.Code);
        Assert.Contains("multiple queries", error.Message);
        Assert.Contains("(a, b)", error.Message);
    }

    [Fact]
    public void UnknownName_IsNotFound()
    {
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(Fixture.Test, TwoQueries, "c"));
        Assert.Equal(ErrorCodes.QueryNotFound, error.Code);
        Assert.StartsWith("query 'c' not found", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    [InlineData("// only a comment\n/* and another */")]
    public void EmptySource_MustNotBeEmpty(string source)
    {
        var error = Assert.Throws<QueryException>(() => QueryAssert.Compile(Fixture.Test, source));
        Assert.Equal(ErrorCodes.QueryEmptySource, error.Code);
        Assert.Contains("must not be empty", error.Message);
        Assert.Empty(QuerySource.Parse(source).Queries);
    }

    [Fact]
    public void DuplicateNames_FirstWins()
    {
        var source = "query a() { match { $p: Person } return { $p.name } } query a() { match { $c: Company } return { $c.name } }";
        Assert.Equal("p.name", Assert.Single(QueryAssert.Read(Fixture.Test, source, "a").ColumnNames));
    }

    [Fact]
    public void TypeErrorsAreLocalToTheirQuery()
    {
        var source = "query good() { match { $p: Person } return { $p.name } } query bad() { match { $x: Nope } return { $x } }";
        Assert.Equal("good", QueryAssert.Compile(Fixture.Test, source, "good").Name);
        Assert.Throws<QueryTypeException>(() => QueryAssert.Compile(Fixture.Test, source, "bad"));
    }

    [Fact]
    public void CompileRead_AndCompileMutation_CheckTheKind()
    {
        var compiler = new QueryCompiler();
        Assert.Equal("a", compiler.CompileRead(TwoQueries, Fixture.Test, "a").Name);
        Assert.Equal("b", compiler.CompileMutation(TwoQueries, Fixture.Test, "b").Name);
        Assert.Equal(ErrorCodes.QueryKindMismatch, Assert.Throws<QueryException>(() => compiler.CompileRead(TwoQueries, Fixture.Test, "b")).Code);
        Assert.Equal(ErrorCodes.QueryKindMismatch, Assert.Throws<QueryException>(() => compiler.CompileMutation(TwoQueries, Fixture.Test, "a")).Code);
    }
}
