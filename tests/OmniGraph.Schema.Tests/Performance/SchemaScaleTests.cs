using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace OmniGraph.Schema.Tests.Performance;

/// <summary>
/// Sanity check that compiling grows linearly with schema size. Timings are written to the test output,
/// not asserted (the machine is shared); the test asserts the catalog is complete.
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

    [Theory]
    [InlineData(100)]
    [InlineData(400)]
    public void CompilingHundredsOfTypesIsFast(int types)
    {
        var source = GenerateSchema(types);
        // Warm up the code paths once so the figures show steady-state cost rather than JIT time.
        SchemaCatalog.FromIrJson(SchemaCatalog.Compile(source).ToIrJson()).Print();
        var stopwatch = Stopwatch.StartNew();
        var catalog = SchemaCatalog.Compile(source);
        var compile = stopwatch.Elapsed;
        for (var run = 0; run < 4; run++)
        {
            // Best of several runs: the machine is shared, so single timings are noisy.
            stopwatch.Restart();
            SchemaCatalog.Compile(source);
            compile = stopwatch.Elapsed < compile ? stopwatch.Elapsed : compile;
        }

        stopwatch.Restart();
        var json = catalog.ToIrJson();
        var serialize = stopwatch.Elapsed;
        stopwatch.Restart();
        var restored = SchemaCatalog.FromIrJson(json);
        var fromIr = stopwatch.Elapsed;
        stopwatch.Restart();
        var printed = catalog.Print();
        var print = stopwatch.Elapsed;

        Assert.Equal(types, catalog.NodeTypes.Length);
        Assert.Equal(types, catalog.EdgeTypes.Length);
        Assert.Equal(11, catalog.NodeTypes[types - 1].Properties.Length);
        Assert.Equal(catalog.ContentHash, restored.ContentHash);
        output.WriteLine(
            $"{types} node + {types} edge types ({source.Length / 1024} KiB source, {json.Length / 1024} KiB IR): " +
            $"compile {compile.TotalMilliseconds:F1} ms, IR write {serialize.TotalMilliseconds:F1} ms, IR read {fromIr.TotalMilliseconds:F1} ms, print {print.TotalMilliseconds:F1} ms ({printed.Length / 1024} KiB)");
    }
}
