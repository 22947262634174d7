namespace OmniGraph.Schema.Tests;

/// <summary>Access to the <c>.pg</c> fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static readonly string[] All = ["example.pg", "test.pg", "search.pg", "signals.pg", "context.pg", "bench.pg"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static SchemaCatalog Compile(string name) => SchemaCatalog.Compile(Read(name));
}
