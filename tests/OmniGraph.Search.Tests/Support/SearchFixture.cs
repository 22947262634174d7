using System.Text.Json;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Search.Tests;

/// <summary>FX-SEARCH (acceptance_cases.md AC-49 to AC-51) as columns: the five documents in load order.</summary>
internal static class SearchFixture
{
    private static readonly Lazy<Doc[]> s_docs = new(Load);

    public static IReadOnlyList<Doc> Docs => s_docs.Value;

    public static string[] Slugs => [.. Docs.Select(static d => d.Slug)];

    public static TextIndex TitleIndex() => Index(static d => d.Title);

    public static TextIndex BodyIndex() => Index(static d => d.Body);

    public static VectorTable Embeddings(VectorMetric metric = VectorMetric.L2) =>
        VectorTable.Create(4, metric, [Columns.Vectors(4, [.. Docs.Select(static d => d.Embedding)])]);

    /// <summary>The slugs of rows of the single fragment, in the order given.</summary>
    public static string[] SlugsOf(IEnumerable<RowLocation> rows) => [.. rows.Select(static r => Docs[r.Row].Slug)];

    private static TextIndex Index(Func<Doc, string> property)
    {
        var analyzer = TextAnalyzers.Default;
        return TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text([.. Docs.Select(property)]), analyzer)]);
    }

    private static Doc[] Load() =>
    [
        .. AcceptanceFixtures.SearchData.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static line =>
        {
            using var json = JsonDocument.Parse(line);
            var data = json.RootElement.GetProperty("data");
            return new Doc(
                data.GetProperty("slug").GetString()!,
                data.GetProperty("title").GetString()!,
                data.GetProperty("body").GetString()!,
                [.. data.GetProperty("embedding").EnumerateArray().Select(static v => v.GetSingle())]);
        }),
    ];

    public sealed record Doc(string Slug, string Title, string Body, float[] Embedding);
}
