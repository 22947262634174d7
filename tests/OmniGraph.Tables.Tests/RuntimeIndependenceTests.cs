using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests;

/// <summary>The engine stands apart from the runtime: the grains own its state, it knows nothing of them.</summary>
public sealed class RuntimeIndependenceTests
{
    [Fact]
    public void TheEngineAssembly_ReferencesNoOrleansAssembly()
    {
        var references = typeof(TableVersionView).Assembly.GetReferencedAssemblies().Select(static a => a.Name ?? "").ToArray();
        Assert.Contains("OmniGraph.Abstractions", references);
        Assert.DoesNotContain(references, static name => name.StartsWith("Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEngineAssembly_DeclaresNoTypeOutsideItsNamespace()
    {
        var outside = typeof(TableVersionView).Assembly.GetTypes()
            .Where(static t => t.Namespace is { } ns && !ns.StartsWith("OmniGraph.Tables", StringComparison.Ordinal) && !IsCompilerGenerated(t))
            .Select(static t => t.FullName)
            .ToArray();
        Assert.Empty(outside);
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.Namespace is "System.Runtime.CompilerServices" or "Microsoft.CodeAnalysis" or "System.Text.RegularExpressions.Generated";
}
