using System.Text;

namespace OmniGraph.Ingest.Tests.Keys;

/// <summary>The compact key set behind id and unique tracking.</summary>
public sealed class Utf8KeySetTests
{
    [Fact]
    public void AddedKeys_AreFoundWithTheirHolder_InInsertionOrder()
    {
        var set = new Utf8KeySet();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(set.TryAdd(Encoding.UTF8.GetBytes($"key-{i}"), i, i + 1L, out var index));
            Assert.Equal(i, index);
        }

        Assert.Equal(100_000, set.Count);
        Assert.True(set.TryGetEntry("key-77777"u8, out var entry));
        Assert.Equal(new KeySetEntry(77777, 77777, 77778), entry);
        Assert.Equal("key-123", set.GetKeyString(123));
        Assert.False(set.Contains("key-100000"));
        Assert.False(set.TryAdd("key-5"u8, 9, 9, out var existing));
        Assert.Equal(5, existing);
    }

    [Fact]
    public void EmptyAndLongKeys_AreSupported()
    {
        var set = new Utf8KeySet();
        var longKey = new byte[3 * 1024 * 1024];
        longKey.AsSpan().Fill((byte)'x');

        Assert.True(set.TryAdd([], 0, 1, out _));
        Assert.True(set.TryAdd(longKey, 1, 2, out _));
        Assert.True(set.Contains([]));
        Assert.True(set.Contains(longKey));
        Assert.Equal(longKey.Length, set.GetKey(1).Length);
    }

    [Fact]
    public void HolderAndAttachedBytes_CanBeReplaced()
    {
        var set = new Utf8KeySet();
        set.TryAdd("k"u8, 0, 1, out var index);
        set.SetAttached(index, "first"u8);
        set.SetHolder(index, 5, 6);
        set.SetAttached(index, "second-holder"u8);

        Assert.Equal(new KeySetEntry(0, 5, 6), set.GetEntry(index));
        Assert.Equal("second-holder"u8.ToArray(), set.GetAttached(index).ToArray());
    }

    [Fact]
    public void MemoryStaysCompact()
    {
        var set = new Utf8KeySet();
        for (var i = 0; i < 200_000; i++)
        {
            set.TryAdd(Encoding.UTF8.GetBytes($"p{i}"), i, i, out _);
        }

        // 32-byte entries (doubling), a bucket table at most half full and the key bytes themselves.
        Assert.True(set.MemoryBytes < 200_000 * 96, $"{set.MemoryBytes} bytes");
    }

    [Fact]
    public void OutOfRangeIndexes_Throw()
    {
        var set = new Utf8KeySet();

        Assert.Throws<ArgumentOutOfRangeException>(() => set.GetEntry(0));
    }
}
