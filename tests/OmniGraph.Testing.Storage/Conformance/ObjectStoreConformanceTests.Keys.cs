using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    /// <summary>Keys every backend must refuse before any I/O: traversal, absolute paths, separators, controls, reserved names, sizes.</summary>
    public static TheoryData<string> InvalidKeys => new()
    {
        "",
        "/abs",
        "/etc/passwd",
        "a/",
        "a//b",
        "a/./b",
        "./a",
        "a/..",
        "../a",
        "a/../../etc/passwd",
        "..",
        ".",
        "a\\b",
        "..\\..\\windows",
        "a\0b",
        "a\nb",
        "tab\there",
        "del\u007f",
        "c1\u0085control",
        "x/.og-tmp-01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "x/.og-lock.y",
        "a.og-obj/b",
        new string('é', 513),
        "long/" + new string('s', 241),
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public Task InvalidKey_IsRejectedByEveryOperationAndNothingIsWritten(string key) => AssertRejectedEverywhereAsync(key);

    /// <summary>Unpaired surrogates cannot travel through theory data (the runner's serializer replaces them), so they get their own test.</summary>
    [Fact]
    public async Task InvalidKey_WithUnpairedSurrogate_IsRejectedByEveryOperation()
    {
        await AssertRejectedEverywhereAsync("lone\ud800surrogate");
        await AssertRejectedEverywhereAsync("trail/\udc00");
    }

    private async Task AssertRejectedEverywhereAsync(string key)
    {
        await PutTextAsync("sentinel", "unchanged");
        var lease = new ObjectLease(key, "lease-id", TimeSpan.FromSeconds(30));

        await AssertInvalidKeyAsync(key, () => Store.GetAsync(key).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.GetRangeAsync(key, 0, 10).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.GetPropertiesAsync(key).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.PutAsync(key, Bytes.Utf8("x"), WriteCondition.None).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.PutAsync(key, Bytes.Utf8("x"), WriteCondition.IfNotExists).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.PutAsync(key, Bytes.Utf8("x"), WriteCondition.IfMatch("tag")).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.DeleteAsync(key, WriteCondition.None).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.DeleteAsync(key, WriteCondition.IfMatch("tag")).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.AcquireLeaseAsync(key, TimeSpan.FromSeconds(30)).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.RenewLeaseAsync(lease).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.ReleaseLeaseAsync(lease).AsTask());
        await AssertInvalidKeyAsync(key, () => Store.BreakLeaseAsync(key).AsTask());

        Assert.Equal(["sentinel"], await ListAllKeysAsync());
        Assert.Equal("unchanged", await GetTextAsync("sentinel"));
    }

    private static async Task AssertInvalidKeyAsync(string key, Func<Task> operation)
    {
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidObjectKey, operation);
        Assert.Equal(ErrorCodes.InvalidObjectKey, error.Code);
        Assert.Equal(key, error.Get(ErrorDetail.Key));
    }

    /// <summary>Unusual but valid keys: spaces, non-ASCII, punctuation, dots inside segments, hidden-looking names.</summary>
    public static TheoryData<string> UnusualValidKeys => new()
    {
        "with space/and more",
        "ünïcødé/ключ/键",
        "g1/node:Person@main",
        ".hidden",
        "a/..b",
        "a/b.",
        "a/...",
        "%2e%2e/%2f",
        "emoji/😀",
        "trailing dot./x",
        "-dash/_under/~tilde",
        "og-not-reserved/.og",
        "seg/" + new string('s', 240),
    };

    [Theory]
    [MemberData(nameof(UnusualValidKeys))]
    public async Task UnusualValidKey_RoundTripsAndLists(string key)
    {
        var written = await PutTextAsync(key, key, WriteCondition.IfNotExists);

        Assert.Equal(key, await GetTextAsync(key));
        Assert.Equal(written.ETag, (await Store.GetPropertiesAsync(key))!.ETag);
        Assert.Equal([key], await ListAllKeysAsync());
        Assert.True(await Store.DeleteAsync(key, WriteCondition.IfMatch(written.ETag)));
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task LongestValidKey_RoundTripsAndOneByteMoreIsRejected()
    {
        var longest = LongKey(MaxKeyBytes);
        var tooLong = LongKey(MaxKeyBytes + 1);

        await PutTextAsync(longest, "long", WriteCondition.IfNotExists);

        Assert.Equal("long", await GetTextAsync(longest));
        Assert.Equal([longest], await ListAllKeysAsync());
        await AssertInvalidKeyAsync(tooLong, () => Store.PutAsync(tooLong, Bytes.Utf8("x"), WriteCondition.None).AsTask());
        await AssertInvalidKeyAsync(tooLong, () => Store.GetAsync(tooLong).AsTask());
    }

    /// <summary>A key of exactly <paramref name="bytes"/> UTF-8 bytes made of maximal segments.</summary>
    private static string LongKey(int bytes)
    {
        var segments = new List<string>();
        var remaining = bytes;
        while (remaining > ObjectKey.MaxSegmentBytes + 1)
        {
            segments.Add(new string('k', ObjectKey.MaxSegmentBytes - 40));
            remaining -= ObjectKey.MaxSegmentBytes - 40 + 1;
        }

        segments.Add(new string('k', remaining));
        return string.Join('/', segments);
    }
}
