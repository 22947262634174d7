namespace OmniGraph.Schema.Tests.Validation;

/// <summary>Annotations on node and edge declarations themselves (languages.md §1.4, last paragraph).</summary>
public sealed class TypeAnnotationRuleTests
{
    [Theory]
    [InlineData("key")]
    [InlineData("unique")]
    [InlineData("index")]
    [InlineData("embed")]
    public void ConstraintAnnotationsOnNodeDeclaration(string name) =>
        SchemaAssert.CatalogError($"node A @{name} {{ a: String }}", ErrorCodes.SchemaInvalidAnnotation, $"@{name} is only supported on node properties or as body constraint (node A)");

    [Theory]
    [InlineData("key")]
    [InlineData("unique")]
    [InlineData("index")]
    [InlineData("embed")]
    public void ConstraintAnnotationsOnEdgeDeclaration(string name) =>
        SchemaAssert.CatalogError($"node A {{}}\nedge E: A -> A @{name}", ErrorCodes.SchemaInvalidAnnotation, $"@{name} is not supported on edges (edge E)");

    [Theory]
    [InlineData("range")]
    [InlineData("check")]
    public void BareBodyConstraintNamesOnDeclaration(string name) =>
        SchemaAssert.CatalogError($"node A @{name} {{}}", ErrorCodes.SchemaInvalidAnnotation, $"@{name} is a body constraint and needs arguments");

    [Fact]
    public void DescriptionInstructionRenameFromAndCustomMetadata()
    {
        var catalog = SchemaCatalog.Compile("""
            node Account @description("an account") @instruction("look up by handle") @rename_from("User") @audited @tier(gold) { handle: String @key }
            edge Owns: Account -> Account @card(0..3) @description("ownership") @instruction("follow to find assets") @rename_from("Has")
            """);
        var account = catalog.GetNodeType("Account");
        Assert.Equal(("an account", "look up by handle", "User"), (account.Description, account.Instruction, account.RenameFrom));
        Assert.Equal(["@audited", "@tier(gold)"], account.CustomAnnotations.Select(a => a.ToSourceText()));
        var owns = catalog.GetEdgeType("Owns");
        Assert.Equal(("ownership", "follow to find assets", "Has"), (owns.Description, owns.Instruction, owns.RenameFrom));
    }

    [Theory]
    [InlineData("@description(\"a\") @description(\"b\")", "node A declares @description multiple times")]
    [InlineData("@instruction(\"a\") @instruction(\"b\")", "node A declares @instruction multiple times")]
    [InlineData("@instruction(\"\")", "@instruction on node A requires a non-empty value")]
    [InlineData("@rename_from(\"X\") @rename_from(\"Y\")", "node A declares @rename_from multiple times")]
    [InlineData("@rename_from(\"\")", "@rename_from on node A requires exactly one non-empty value")]
    public void TextAnnotationShapes(string annotations, string reason) =>
        SchemaAssert.CatalogError($"node A {annotations} {{}}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void EdgeTextAnnotationShapes() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A @description(\"\")", ErrorCodes.SchemaInvalidAnnotation, "@description on edge E requires a non-empty value");
}
