using System.Text.RegularExpressions;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Documentation;

/// <summary>
/// The <c>gq</c> examples of docs/query-language.md and docs/mutations.md compile against the documented schema
/// (the search example fails exactly as the page shows), so the pages cannot drift from the implementation.
/// </summary>
public sealed partial class DocumentationExampleTests
{
    [GeneratedRegex("```gq\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GqBlock();

    public static TheoryData<string> Pages => new() { "query-language.md", "mutations.md" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void GqExamples_Compile(string page)
    {
        var blocks = GqBlock().Matches(File.ReadAllText(Path.Combine(FindDocs(), page))).Select(static m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);
        var compiler = new QueryCompiler();
        foreach (var block in blocks)
        {
            var source = QuerySource.Parse(block);
            Assert.NotEmpty(source.Queries);
            foreach (var query in source.Queries)
            {
                if (block.Contains("query ranked(", StringComparison.Ordinal))
                {
                    var error = Assert.Throws<QueryTypeException>(() => compiler.Compile(source, Fixture.Search, query.Name));
                    Assert.Equal(TypeRule.T20, error.Rule);
                    Assert.Equal(new SourcePosition(3, 14), error.Position);
                }
                else
                {
                    var schema = block.Contains("$d: Doc", StringComparison.Ordinal) ? Fixture.Search : Fixture.Test;
                    Assert.Equal(query.Name, compiler.Compile(source, schema, query.Name).Name);
                }
            }
        }
    }

    private static string FindDocs()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "query-language.md");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new DirectoryNotFoundException("docs/ not found above the test assembly");
    }
}
