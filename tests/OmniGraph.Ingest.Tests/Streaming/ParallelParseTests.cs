using System.Text;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Streaming;

/// <summary>
/// The parse runs on several lanes over consecutive chunks of the input and merges their rows in input order: the
/// fragments, facts and errors of a load are those of a one-lane parse, whatever the number of lanes and the chunk size.
/// </summary>
public sealed class ParallelParseTests
{
    private static readonly SchemaCatalog s_schema = SchemaCatalog.Compile("""
        node Item {
            name: String @key
            email: String?
            level: I32?
            tags: [String]?
            embedding: Vector(3)?
            role: enum(admin, guest, member)?
            @unique(email)
        }
        node Note { text: String }
        edge Link: Item -> Item { weight: F64?  @unique(src, dst) }
        """);

    [Theory]
    [InlineData(LoadMode.Overwrite)]
    [InlineData(LoadMode.Merge)]
    public void ManyChunksOnSeveralLanes_GiveTheFragmentsOfOneLane(LoadMode mode)
    {
        var input = Encoding.UTF8.GetBytes(Generate(items: 300, mode == LoadMode.Merge));
        var reference = IntakeRun.Load(s_schema, input, mode, options: Options(lanes: 1, chunkBytes: 1024 * 1024));
        Assert.True(reference.Fragments.Count > 20, $"{reference.Fragments.Count} fragments");

        foreach (var lanes in new[] { 1, 2, 4 })
        {
            foreach (var chunkBytes in new[] { 1, 333, 4096 })
            {
                foreach (var feed in new[] { 1000, int.MaxValue })
                {
                    var run = IntakeRun.Load(s_schema, input, mode, chunkSize: feed, options: Options(lanes, chunkBytes));
                    IntakeRun.AssertSame(reference, run, $"{lanes} lanes, {chunkBytes}-byte chunks, {feed}-byte feeds");
                }
            }
        }

        if (mode == LoadMode.Merge)
        {
            Assert.NotEmpty(reference.Summary("node:Note").SupersededRows);
        }
    }

    /// <summary>A bad line in the second chunk fails the load with the line and code of a one-lane parse, and the chunks after it are never merged.</summary>
    [Fact]
    public void ErrorInTheSecondChunk_IsReportedAsByOneLane()
    {
        var lines = Generate(items: 200, withRepeats: false).Split('\n');
        lines[250] = """{"type":"Item","data":{"name":"bad","level":"high"}}""";
        var input = string.Join('\n', lines);

        var oneLane = Fail(input, lanes: 1, chunkBytes: 1024 * 1024);
        Assert.Equal(ErrorCodes.InvalidData, oneLane.Code);
        Assert.Equal(251, oneLane.Line);
        var chunkBytes = Encoding.UTF8.GetByteCount(string.Join('\n', lines[..200]));
        foreach (var lanes in new[] { 2, 4 })
        {
            var error = Fail(input, lanes, chunkBytes);
            Assert.Equal(oneLane.Code, error.Code);
            Assert.Equal(oneLane.Message, error.Message);
            Assert.Equal(251, error.Line);
        }
    }

    /// <summary>
    /// An error only the in-order merge can find (a repeated key) comes before a bad line later in the same chunk and
    /// before one in a chunk another lane has already parsed: the first error in the file wins.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EarlierMergeError_WinsOverALaterParseError(int lanes)
    {
        var lines = Generate(items: 200, withRepeats: false).Split('\n');
        lines[120] = """{"type":"Item","data":{"name":"item5"}}""";
        lines[130] = "{not json";
        lines[400] = """{"type":"Nope","data":{}}""";
        var input = string.Join('\n', lines);

        var error = Fail(input, lanes, chunkBytes: 2000);
        Assert.Equal(ErrorCodes.UniqueViolation, error.Code);
        Assert.Equal(121, error.Line);
        Assert.Equal(11, error.Get(ErrorDetail.FirstLine));
    }

    [Fact]
    public void ParseOptions_AreValidated()
    {
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new JsonlIntake(s_schema, LoadMode.Append, new JsonlIntakeOptions { ParseParallelism = 0 }));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new JsonlIntake(s_schema, LoadMode.Append, new JsonlIntakeOptions { ParseParallelism = JsonlIntakeOptions.MaxParseParallelism + 1 }));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new JsonlIntake(s_schema, LoadMode.Append, new JsonlIntakeOptions { ParseChunkBytes = 0 }));
        Assert.InRange(new JsonlIntakeOptions().ParseParallelism, 1, JsonlIntakeOptions.MaxDefaultParseParallelism);
        Assert.Equal(Math.Min(Environment.ProcessorCount, JsonlIntakeOptions.MaxDefaultParseParallelism), JsonlIntakeOptions.DefaultParseParallelism);
    }

    private static JsonlIntakeOptions Options(int lanes, int chunkBytes) =>
        new() { ParseParallelism = lanes, ParseChunkBytes = chunkBytes, FragmentMaxRows = 7 };

    private static IngestException Fail(string input, int lanes, int chunkBytes) =>
        Assert.IsType<IngestException>(Record.Exception(() => IntakeRun.Load(s_schema, input, LoadMode.Overwrite, options: Options(lanes, chunkBytes))));

    /// <summary>
    /// Items with every kind of value (nulls, lists, vectors, enums, escapes), unkeyed notes and edges whose ids are
    /// minted, interleaved; with <paramref name="withRepeats"/>, notes whose explicit ids repeat (merge: last write wins).
    /// </summary>
    private static string Generate(int items, bool withRepeats)
    {
        var text = new StringBuilder();
        string[] roles = ["admin", "guest", "member"];
        for (var i = 0; i < items; i++)
        {
            var email = i % 3 == 0 ? "null" : $"\"user{i}@example.com\"";
            var tags = i % 4 == 0 ? "null" : $"[\"t{i}\",\"q\\\"{i % 5}\"]";
            var level = i % 7 == 0 ? "null" : $"{i}";
            var embedding = i % 5 == 0 ? "null" : $"[{i},0.5,-1]";
            text.Append($$$"""{"type":"Item","data":{"name":"item{{{i}}}","email":{{{email}}},"level":{{{level}}},"tags":{{{tags}}},"embedding":{{{embedding}}},"role":"{{{roles[i % 3]}}}"}}""").Append('\n');
            if (i % 2 == 1)
            {
                text.Append($$$"""{"edge":"Link","from":"item{{{i}}}","to":"item{{{i - 1}}}","data":{"weight":{{{i}}}.25}}""").Append('\n');
                text.Append($$$"""{"type":"Note","data":{"text":"note {{{i}}} é🙂"}}""").Append('\n');
            }

            if (withRepeats && i % 10 == 0)
            {
                text.Append($$$"""{"type":"Note","data":{"id":"n{{{i % 30}}}","text":"kept {{{i}}}"}}""").Append('\n');
            }

            if (i % 50 == 0)
            {
                text.Append("   \n");
            }
        }

        return text.ToString();
    }
}
