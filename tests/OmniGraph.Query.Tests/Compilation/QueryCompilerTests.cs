using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Compilation;

/// <summary>The compiler facade: caching per (text, name, schema hash), options validation, registration.</summary>
public sealed class QueryCompilerTests
{
    private static readonly string s_source = Fixture.Read("test.gq");

    [Fact]
    public void Cache_ReturnsTheSameIrForTheSameTextNameAndSchema()
    {
        var compiler = new QueryCompiler();
        var first = compiler.Compile(s_source, Fixture.Test, "adults");
        Assert.Same(first, compiler.Compile(s_source, Fixture.Test, "adults"));
        Assert.Same(first, compiler.Compile(compiler.Parse(s_source), Fixture.Test, "adults"));
        Assert.Same(compiler.Parse(s_source), compiler.Parse(s_source));

        // A catalog with the same content hash shares the entry.
        Assert.Same(first, compiler.Compile(s_source, Fixture.Schema("test.pg"), "adults"));
        Assert.NotSame(first, compiler.Compile(s_source, Fixture.Test, "top_by_age"));
        Assert.Equal(2, compiler.CachedQueryCount);
    }

    [Fact]
    public void Cache_SeparatesSchemaVersions()
    {
        var compiler = new QueryCompiler();
        var other = SchemaCatalog.Compile(Fixture.Read("test.pg") + "\nnode Extra { x: String }");
        var a = compiler.Compile(s_source, Fixture.Test, "adults");
        var b = compiler.Compile(s_source, other, "adults");
        Assert.NotSame(a, b);
        Assert.Same(other, b.Schema);
    }

    [Fact]
    public void Cache_EvictsLeastRecentlyUsed()
    {
        var compiler = new QueryCompiler(new QueryCompilerOptions { CacheCapacity = 2 });
        var adults = compiler.Compile(s_source, Fixture.Test, "adults");
        compiler.Compile(s_source, Fixture.Test, "top_by_age");
        Assert.Same(adults, compiler.Compile(s_source, Fixture.Test, "adults"));
        compiler.Compile(s_source, Fixture.Test, "unemployed");
        Assert.Equal(2, compiler.CachedQueryCount);
        Assert.Same(adults, compiler.Compile(s_source, Fixture.Test, "adults"));
    }

    [Fact]
    public void Cache_CanBeDisabled()
    {
        var compiler = new QueryCompiler(new QueryCompilerOptions { CacheCapacity = 0 });
        Assert.NotSame(compiler.Compile(s_source, Fixture.Test, "adults"), compiler.Compile(s_source, Fixture.Test, "adults"));
        Assert.Equal(0, compiler.CachedQueryCount);
    }

    [Fact]
    public void Failures_AreNotCached()
    {
        var compiler = new QueryCompiler();
        Assert.Throws<QueryTypeException>(() => compiler.Compile("query q() { match { $x: Nope } return { $x } }", Fixture.Test));
        Assert.Equal(0, compiler.CachedQueryCount);
    }

    [Fact]
    public async Task Compile_IsThreadSafe()
    {
        var compiler = new QueryCompiler(new QueryCompilerOptions { CacheCapacity = 4 });
        var names = QuerySource.Parse(s_source).Queries.Select(static q => q.Name).ToArray();
        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var name = names[(i + worker) % names.Length];
                Assert.Equal(name, compiler.Compile(s_source, Fixture.Test, name).Name);
            }
        }));
        await Task.WhenAll(tasks);
        Assert.True(compiler.CachedQueryCount <= 4);
    }

    [Theory]
    [InlineData(-1, 32, 100, "CacheCapacity")]
    [InlineData(10, 0, 100, "MaxNestingDepth")]
    [InlineData(10, 257, 100, "MaxNestingDepth")]
    [InlineData(10, 32, 0, "MaxSourceLength")]
    public void Options_AreValidated(int capacity, int depth, int length, string failing)
    {
        var options = new QueryCompilerOptions { CacheCapacity = capacity, MaxNestingDepth = depth, MaxSourceLength = length };
        var result = new QueryCompilerOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(failing, result.FailureMessage);
        Assert.Throws<OptionsValidationException>(() => new QueryCompiler(options));
    }

    /// <summary>The generated validator ([OptionsValidator]) lists every broken rule at once, each with its bounds.</summary>
    [Fact]
    public void Options_ListEveryBrokenRule_WithItsBounds()
    {
        var result = new QueryCompilerOptionsValidator().Validate(null, new QueryCompilerOptions { CacheCapacity = -1, MaxNestingDepth = 300, MaxSourceLength = 0 });
        Assert.Equal(["CacheCapacity", "MaxNestingDepth", "MaxSourceLength"], result.Failures!.Select(static f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("MaxNestingDepth must be between 1 and 256", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new QueryCompilerOptionsValidator().Validate(null, new QueryCompilerOptions()).Succeeded);
    }

    [Fact]
    public void Options_ChangeTheNestingLimit()
    {
        var source = "query q() { match { $p: Person  not { $p knows $a  not { $a knows $b  not { $b knows $c } } } } return { $p.name } }";
        var compiled = Assert.IsType<ReadQuery>(new QueryCompiler().Compile(source, Fixture.Test));
        var pattern = compiled.Pattern;
        for (var depth = 1; depth <= 3; depth++)
        {
            pattern = Assert.Single(pattern.Negations).Pattern;
            Assert.Equal(depth, pattern.Depth);
        }

        Assert.Empty(pattern.Negations);
        var strict = new QueryCompiler(new QueryCompilerOptions { MaxNestingDepth = 2 });
        Assert.Contains("nesting is too deep (more than 2 levels)", Assert.Throws<QueryException>(() => strict.Compile(source, Fixture.Test)).Message);
    }

    [Fact]
    public void Registration_ProvidesAConfiguredSingleton()
    {
        var services = new ServiceCollection();
        services.AddOmniGraphQueryCompiler(options => options.CacheCapacity = 3);
        using var provider = services.BuildServiceProvider();
        var compiler = provider.GetRequiredService<QueryCompiler>();
        Assert.Same(compiler, provider.GetRequiredService<QueryCompiler>());
        Assert.Equal(3, provider.GetRequiredService<IOptions<QueryCompilerOptions>>().Value.CacheCapacity);
    }

    [Fact]
    public void Registration_RejectsInvalidOptions()
    {
        var services = new ServiceCollection();
        services.AddOmniGraphQueryCompiler(options => options.MaxNestingDepth = 0);
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<QueryCompiler>());
    }
}
