using System.Text;
using OmniGraph.Testing.Fuzz;
using Xunit.Abstractions;

namespace OmniGraph.Schema.Tests.Performance;

/// <summary>
/// Compiling, the IR round trip and printing grow linearly with the schema's size, measured in bytes allocated (speed
/// is the benchmark's to measure).
/// </summary>
public sealed class SchemaScaleTests(ITestOutputHelper output)
{
    private static string GenerateSchema(int types)
    {
        var builder = new StringBuilder();
        builder.Append("interface Named { name: String @description(\"display name\") }\n");
        for (var i = 0; i < types; i++)
        {
            builder.Append("node N").Append(i).Append(" @description(\"type ").Append(i).Append("\") implements Named {\n");
            builder.Append("    slug: String @key\n");
            for (var p = 0; p < 8; p++)
            {
                builder.Append("    p").Append(p).Append(": ").Append(p % 2 == 0 ? "I64?" : "String?").Append(p == 1 ? " @index" : string.Empty).Append('\n');
            }

            builder.Append("    status: enum(active, archived, draft)\n    @range(p0, 0..1000)\n    @unique(p1, p3)\n}\n");
            builder.Append("edge E").Append(i).Append(": N").Append(i).Append(" -> N").Append((i + 1) % types).Append(" @card(0..5) { weight: F64?  @unique(src, dst) }\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Four times the types cost at most four times (plus a little) the work — bytes allocated, which are deterministic,
    /// unlike timings on a shared machine — in each of compile, IR write, IR read and print; the catalog is complete.
    /// </summary>
    [Fact]
    public void CompilingHundredsOfTypes_GrowsLinearly()
    {
        var small = Measure(100);
        var large = Measure(400);
        output.WriteLine($"100 types: {small}; 400 types: {large}");

        Assert.InRange(large.Compile, 3 * small.Compile, 5 * small.Compile);
        Assert.InRange(large.WriteIr, 3 * small.WriteIr, 5 * small.WriteIr);
        Assert.InRange(large.ReadIr, 3 * small.ReadIr, 5 * small.ReadIr);
        Assert.InRange(large.Print, 3 * small.Print, 5 * small.Print);
    }

    private static Cost Measure(int types)
    {
        var source = GenerateSchema(types);
        // Once first, so first-use caches do not count towards the smaller schema.
        SchemaCatalog.FromIrJson(SchemaCatalog.Compile(source).ToIrJson()).Print();

        var (catalog, compile) = AllocationBudget.Measure(() => SchemaCatalog.Compile(source));
        var (json, writeIr) = AllocationBudget.Measure(() => catalog.ToIrJson());
        var (restored, readIr) = AllocationBudget.Measure(() => SchemaCatalog.FromIrJson(json));
        var (_, print) = AllocationBudget.Measure(() => catalog.Print());

        Assert.Equal(types, catalog.NodeTypes.Length);
        Assert.Equal(types, catalog.EdgeTypes.Length);
        Assert.Equal(11, catalog.NodeTypes[types - 1].Properties.Length);
        Assert.Equal(catalog.ContentHash, restored.ContentHash);
        return new Cost(compile, writeIr, readIr, print);
    }

    /// <summary>Bytes allocated by each step.</summary>
    private readonly record struct Cost(long Compile, long WriteIr, long ReadIr, long Print);
}
