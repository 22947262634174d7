namespace OmniGraph.Schema.Tests.Parsing;

/// <summary>
/// Grammar violations: each is a <c>schema_parse_error</c> whose message is
/// <c>parse error: line L, column C: expected …, found …</c> or the semantic text languages.md §1 gives.
/// </summary>
public sealed class ParseErrorTests
{
    [Fact]
    public void TopLevel_UnknownKeyword() =>
        SchemaAssert.ParseError("nodes Person {}", 1, 1, "expected 'node', 'edge' or 'interface', found 'nodes'");

    [Fact]
    public void TopLevel_StrayCharacter() =>
        SchemaAssert.ParseError("node A {}\n$", 2, 1, "found character '$'");

    [Fact]
    public void TypeName_MustStartUppercase() =>
        SchemaAssert.ParseError("node person {}", 1, 6, "expected node type name (a name starting with an uppercase letter), found 'person'");

    [Fact]
    public void PropertyName_MustStartLowercase() =>
        SchemaAssert.ParseError("node Person {\n    Name: String\n}", 2, 5, "expected property name (starting with a lowercase letter or '_'), found 'Name'");

    [Fact]
    public void Property_NeedsColon() =>
        SchemaAssert.ParseError("node P { name String }", 1, 15, "expected ':' after property name 'name', found 'String'");

    [Fact]
    public void Property_UnknownType() =>
        SchemaAssert.ParseError("node P { name: Strin }", 1, 16, "expected type (String, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, Blob, Vector(N), [T] or enum(…)), found 'Strin'");

    [Fact]
    public void Property_TypeNamesAreCaseSensitive() =>
        SchemaAssert.ParseError("node P { name: string }", 1, 16, "found 'string'");

    [Theory]
    [InlineData("node P { a: [[String]] }", 14, "expected list element type")]
    [InlineData("node P { a: [Vector(2)] }", 14, "expected list element type")]
    [InlineData("node P { a: [enum(x)] }", 14, "expected list element type")]
    [InlineData("node P { a: [String }", 21, "expected ']', found '}'")]
    public void ListType_OnlyBaseElements(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Theory]
    [InlineData("node P { v: Vector(-1) }", 20, "expected vector dimension (a positive integer), found number -1")]
    [InlineData("node P { v: Vector(x) }", 20, "expected vector dimension (a positive integer), found 'x'")]
    [InlineData("node P { v: Vector(1.5) }", 20, "expected vector dimension (a positive integer), found number 1.5")]
    [InlineData("node P { v: Vector 3 }", 20, "expected '(' after Vector, found number 3")]
    public void VectorType_NeedsIntegerDimension(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Fact]
    public void EnumType_DuplicateValues() =>
        SchemaAssert.ParseError("node P {\n  s: enum(a, b, a)\n}", 2, 17, "enum type cannot include duplicate values");

    [Theory]
    [InlineData("node P { s: enum() }", 18, "expected enum value (letters, digits, '_' or '-'), found ')'")]
    [InlineData("node P { s: enum(a,) }", 20, "expected enum value")]
    [InlineData("node P { s: enum(a b) }", 20, "expected ',' or ')', found 'b'")]
    [InlineData("node P { s: enum(a.b) }", 19, "expected ',' or ')', found character '.'")]
    [InlineData("node P { s: enum a }", 18, "expected '(' after enum, found 'a'")]
    public void EnumType_Shape(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Fact]
    public void String_UnsupportedEscape() =>
        SchemaAssert.ParseError("node P {\n  a: String @description(\"say \\u0041\")\n}", 2, 31, "unsupported escape sequence");

    [Fact]
    public void String_Unterminated() =>
        SchemaAssert.ParseError("node P { a: String @description(\"open }", 1, 33, "unterminated string literal");

    [Fact]
    public void Comment_UnterminatedBlock() =>
        SchemaAssert.ParseError("node P {}\n/* never closed", 2, 1, "unterminated block comment");

    [Fact]
    public void Body_MissingCloseBrace() =>
        SchemaAssert.ParseError("node P {\n  a: String\n", 3, 1, "expected property declaration, body constraint or '}', found end of input");

    [Fact]
    public void Body_AnnotationWithoutProperty() =>
        SchemaAssert.ParseError("node P { @foo(x) }", 1, 10, "expected property declaration, body constraint or '}', found '@foo'");

    [Fact]
    public void Body_AnnotationAfterConstraintIsNotAttached() =>
        SchemaAssert.ParseError("node P { name: String @key(name) @index }", 1, 34, "found '@index'");

    [Fact]
    public void Body_ConstraintNeedsArguments() =>
        SchemaAssert.ParseError("node P { a: String @key() }", 1, 25, "expected constraint argument (property name, string or range), found ')'");

    [Theory]
    [InlineData("node P { a: I32 @range(a, ..) }", 29, "expected range upper bound, found ')'")]
    [InlineData("node P { a: I32 @range(a, 1..2..3) }", 31, "expected ',' or ')', found '..'")]
    [InlineData("node P { a: I32 @range(a, 1.) }", 28, "found character '.'")]
    [InlineData("node P { a: I32 @range(a, -1) }", 27, "signed numbers are only allowed in @range bounds")]
    public void Body_RangeArgumentShapes(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Fact]
    public void Card_InsideBody() =>
        SchemaAssert.ParseError("edge E: A -> B {\n  @card(0..1)\n}", 2, 3, "@card is only allowed directly after an edge's target type");

