using OmniGraph.Schema;

namespace OmniGraph.Query.Tests;

/// <summary>Access to the <c>.pg</c> and <c>.gq</c> fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    private static readonly Lazy<SchemaCatalog> s_test = new(() => Schema("test.pg"));
    private static readonly Lazy<SchemaCatalog> s_metric = new(() => Schema("metric.pg"));
    private static readonly Lazy<SchemaCatalog> s_search = new(() => Schema("search.pg"));
    private static readonly Lazy<SchemaCatalog> s_example = new(() => Schema("example.pg"));

    /// <summary>FX-TEST: Person, Company, Knows, WorksAt.</summary>
    public static SchemaCatalog Test => s_test.Value;

    /// <summary>FX-METRIC: Metric (every scalar kind), Tag, Tagged.</summary>
    public static SchemaCatalog Metric => s_metric.Value;

    /// <summary>FX-SEARCH: Doc with a Vector(4).</summary>
    public static SchemaCatalog Search => s_search.Value;

    /// <summary>The language reference's example schema (every construct).</summary>
    public static SchemaCatalog Example => s_example.Value;

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static SchemaCatalog Schema(string name) => SchemaCatalog.Compile(Read(name));
}
