using System.Text;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Ingest.Tests.Streaming;

/// <summary>Chunk boundaries may fall anywhere (inside a line, a token or a UTF-8 sequence) without changing the result.</summary>
public sealed class ChunkingTests
{
    private static readonly string s_mixedInput = string.Join("\r\n",
        """{"type":"Item","data":{"name":"é🙂\u00e9","flag":true,"i32":-5,"i64":9007199254740993,"u32":7,"u64":18446744073709551615,"f32":0.1,"f64":-2.5e-3}}""",
        "",
        """{"type":"Item","data":{"name":"b","day":"2024-02-29","at":"2024-06-01T12:00:00.5+02:00","payload":"base64:aGVsbG8=","tags":["x","ÿ\"q"],"counts":[1,2,3]}}""",
        "   ",
        """{"edge":"Link","from":"é🙂é","to":"b","data":{"weight":1.5}}""",
        """{"type":"Item","data":{"name":"c","days":[1,"1999-12-31"],"flags":[false],"ratios":[],"embedding":[1,2,3],"role":"admin","code":"ABC","level":10}}""",
        """{"edge":"link","from":"b","to":"c"}""",
        """{"type":"Note","data":{"text":"unkeyed"}}""",
        """{"data":{"weight":null},"to":"c","from":"c","edge":"Link"}""") + "\n";

    [Fact]
    public void OneSevenAndFourMegabyteChunks_GiveIdenticalBatches()
    {
        var input = Encoding.UTF8.GetBytes(s_mixedInput);
        var reference = IntakeRun.Load(Schemas.Everything, input, chunkSize: 4 * 1024 * 1024);

        foreach (var chunkSize in new[] { 1, 7, 13 })
        {
            var run = IntakeRun.Load(Schemas.Everything, input, chunkSize: chunkSize);
            IntakeRun.AssertSame(reference, run, $"{chunkSize}-byte feeds");
        }

        Assert.Equal(3, reference.Summary("node:Item").RowCount);
        Assert.Equal(3, reference.Summary("edge:Link").RowCount);
    }

    [Fact]
    public void ChunkedFixtures_GiveIdenticalBatches_AcrossFragments()
    {
        var input = Encoding.UTF8.GetBytes(AcceptanceFixtures.TestData + "\n" + AcceptanceFixtures.TestData.Replace("Alice", "Alicia", StringComparison.Ordinal).Replace("Bob", "Bobby", StringComparison.Ordinal).Replace("Charlie", "Charles", StringComparison.Ordinal).Replace("Diana", "Diane", StringComparison.Ordinal).Replace("Acme", "Acne", StringComparison.Ordinal).Replace("Globex", "Globe", StringComparison.Ordinal));
        var options = new JsonlIntakeOptions { FragmentMaxRows = 3 };
        var reference = IntakeRun.Load(Schemas.Test, input, options: options);

        foreach (var chunkSize in new[] { 1, 7, 4 * 1024 * 1024 })
        {
            IntakeRun.AssertSame(reference, IntakeRun.Load(Schemas.Test, input, chunkSize: chunkSize, options: options), $"{chunkSize}-byte feeds");
        }
    }

    [Fact]
    public void FinalLineWithoutLineBreak_IsReadAtComplete()
    {
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Append);
        intake.Feed("""{"type":"Person","data":{"name":"A"}}"""u8);

        Assert.Equal(0, intake.LinesRead);
        var result = intake.Complete();
        Assert.Equal(1, result.LineCount);
        Assert.Equal(1, result.TotalEntities);
    }

    [Fact]
    public void InvalidFinalLine_FailsAtComplete()
    {
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Append);
        intake.Feed("""{"type":"Person","data":{"name":"A"}}"""u8 + "\n{\"type\":"u8);

        var error = Assert.IsType<IngestException>(Record.Exception(() => intake.Complete()));
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(5)]
    public void LinesLongerThanTheLimit_AreAResourceLimitError(int chunkSize)
    {
        var options = new JsonlIntakeOptions { MaxLineBytes = 64 };
        var input = """{"type":"Person","data":{"name":"A"}}""" + "\n" + $$$"""{"type":"Person","data":{"name":"{{{new string('x', 80)}}}"}}""" + "\n";

        var error = Assert.IsType<IngestException>(Record.Exception(() => IntakeRun.Load(Schemas.Test, input, chunkSize: chunkSize, options: options)));
        Assert.Equal(ErrorCodes.ResourceLimit, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Equal(64, error.Get(ErrorDetail.Limit));
        Assert.StartsWith("line 2: line bytes limit exceeded", error.Message);
    }

    [Fact]
    public void LinesAtTheLimit_AreAccepted()
    {
        var line = """{"type":"Person","data":{"name":"A"}}""";
        var options = new JsonlIntakeOptions { MaxLineBytes = line.Length };

        Assert.Equal(1, IntakeRun.Load(Schemas.Test, line + "\n", chunkSize: 3, options: options).Result.TotalEntities);
    }

    /// <summary>The default limit is the documented 32 MiB; a longer line fails before it is buffered whole.</summary>
    [Fact]
    public void DefaultLineLimit_Is32MiB()
    {
        Assert.Equal(32 * 1024 * 1024, new JsonlIntakeOptions().MaxLineBytes);
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Append);
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        var error = Record.Exception(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                intake.Feed(chunk);
            }
        });

        Assert.Equal(33L * 1024 * 1024, Assert.IsType<IngestException>(error).Get(ErrorDetail.Count));
    }
}