    [Fact]
    public void Card_AfterAnotherAnnotation() =>
        SchemaAssert.ParseError("edge E: A -> B @description(\"x\") @card(0..1)", 1, 34, "@card is only allowed directly after an edge's target type");

    [Fact]
    public void Card_OnNode() =>
        SchemaAssert.ParseError("node A @card(0..1) {}", 1, 8, "@card is only allowed directly after an edge's target type");

    [Fact]
    public void Card_OnProperty() =>
        SchemaAssert.ParseError("node A { a: String @card }", 1, 20, "@card is only allowed directly after an edge's target type");

    [Theory]
    [InlineData("edge E: A -> B @card(1)", 23, "expected '..', found ')'")]
    [InlineData("edge E: A -> B @card(..1)", 22, "expected minimum edge count (a non-negative integer), found '..'")]
    [InlineData("edge E: A -> B @card(-1..2)", 22, "expected minimum edge count (a non-negative integer), found number -1")]
    [InlineData("edge E: A -> B @card(1..x)", 25, "expected maximum edge count, '*' or ')', found 'x'")]
    [InlineData("edge E: A -> B @card(1.5..2)", 22, "expected minimum edge count")]
    public void Card_Shape(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Theory]
    [InlineData("edge E A -> B", 8, "expected ':', found 'A'")]
    [InlineData("edge E: A B", 11, "expected '->', found 'B'")]
    [InlineData("edge E: A -> b", 14, "expected target node type (a name starting with an uppercase letter), found 'b'")]
    [InlineData("edge E: A -> B { x }", 20, "expected ':' after property name 'x', found '}'")]
    public void Edge_HeaderShape(string source, int column, string fragment) =>
        SchemaAssert.ParseError(source, 1, column, fragment);

    [Fact]
    public void Edge_TrailingGarbageAfterBodylessEdge() =>
        SchemaAssert.ParseError("edge E: A -> B foo", 1, 16, "expected 'node', 'edge' or 'interface', found 'foo'");

    [Fact]
    public void Interface_CannotDeclareBodyConstraints() =>
        SchemaAssert.ParseError("interface I {\n  a: String\n  @unique(a)\n}", 3, 3, "interface I cannot declare body constraints");

    [Fact]
    public void Interface_CannotCarryTypeAnnotations() =>
        SchemaAssert.ParseError("interface I @description(\"x\") {}", 1, 13, "interface I cannot carry type-level annotations");

    [Fact]
    public void Interface_CannotImplement() =>
        SchemaAssert.ParseError("interface I implements J {}", 1, 13, "interface I cannot implement other interfaces");

    [Fact]
    public void Node_AnnotationsMustPrecedeImplements() =>
        SchemaAssert.ParseError("node A implements I @description(\"x\") {}", 1, 21, "annotations on node A must come before 'implements'");

    [Fact]
    public void Node_ImplementsNeedsInterfaceName() =>
        SchemaAssert.ParseError("node A implements {}", 1, 19, "expected interface name (a name starting with an uppercase letter), found '{'");

    [Fact]
    public void Node_TypeLevelBodyConstraint() =>
        SchemaAssert.ParseError("node A @key(a) { a: String }", 1, 8, "body constraint @key(…) must be written inside the declaration's braces");

    [Fact]
    public void Annotation_SecondPositionalArgument() =>
        SchemaAssert.ParseError("node A { a: String @foo(x, y) }", 1, 28, "annotation '@foo' accepts at most one positional argument");

    [Fact]
    public void Annotation_PositionalAfterKeywordArgument() =>
        SchemaAssert.ParseError("node A { a: String @foo(k=1, y) }", 1, 30, "accepts at most one positional argument");

    [Fact]
    public void Annotation_EmptyParentheses() =>
        SchemaAssert.ParseError("node A { a: String @foo() }", 1, 25, "expected annotation value");

    [Fact]
    public void Annotation_RepeatedKeywordArgument() =>
        SchemaAssert.ParseError("node A { a: String @foo(k=1, k=2) }", 1, 30, "annotation '@foo' repeats argument 'k'");

    [Fact]
    public void Annotation_KeywordArgumentNeedsLiteral() =>
        SchemaAssert.ParseError("node A { a: String @foo(k=bar) }", 1, 27, "expected literal value (string, number, true or false), found 'bar'");

    [Fact]
    public void Annotation_NegativeNumberOutsideRange() =>
        SchemaAssert.ParseError("node A { a: String @foo(-1) }", 1, 25, "signed numbers are only allowed in @range bounds");

    [Fact]
    public void Annotation_UppercaseName() =>
        SchemaAssert.ParseError("node A { a: String @Foo }", 1, 20, "expected annotation name (starting with a lowercase letter or '_'), found '@Foo'");

    [Fact]
    public void Annotation_AtSignAlone() =>
        SchemaAssert.ParseError("node A { a: String @ }", 1, 20, "expected annotation name after '@'");

    [Fact]
    public void Embed_OnlyModelKeyword() =>
        SchemaAssert.ParseError("node A { t: String  v: Vector(2) @embed(\"t\", dims=2) }", 1, 46, "only 'model' is supported");

    [Fact]
    public void Errors_CountColumnsInUtf16UnitsAndLinesAfterCrLf() =>
        SchemaAssert.ParseError("// é ✓\r\nnode A {\r\n  d: String @description(\"é✓\") $\r\n}", 3, 32, "found character '$'");
}
