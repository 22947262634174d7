using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OmniGraph.Testing.IO;

namespace OmniGraph.Core.Tests.Errors;

/// <summary>
/// One catalogue of error codes: every code unique, named after itself, of one kind, and documented in docs/errors.md
/// (rendered from the catalogue and its XML docs, so the table cannot drift; run with <c>OMNIGRAPH_UPDATE_DOCS=1</c> to
/// rewrite it after changing the catalogue).
/// </summary>
public sealed partial class ErrorCatalogTests
{
    [Fact]
    public void EveryCode_IsUnique_SnakeCase_AndNamedAfterItself()
    {
        var fields = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static);
        Assert.All(fields, static field =>
        {
            Assert.True(field.IsLiteral, $"{field.Name} is not a constant");
            Assert.NotNull(field.GetCustomAttribute<ErrorCodeAttribute>());
            var code = (string)field.GetRawConstantValue()!;
            Assert.Matches(SnakeCase(), code);
            Assert.Equal(field.Name, string.Concat(code.Split('_').Select(static part => char.ToUpperInvariant(part[0]) + part[1..])));
        });
        var codes = fields.Select(static f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), ErrorCatalog.All.Select(static e => e.Key));
    }

    [Fact]
    public void Kinds_DecideExitCodes_AndHttpStatuses()
    {
        Assert.Equal(2, ErrorCatalog.KindOf(ErrorCodes.Usage).ExitCode());
        Assert.Equal(4, ErrorCatalog.KindOf(ErrorCodes.PreconditionFailure).ExitCode());
        Assert.Equal(412, ErrorCatalog.KindOf(ErrorCodes.PreconditionFailure).HttpStatus());
        Assert.Equal(1, ErrorCatalog.KindOf(ErrorCodes.PreconditionFailed).ExitCode());
        Assert.Equal(409, ErrorCatalog.KindOf(ErrorCodes.KeyConflict).HttpStatus());
        Assert.Equal(404, ErrorCatalog.KindOf(ErrorCodes.BranchNotFound).HttpStatus());
        Assert.Equal(503, ErrorCatalog.KindOf(ErrorCodes.RecoveryRequired).HttpStatus());
        Assert.Equal(500, ErrorCatalog.KindOf(ErrorCodes.CorruptObject).HttpStatus());

        // Only `usage` and `precondition_failure` leave the CLI with another code than 1 (besides a stop): a public contract.
        Assert.Equal(
            [ErrorCodes.Cancelled, ErrorCodes.PreconditionFailure, ErrorCodes.Usage],
            ErrorCatalog.All.Where(static e => e.Value.ExitCode() != 1).Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(ErrorKind.Internal, ErrorCatalog.KindOf("no_such_code"));
    }

    [Fact]
    public void DocsTable_ListsEveryCode_WithItsKind() =>
        GeneratedDocs.AssertSection("docs/errors.md", "<!-- error-codes:begin -->", "<!-- error-codes:end -->", RenderMarkdown());

    /// <summary>The table: code, kind, exit code, HTTP status and the meaning (the constant's XML summary).</summary>
    private static string RenderMarkdown()
    {
        var documentation = XDocument.Load(Path.ChangeExtension(typeof(ErrorCodes).Assembly.Location, ".xml"));
        var summaries = documentation.Descendants("member")
            .Where(static m => ((string?)m.Attribute("name"))?.StartsWith($"F:{typeof(ErrorCodes).FullName}.", StringComparison.Ordinal) == true)
            .ToDictionary(static m => ((string)m.Attribute("name")!)[($"F:{typeof(ErrorCodes).FullName}.".Length)..], static m => Text(m.Element("summary")!));
        var lines = new List<string> { "| Code | Kind | Exit code | HTTP | Meaning |", "|---|---|---|---|---|" };
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(static f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal))
        {
            var kind = field.GetCustomAttribute<ErrorCodeAttribute>()!.Kind;
            Assert.True(summaries.TryGetValue(field.Name, out var summary), $"{field.Name} has no XML summary");
            lines.Add($"| `{field.GetRawConstantValue()}` | {kind} | {kind.ExitCode()} | {kind.HttpStatus()} | {summary} |");
        }

        return string.Join("\n", lines);
    }

    private static string Text(XElement summary) =>
        Whitespace().Replace(string.Concat(summary.Nodes().Select(static n => n switch
        {
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" } see => $"`{((string?)see.Attribute("cref") ?? string.Empty).Split('.')[^1]}`",
            XElement element => element.Value,
            _ => n.ToString(),
        })), " ").Trim().Replace("|", "\\|", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
