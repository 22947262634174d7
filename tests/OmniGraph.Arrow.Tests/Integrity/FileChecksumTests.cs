using System.Text;
using OmniGraph.Arrow.Integrity;

namespace OmniGraph.Arrow.Tests.Integrity;

public sealed class FileChecksumTests
{
    [Fact]
    public void FileChecksum_FormatAndParse_RoundTrip()
    {
        foreach (var value in new[] { 0u, 1u, 0xDEADBEEFu, uint.MaxValue })
        {
            var text = FileChecksum.Format(value);
            Assert.Equal(8, text.Length);
            Assert.True(FileChecksum.TryParse(Encoding.ASCII.GetBytes(text), out var parsed));
            Assert.Equal(value, parsed);
        }

        Assert.False(FileChecksum.TryParse("DEADBEEF"u8, out _));
        Assert.False(FileChecksum.TryParse("deadbee"u8, out _));
        Assert.False(FileChecksum.TryParse("deadbeeg"u8, out _));
    }
}
