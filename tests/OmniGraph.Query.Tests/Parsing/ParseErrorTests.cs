namespace OmniGraph.Query.Tests.Parsing;

/// <summary>
/// Every kind of grammar violation is a <c>query_parse_error</c> with <c>parse error: line L, column C: …</c>.
/// </summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("match { }", 1, 1, "expected 'query', found 'match'")]
    [InlineData("query Q() { match { $p: P } return { $p } }", 1, 7, "query names start with a lowercase letter or '_', found 'Q'")]
    [InlineData("query q { }", 1, 9, "expected '(' after query name 'q', found '{'")]
    [InlineData("query q() match", 1, 11, "expected '{' to open the body of query 'q'")]
    [InlineData("query q() { }", 1, 13, "expected 'match', 'insert', 'update' or 'delete', found '}'")]
    [InlineData("query q() { match { $p: P } return { $p }", 1, 42, "expected '}' to close query 'q', found end of input")]
    [InlineData("query q() { match { $p: P } return { $p } } }", 1, 45, "expected 'query', found '}'")]
    public void Declarations(string source, int line, int column, string fragment) =>
        QueryAssert.ParseError(source, line, column, fragment);

    [Theory]
    [InlineData("query q($a String) {}", 1, 12, "expected ':' after parameter $a")]
    [InlineData("query q($a: Strin) {}", 1, 13, "unknown parameter type 'Strin' (expected String, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, Blob, [T] or Vector(N))")]
    [InlineData("query q($a: enum(x)) {}", 1, 13, "enum is not a parameter type; declare the parameter as String")]
    [InlineData("query q($a: [Blob]) {}", 1, 13, "list of Blob is not supported")]
    [InlineData("query q($a: [[String]]) {}", 1, 14, "list parameters hold scalar elements only")]
    [InlineData("query q($a: Vector(0)) {}", 1, 20, "Vector dimension must be greater than zero")]
    [InlineData("query q($a: Vector(99999999999)) {}", 1, 20, "exceeds maximum supported")]
    [InlineData("query q($a: String, $a: I32) {}", 1, 21, "duplicate parameter `$a`")]
    [InlineData("query q($__omnigraph_now: DateTime) {}", 1, 9, "parameter name `$__omnigraph_now` is reserved")]
    [InlineData("query q($__nanograph_now: DateTime) {}", 1, 9, "is reserved")]
    [InlineData("query q($_: String) {}", 1, 9, "the anonymous variable $_ cannot be a parameter")]
    [InlineData("query q($a: String,) {}", 1, 20, "expected a parameter ($name: Type), found ')'")]
    [InlineData("query q($a: String $b: I32) {}", 1, 20, "expected ',' or ')' in the parameter list")]
    public void Parameters(string source, int line, int column, string fragment) =>
        QueryAssert.ParseError(source, line, column, fragment);

    [Theory]
    [InlineData("query q() @description(\"a\") @description(\"b\") {}", 1, 29, "cannot include duplicate @description annotations")]
    [InlineData("query q() @instruction(\"a\") @instruction(\"b\") {}", 1, 29, "cannot include duplicate @instruction annotations")]
    [InlineData("query q() @tag(\"a\") {}", 1, 11, "unknown query annotation '@tag' (expected @description or @instruction)")]
    [InlineData("query q() @description(3) {}", 1, 24, "expected a string argument for @description")]
    public void Annotations(string source, int line, int column, string fragment) =>
        QueryAssert.ParseError(source, line, column, fragment);

    [Theory]
    [InlineData("query q() { match { } return { $p } }", "the match block needs at least one clause")]
    [InlineData("query q() { match { $p: P } }", "expected 'return', found '}'")]
    [InlineData("query q() { match { $p: person } return { $p } }", "expected node type name (starting with an uppercase letter), found 'person'")]
    [InlineData("query q() { match { $p: P { name \"x\" } } return { $p } }", "expected ':' after property name 'name'")]
    [InlineData("query q() { match { $p: P { a: 1 b: 2 } } return { $p } }", "expected ',' or '}' in the property match list")]
    [InlineData("query q() { match { $p: P { a: $x.y } } return { $p } }", "expected ',' or '}' in the property match list, found '.'")]
    [InlineData("query q() { match { $p: P { a: count } } return { $p } }", "expected a literal, a $parameter or now(), found 'count'")]
    [InlineData("query q() { match { $p WorksAt $c } return { $p } }", "edge names in traversals start with a lowercase letter: write `worksAt` for `WorksAt`")]
    [InlineData("query q() { match { $p <WorksAt> $c } return { $p } }", "expected an expression")]
    [InlineData("query q() { match { $p knows } return { $p } }", "expected the traversal's target variable, found '}'")]
    [InlineData("query q() { match { $p knows{2} $f } return { $p } }", "expected ',' in hop bounds {min,max}")]
    [InlineData("query q() { match { $p knows{1,2 $f } return { $p } }", "expected '}' to close hop bounds")]
    [InlineData("query q() { match { $p <knows $f } return { $p } }", "expected a comparison operator")]
    [InlineData("query q() { match { $p.age } return { $p } }", "expected a comparison operator (=, !=, <, <=, >, >=, contains, starts_with), found '}'")]
    [InlineData("query q() { match { $p.age > } return { $p } }", "expected an expression")]
    [InlineData("query q() { match { $p.Age > 1 } return { $p } }", "property names start with a lowercase letter or '_', found 'Age'")]
    [InlineData("query q() { match { not { } } return { $p } }", "the not block needs at least one clause")]
    [InlineData("query q() { match { $p: P  not $p knows $f } return { $p } }", "expected a comparison operator")]
    [InlineData("query q() { match { $p: P, $p.a = 1 } return { $p } }", "expected an expression")]
    [InlineData("query q() { match { $p: P", "expected '}' to close the match block, found end of input")]
    public void MatchClauses(string source, string fragment) =>
        QueryAssert.ParseError(source, fragment);

    [Theory]
    [InlineData("query q() { match { $p.a = 99999999999999999999 } return { $p } }", "integer literal 99999999999999999999 is out of range")]
    [InlineData("query q() { match { $p.a = [1, \"x\"] } return { $p } }", "list literal elements must share one type")]
    [InlineData("query q() { match { $p.a = [[1]] } return { $p } }", "list literals cannot be nested")]
    [InlineData("query q() { match { $p.a = [$x] } return { $p } }", "list literal elements must be literals")]
    [InlineData("query q() { match { $p.a = [1 2] } return { $p } }", "expected ',' or ']' in the list literal")]
    [InlineData("query q() { match { $p.a = date(\"2024-13-01\") } return { $p } }", "invalid date literal \"2024-13-01\" (expected YYYY-MM-DD)")]
    [InlineData("query q() { match { $p.a = date(\"2023-02-29\") } return { $p } }", "invalid date literal")]
    [InlineData("query q() { match { $p.a = datetime(\"yesterday\") } return { $p } }", "invalid datetime literal \"yesterday\"")]
    [InlineData("query q() { match { $p.a = date(2024) } return { $p } }", "expected a string argument for date()")]
    [InlineData("query q() { match { $p.a = -1 } return { $p } }", "expected an expression")]
    [InlineData("query q() { match { $p.a = null } return { $p } }", "there is no null literal; pass null through an optional parameter")]
    public void Literals(string source, string fragment) =>
        QueryAssert.ParseError(source, fragment);

    [Theory]
    [InlineData("query q() { match { $p: P } return { } }", "return needs at least one projection")]
    [InlineData("query q() { match { $p: P } return { $p as Name } }", "aliases start with a lowercase letter or '_', found 'Name'")]
    [InlineData("query q() { match { $p: P } return { $p as } }", "expected alias name")]
    [InlineData("query q() { match { $p: P } return { count($p } }", "expected ',' or ')' in the arguments of count()")]
    [InlineData("query q() { match { $p: P } return { $p } order { } }", "order needs at least one key")]
    [InlineData("query q() { match { $p: P } return { $p } order { nearest($p.e, $v) desc } limit 3 }", "a nearest(…) ordering takes no asc/desc")]
    [InlineData("query q() { match { $p: P } return { $p } limit $n }", "limit takes an integer literal, not a parameter")]
    [InlineData("query q() { match { $p: P } return { $p } limit 2.5 }", "expected an integer after limit")]
    [InlineData("query q() { match { $p: P } return { $p } limit 99999999999999999999 }", "limit 99999999999999999999 is out of range")]
    [InlineData("query q() { match { $p: P } return { $p } limit 3 order { $p } }", "order must come before limit")]
    [InlineData("query q() { match { $p: P } return { $p } offset 3 }", "expected '}' to close query 'q', found 'offset'")]
    public void ReturnOrderLimit(string source, string fragment) =>
        QueryAssert.ParseError(source, fragment);

    [Theory]
    [InlineData("query q() { insert person { } }", "expected a type name after insert (starting with an uppercase letter)")]
    [InlineData("query q() { insert P name: 1 }", "expected '{' to open the insert assignments")]
    [InlineData("query q() { insert P { name 1 } }", "expected ':' after property name 'name'")]
    [InlineData("query q() { insert P { name: $p.x } }", "expected property name (starting with a lowercase letter or '_'), found '.'")]
    [InlineData("query q() { update P { a: 1 } where b = 1 }", "expected 'set', found '{'")]
    [InlineData("query q() { update P set { a: 1 } }", "expected 'where', found '}'")]
    [InlineData("query q() { delete P }", "expected 'where', found '}'")]
    [InlineData("query q() { delete P where a }", "expected a comparison operator (=, !=, <, <=, >, >=), found '}'")]
    [InlineData("query q() { delete P where a = b }", "expected a literal, a $parameter or now(), found 'b'")]
    [InlineData("query q() { insert P { a: 1 } match { $p: P } return { $p } }", "a query body is either a read (match … return) or mutation statements, not both")]
    [InlineData("query q() { insert P { a: 1 } select }", "expected 'insert', 'update', 'delete' or '}', found 'select'")]
    public void Mutations(string source, string fragment) =>
        QueryAssert.ParseError(source, fragment);

    [Fact]
    public void Recursion_IsBounded()
    {
        var deepNegation = "query q() { match { $p: P " + string.Concat(Enumerable.Repeat("not { ", 40)) + "$p.a = 1" + new string('}', 40) + " } return { $p } }";
        QueryAssert.ParseError(deepNegation, "nesting is too deep (more than 32 levels)");
        var deepCalls = "query q() { match { $p: P } return { " + string.Concat(Enumerable.Repeat("count(", 100)) + "$p" + new string(')', 100) + " } }";
        QueryAssert.ParseError(deepCalls, "nesting is too deep");
    }

    [Fact]
    public void SourceLength_IsBounded()
    {
        var compiler = new QueryCompiler(new QueryCompilerOptions { MaxSourceLength = 100 });
        var error = Assert.Throws<QueryException>(() => compiler.Parse(new string(' ', 101)));
        Assert.Equal(ErrorCodes.QueryParseError, error.Code);
        Assert.Contains("query source is too long (101 characters; the limit is 100)", error.Message);
    }
}
