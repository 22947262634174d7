using System.Text;
using System.Text.RegularExpressions;
using OmniGraph.Testing.Fuzz;

namespace OmniGraph.Schema.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing. Every mutated input either compiles (and then prints and reparses to the same
/// catalog, and survives the IR round trip) or fails with a <see cref="SchemaException"/>; nothing else may
/// escape, and no input may cost more than its size allows.
/// </summary>
public sealed partial class SchemaFuzzTests
{
    private const int Seed = 20240601;

    /// <summary>
    /// The work one input may cost (compile, print, reparse, IR round trip): the largest inputs allocate under 700 bytes
    /// per character (20,000 annotations: 3 KB each, linearly) and small ones under 500 KB, so this leaves room to grow
    /// while a quadratic turn breaks it.
    /// </summary>
    private static readonly AllocationBudget s_workBudget = new(FixedBytes: 4 << 20, BytesPerInputChar: 4096);

    private static readonly string[] s_vocabulary =
    [
        "node", "edge", "interface", "implements", "enum", "Vector", "String", "I32", "U64", "F32", "Date", "DateTime", "Blob", "Bool",
        "{", "}", "(", ")", "[", "]", ":", ",", "->", "..", "?", "=", "*", "-", ".", "@", "\"", "\\",
        "@key", "@unique", "@index", "@range", "@check", "@card", "@embed", "@description", "@instruction", "@rename_from", "@x",
        "@key(a)", "@unique(src, dst)", "@range(a, 0..1)", "@range(a, -1.5..)", "@check(a, \"^x$\")", "@card(1..*)", "@card(3..1)",
        "0", "1", "-1", "2.5", "99999999999999999999999999999", "0..", "..5", "\"s\"", "\"\\u00\"", "\"\\n\"", "\"open",
        "id", "src", "dst", "_rowid", "a", "b", "name", "Person", "A", "B", "true", "false", "model=\"m\"", "/*", "*/", "//", "\n", "é", "\0",
    ];

    [GeneratedRegex("""\s+|"(?:\\.|[^"\\])*"?|[A-Za-z0-9_]+|@[A-Za-z_]+|->|\.\.|.""", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    [Fact]
    public void MutatedSchemas_OnlyRaiseSchemaExceptions()
    {
        var random = new Random(Seed);
        var mutator = new TextMutator(random, TokenPattern(), s_vocabulary);
        var corpus = Fixture.All.Select(Fixture.Read).ToArray();
        var outcomes = new int[2];
        for (var i = 0; i < 4000; i++)
        {
            var source = corpus[random.Next(corpus.Length)];
            var mutated = (i % 8) switch
            {
                0 => mutator.DeleteTokens(source),
                1 => mutator.InsertTokens(source, TokenSpacing.SpacedOrJoined),
                2 => mutator.SwapTokens(source),
                3 => mutator.Truncate(source),
                4 => mutator.ReplaceCharacters(source, RandomCharacter),
                5 => mutator.DuplicateSpan(source),
                6 => mutator.ReplaceTokens(source, maxCount: 1),
                _ => RandomBytes(random),
            };
            outcomes[Check(mutated) ? 0 : 1]++;
        }

        // Both outcomes must actually occur, or the mutations are not exercising anything.
        Assert.True(outcomes[0] > 100, $"only {outcomes[0]} mutants compiled");
        Assert.True(outcomes[1] > 1000, $"only {outcomes[1]} mutants failed");
    }

    [Theory]
    [InlineData("[", 100_000)]
    [InlineData("(", 100_000)]
    [InlineData("{", 100_000)]
    [InlineData("@a(", 20_000)]
    [InlineData("node A { a: [", 20_000)]
    [InlineData("/*", 50_000)]
    [InlineData("\"", 50_001)]
    [InlineData("-", 100_000)]
    [InlineData(".", 100_000)]
    public void DeepNestingAndRepetition_FailFast(string unit, int count) =>
        Assert.False(Check(string.Concat(Enumerable.Repeat(unit, count))));

    [Fact]
    public void HugeButValidInputs_Compile()
    {
        Assert.True(Check("node A { " + new string('a', SchemaLimits.MaxNameLength) + ": String }"));

        // A huge name is read (linearly) and refused: names are part of storage keys.
        Assert.False(Check("node A { " + new string('a', 200_000) + ": String }"));
        Assert.True(Check("node A { s: enum(" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "v" + i)) + ") }"));
        Assert.True(Check("node A { a: String " + string.Concat(Enumerable.Repeat("@tag ", 20_000)) + "}"));
        Assert.True(Check("node A { a: String @description(\"" + new string('x', 500_000) + "\") }"));
    }

    [Fact]
    public void MutatedIr_OnlyRaisesSchemaExceptions()
    {
        var random = new Random(Seed + 1);
        var mutator = new TextMutator(random, TokenPattern(), s_vocabulary);
        var corpus = Fixture.All.Select(f => Fixture.Compile(f).ToIrJson()).ToArray();
        for (var i = 0; i < 1500; i++)
        {
            var json = corpus[random.Next(corpus.Length)];
            var mutated = (i % 4) switch
            {
                0 => mutator.DeleteTokens(json),
                1 => mutator.ReplaceTokens(json, maxCount: 1),
                2 => mutator.Truncate(json),
                _ => mutator.SwapTokens(json),
            };
            try
            {
                var catalog = SchemaCatalog.FromIrJson(mutated);
                Assert.Equal(catalog.ToIrJson(), SchemaCatalog.FromIrJson(catalog.ToIrJson()).ToIrJson());
            }
            catch (SchemaException error)
            {
                Assert.Equal(ErrorCodes.SchemaInvalidIr, error.Code);
            }
        }
    }

    /// <summary>Returns <c>true</c> when the input compiled; fails the test on any non-schema exception or an input that costs more than its size allows.</summary>
    private static bool Check(string source)
    {
        var (compiled, bytes) = AllocationBudget.Measure(() => CheckOne(source));
        Assert.True(bytes <= s_workBudget.For(source.Length), $"{bytes} bytes allocated (budget {s_workBudget.For(source.Length)}) for input:\n{Abbreviate(source)}");
        return compiled;
    }

    private static bool CheckOne(string source)
    {
        bool compiled;
        try
        {
            var catalog = SchemaCatalog.Compile(source);
            var printed = catalog.Print();
            var reparsed = SchemaCatalog.Compile(printed, catalog.ToIr());
            Assert.Equal(catalog.ContentHash, reparsed.ContentHash);
            Assert.Equal(catalog.ContentHash, SchemaCatalog.FromIrJson(catalog.ToIrJson()).ContentHash);
            compiled = true;
        }
        catch (SchemaException error)
        {
            Assert.StartsWith("schema_", error.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(error.Reason));
            if (error.Code == ErrorCodes.SchemaParseError)
            {
                Assert.True(error.Position.IsKnown, $"parse error without position: {error.Message}");
            }

            compiled = false;
        }
        catch (Exception unexpected)
        {
            Assert.Fail($"{unexpected.GetType().Name} for input:\n{Abbreviate(source)}\n{unexpected}");
            throw;
        }

        return compiled;
    }

    private static string Abbreviate(string source) => source.Length <= 2000 ? source : source[..2000] + "…";

    /// <summary>A control character, printable ASCII, a lone surrogate or another BMP character, one in four each.</summary>
    private static char RandomCharacter(Random random) => random.Next(4) switch
    {
        0 => (char)random.Next(0, 32),
        1 => (char)random.Next(32, 127),
        2 => (char)random.Next(0xD800, 0xE000),
        _ => (char)random.Next(127, 0x3000),
    };

    private static string RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
