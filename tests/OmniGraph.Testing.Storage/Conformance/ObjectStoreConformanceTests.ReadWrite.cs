using OmniGraph.Storage;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    [Fact]
    public async Task Put_ThenGet_ReturnsBytesAndTheWrittenETag()
    {
        var written = await PutTextAsync("graphs/g1/manifest.json", "{\"v\":1}");

        var read = await Store.GetAsync("graphs/g1/manifest.json");

        Assert.Equal("{\"v\":1}", Bytes.Text(read.Content));
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.TotalLength);
        Assert.Equal("graphs/g1/manifest.json", written.Key);
        Assert.Equal(7, written.Length);
        Assert.False(string.IsNullOrEmpty(written.ETag));
    }

    [Fact]
    public async Task Put_BinaryContent_RoundTripsEveryByteValue()
    {
        var bytes = Enumerable.Range(0, 512).Select(i => (byte)(i % 256)).ToArray();

        await Store.PutAsync("bin/all-bytes", bytes, WriteCondition.None);

        Assert.Equal(bytes, (await Store.GetAsync("bin/all-bytes")).Content.ToArray());
    }

    [Fact]
    public async Task Put_EmptyObject_RoundTripsAsEmpty()
    {
        var written = await Store.PutAsync("empty", ReadOnlyMemory<byte>.Empty, WriteCondition.IfNotExists);

        var read = await Store.GetAsync("empty");
        var properties = await Store.GetPropertiesAsync("empty");

        Assert.Equal(0, read.Content.Length);
        Assert.Equal(0, read.TotalLength);
        Assert.Equal(0, written.Length);
        Assert.Equal(0, properties!.Length);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Put_LargeObject_RoundTripsSeveralMegabytes()
    {
        var bytes = Bytes.Random(8 * 1024 * 1024 + 17, seed: 42);

        await Store.PutAsync("large/fragment.arrow", bytes, WriteCondition.IfNotExists);
        var read = await Store.GetAsync("large/fragment.arrow");

        Assert.Equal(bytes.Length, read.TotalLength);
        Assert.True(bytes.AsSpan().SequenceEqual(read.Content.Span));
    }

    [Fact]
    public async Task Put_CallerBufferChangedAfterwards_DoesNotChangeStoredBytes()
    {
        var buffer = Bytes.Utf8("original");
        await Store.PutAsync("isolated", buffer, WriteCondition.None);

        buffer[0] = (byte)'X';

        Assert.Equal("original", await GetTextAsync("isolated"));
    }

    [Fact]
    public async Task Get_MissingObject_ThrowsNotFoundNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("no/such/object").AsTask());

        Assert.Equal("no/such/object", error.Key);
        Assert.Equal(ErrorCodes.ObjectNotFound, error.Code);
    }

    [Fact]
    public async Task GetRange_InsideTheObject_ReturnsExactlyThoseBytes()
    {
        var written = await PutTextAsync("range", "0123456789");

        var read = await Store.GetRangeAsync("range", 3, 4);

        Assert.Equal("3456", Bytes.Text(read.Content));
        Assert.Equal(10, read.TotalLength);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task GetRange_RunningPastTheEnd_IsClamped()
    {
        await PutTextAsync("range", "0123456789");

        Assert.Equal("789", Bytes.Text((await Store.GetRangeAsync("range", 7, 100)).Content));
        Assert.Equal("0123456789", Bytes.Text((await Store.GetRangeAsync("range", 0, int.MaxValue)).Content));
    }

    [Fact]
    public async Task GetRange_StartingAtOrPastTheEnd_ReturnsNoBytesAndTheFullLength()
    {
        await PutTextAsync("range", "0123456789");

        var atEnd = await Store.GetRangeAsync("range", 10, 5);
        var pastEnd = await Store.GetRangeAsync("range", 1_000_000, 5);
        var zeroLength = await Store.GetRangeAsync("range", 2, 0);

        Assert.Equal(0, atEnd.Content.Length);
        Assert.Equal(0, pastEnd.Content.Length);
        Assert.Equal(0, zeroLength.Content.Length);
        Assert.Equal(10, pastEnd.TotalLength);
    }

    [Fact]
    public async Task GetRange_NegativeOffsetOrLength_IsRejected()
    {
        await PutTextAsync("range", "0123456789");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetRangeAsync("range", -1, 2).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetRangeAsync("range", 0, -2).AsTask());
    }

    [Fact]
    public async Task GetRange_OfLargeObject_ReadsTheTail()
    {
        var bytes = Bytes.Random(3 * 1024 * 1024, seed: 7);
        await Store.PutAsync("large", bytes, WriteCondition.None);

        var tail = await Store.GetRangeAsync("large", bytes.Length - 1000, 4096);

        Assert.True(bytes.AsSpan(bytes.Length - 1000).SequenceEqual(tail.Content.Span));
    }

    [Fact]
    public async Task GetRange_MissingObject_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetRangeAsync("missing", 0, 1).AsTask());
    }

    [Fact]
    public async Task GetProperties_ExistingObject_ReportsSizeTagAndTime()
    {
        var before = Time.GetUtcNow();
        var written = await PutTextAsync("props/a", "hello");

        var properties = await Store.GetPropertiesAsync("props/a");

        Assert.NotNull(properties);
        Assert.Equal("props/a", properties.Key);
        Assert.Equal(5, properties.Length);
        Assert.Equal(written.ETag, properties.ETag);
        Assert.Equal(written.LastModified, properties.LastModified);
        Assert.False(properties.IsLeased);
        Assert.True(properties.LastModified > before.AddYears(-1), "last-modified must be a real timestamp");
    }

    [Fact]
    public async Task GetProperties_MissingObject_ReturnsNull()
    {
        Assert.Null(await Store.GetPropertiesAsync("props/missing"));
    }

    [Fact]
    public async Task Put_Unconditional_ReplacesAndChangesTheETag()
    {
        var first = await PutTextAsync("replace", "one");

        var second = await PutTextAsync("replace", "two");

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("two", await GetTextAsync("replace"));
        Assert.True(second.LastModified >= first.LastModified);
    }

    [Fact]
    public async Task Put_IdenticalBytesAgain_StillChangesTheETag()
    {
        var first = await PutTextAsync("same", "identical");
        var second = await PutTextAsync("same", "identical");
        var third = await PutTextAsync("same", "identical", WriteCondition.IfMatch(second.ETag));

        Assert.Equal(3, new[] { first.ETag, second.ETag, third.ETag }.Distinct().Count());
        Assert.Equal(third.ETag, (await Store.GetAsync("same")).ETag);
    }

    [Fact]
    public async Task Put_AfterDelete_GetsAnETagNeverSeenBefore()
    {
        var first = await PutTextAsync("reborn", "x");
        await Store.DeleteAsync("reborn", WriteCondition.None);

        var second = await PutTextAsync("reborn", "x", WriteCondition.IfNotExists);

        Assert.NotEqual(first.ETag, second.ETag);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutAsync("reborn", Bytes.Utf8("y"), WriteCondition.IfMatch(first.ETag)).AsTask());
    }

    [Fact]
    public async Task Operations_AlreadyCancelled_ThrowWithoutWriting()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync("cancelled", Bytes.Utf8("x"), WriteCondition.None, cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetAsync("cancelled", cancelled.Token).AsTask());

        Assert.Null(await Store.GetPropertiesAsync("cancelled"));
    }
}
