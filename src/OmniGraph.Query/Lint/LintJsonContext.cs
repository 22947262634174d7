using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniGraph.Query.Lint;

/// <summary>Source-generated serialization of the lint model.</summary>
[JsonSerializable(typeof(LintReport))]
public sealed partial class LintJsonContext : JsonSerializerContext
{
    private static LintJsonContext? s_indented;

    /// <summary>The same context, writing indented JSON.</summary>
    public static LintJsonContext Indented => s_indented ??= new LintJsonContext(new JsonSerializerOptions { WriteIndented = true });
}
