using System.Text;

namespace OmniGraph.Core.Tests;

public sealed class Crc32CTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Compute_MatchesPublishedCheckValues(string text, uint expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, Crc32C.Compute(bytes));
        Assert.Equal(expected, Crc32C.AppendSoftware(0, bytes));
    }

    [Fact]
    public void Compute_OfThirtyTwoZeroBytes_MatchesRfc3720Vector()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    /// <summary>The hardware path (SSE4.2 / Arm CRC) and the table-driven fallback agree for every length and alignment.</summary>
    [Fact]
    public void HardwareAndSoftwarePaths_Agree()
    {
        var random = new Random(7);
        var data = new byte[4096];
        random.NextBytes(data);
        for (var length = 0; length < 300; length++)
        {
            for (var start = 0; start < 9; start++)
            {
                var slice = data.AsSpan(start, length);
                Assert.Equal(Crc32C.AppendSoftware(0, slice), Crc32C.Compute(slice));
            }
        }
    }

    [Fact]
    public void Append_OverPieces_EqualsComputeOverWhole()
    {
        var data = new byte[1000];
        new Random(3).NextBytes(data);

        var pieces = Crc32C.Append(Crc32C.Append(Crc32C.Compute(data.AsSpan(0, 3)), data.AsSpan(3, 500)), data.AsSpan(503));

        Assert.Equal(Crc32C.Compute(data), pieces);
    }
}
