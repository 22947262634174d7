using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    /// <summary>
    /// Keys chosen so that directory-style and ordinal order disagree: '-' (0x2D) sorts before '/' (0x2F),
    /// which sorts before '2' (0x32), so "a/b-x" comes between "a/b" and "a/b/c".
    /// </summary>
    private static readonly string[] s_listingKeys =
    [
        "a/b/c/d",
        "a/b2",
        "b",
        "a/b",
        "a/B",
        "a/b/c",
        "a/b-x",
        "a.txt",
        "a/b/c2",
        "é/x",
        "a/b/c/d/e/f",
        "Z",
    ];

    private async Task PutListingKeysAsync()
    {
        foreach (var key in s_listingKeys)
        {
            await PutTextAsync(key, key);
        }
    }

    private static List<string> Expected(string prefix) =>
        s_listingKeys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task List_EverythingInOrdinalKeyOrder()
    {
        await PutListingKeysAsync();

        var keys = await ListAllKeysAsync();

        Assert.Equal(Expected(""), keys);
        Assert.Equal(["Z", "a.txt", "a/B", "a/b", "a/b-x", "a/b/c", "a/b/c/d", "a/b/c/d/e/f", "a/b/c2", "a/b2", "b", "é/x"], keys);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a/b/")]
    [InlineData("a/b/c")]
    [InlineData("a/b2")]
    [InlineData("a/b-")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("a/b/c/d/e/f")]
    [InlineData("é")]
    public async Task List_WithPrefix_ReturnsExactlyTheKeysStartingWithIt(string prefix)
    {
        await PutListingKeysAsync();

        Assert.Equal(Expected(prefix), await ListAllKeysAsync(prefix));
    }

    [Fact]
    public async Task List_PrefixThatIsAFullKey_IncludesTheKeyAndItsSiblingsSharingThePrefix()
    {
        await PutListingKeysAsync();

        Assert.Equal(["a/b", "a/b-x", "a/b/c", "a/b/c/d", "a/b/c/d/e/f", "a/b/c2", "a/b2"], await ListAllKeysAsync("a/b"));
    }

    [Fact]
    public async Task List_PrefixEndingWithSlash_ExcludesTheKeyWithoutTheSlash()
    {
        await PutListingKeysAsync();

        Assert.Equal(["a/b/c", "a/b/c/d", "a/b/c/d/e/f", "a/b/c2"], await ListAllKeysAsync("a/b/"));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("a/b/c/d/e/f/g")]
    [InlineData("a/x/")]
    [InlineData("zz/")]
    public async Task List_PrefixMatchingNothing_ReturnsAnEmptyFinalPage(string prefix)
    {
        await PutListingKeysAsync();

        var page = await Store.ListAsync(prefix);

        Assert.Empty(page.Objects);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task List_EmptyStore_ReturnsAnEmptyFinalPage()
    {
        var page = await Store.ListAsync("");

        Assert.Empty(page.Objects);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task List_InPages_ConcatenatesToTheFullListingWithoutRepeats(int pageSize)
    {
        await PutListingKeysAsync();

        var pages = new List<ObjectListPage>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync("", token, pageSize);
            Assert.True(page.Objects.Count <= pageSize);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 100);

        Assert.Null(token);
        Assert.Equal(Expected(""), pages.SelectMany(p => p.Objects).Select(o => o.Key).ToList());
    }

    [Fact]
    public async Task List_FullPageWithMoreToCome_ReturnsAToken()
    {
        await PutListingKeysAsync();

        var first = await Store.ListAsync("a/b", null, 3);

        Assert.Equal(["a/b", "a/b-x", "a/b/c"], first.Objects.Select(o => o.Key));
        Assert.NotNull(first.ContinuationToken);
        var second = await Store.ListAsync("a/b", first.ContinuationToken, 3);
        Assert.Equal(["a/b/c/d", "a/b/c/d/e/f", "a/b/c2"], second.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task List_ContinuationAfterTheLastKeyWasDeleted_StillResumesInOrder()
    {
        await PutListingKeysAsync();
        var first = await Store.ListAsync("", null, 4);
        await Store.DeleteAsync(first.Objects[^1].Key, WriteCondition.None);
        await PutTextAsync("a/b/c/0-new", "new");

        var rest = new List<string>();
        var token = first.ContinuationToken;
        while (token is not null)
        {
            var page = await Store.ListAsync("", token, 4);
            rest.AddRange(page.Objects.Select(o => o.Key));
            token = page.ContinuationToken;
        }

        var expectedRest = Expected("").Append("a/b/c/0-new").Order(StringComparer.Ordinal)
            .Where(k => string.CompareOrdinal(k, first.Objects[^1].Key) > 0);
        Assert.Equal(expectedRest, rest);
    }

    [Fact]
    public async Task List_ReportsTheSamePropertiesAsGetProperties()
    {
        await PutTextAsync("p/one", "1");
        await PutTextAsync("p/three", "333");

        var page = await Store.ListAsync("p/");

        foreach (var listed in page.Objects)
        {
            Assert.Equal(await Store.GetPropertiesAsync(listed.Key), listed);
        }

        Assert.Equal([1L, 3L], page.Objects.Select(o => o.Length));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("1")]
    [InlineData("1%%%")]
    [InlineData("2YQ")]
    public async Task List_WithATokenThisStoreNeverIssued_FailsTyped(string token)
    {
        await PutListingKeysAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidContinuationToken, () => Store.ListAsync("", token).AsTask());

        Assert.Equal(ErrorCodes.InvalidContinuationToken, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5001)]
    public async Task List_WithPageSizeOutOfRange_IsRejected(int maxResults)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync("", null, maxResults).AsTask());
    }

    [Theory]
    [InlineData("/a")]
    [InlineData("a//")]
    [InlineData("a//b")]
    [InlineData("a/../")]
    [InlineData("../")]
    [InlineData("./")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    [InlineData("a/.og-tmp")]
    public async Task List_WithAPrefixNoKeyCanHave_FailsTyped(string prefix)
    {
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidObjectKey, () => Store.ListAsync(prefix).AsTask());
    }

    [Theory]
    [InlineData("a/.")]
    [InlineData("a/..")]
    [InlineData(".")]
    [InlineData(".og")]
    public async Task List_WithAPrefixEndingInAPartialSegment_IsAccepted(string prefix)
    {
        await PutTextAsync("a/..b", "dots");
        await PutTextAsync(".ogre", "ogre");

        var keys = await ListAllKeysAsync(prefix);

        Assert.Equal(new[] { "a/..b", ".ogre" }.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)), keys);
    }
}
