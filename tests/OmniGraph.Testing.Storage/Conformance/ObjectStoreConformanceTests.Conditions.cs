using OmniGraph.Storage;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    [Fact]
    public async Task IfNotExists_OnAbsentKey_Creates()
    {
        var written = await PutTextAsync("immutable/v1", "first", WriteCondition.IfNotExists);

        Assert.Equal(written.ETag, (await Store.GetAsync("immutable/v1")).ETag);
    }

    [Fact]
    public async Task IfNotExists_OnExistingKey_FailsReportsCurrentTagAndKeepsBytes()
    {
        var first = await PutTextAsync("immutable/v1", "first", WriteCondition.IfNotExists);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("immutable/v1", Bytes.Utf8("second"), WriteCondition.IfNotExists).AsTask());

        Assert.Equal(ErrorCodes.PreconditionFailed, error.Code);
        Assert.Equal("immutable/v1", error.Key);
        Assert.Equal(WriteConditionKind.IfNotExists, error.Condition.Kind);
        Assert.Equal(first.ETag, error.CurrentETag);
        var read = await Store.GetAsync("immutable/v1");
        Assert.Equal("first", Bytes.Text(read.Content));
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task IfMatch_WithCurrentTag_Replaces()
    {
        var first = await PutTextAsync("head", "1");

        var second = await PutTextAsync("head", "2", WriteCondition.IfMatch(first.ETag));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("2", await GetTextAsync("head"));
    }

    [Fact]
    public async Task IfMatch_WithStaleTag_FailsReportsCurrentTagAndKeepsBytes()
    {
        var first = await PutTextAsync("head", "1");
        var second = await PutTextAsync("head", "2", WriteCondition.IfMatch(first.ETag));

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("head", Bytes.Utf8("lost update"), WriteCondition.IfMatch(first.ETag)).AsTask());

        Assert.Equal(second.ETag, error.CurrentETag);
        Assert.Equal(first.ETag, error.Condition.ETag);
        Assert.Equal("2", await GetTextAsync("head"));
        Assert.Equal(second.ETag, (await Store.GetPropertiesAsync("head"))!.ETag);
    }

    [Fact]
    public async Task IfMatch_OnMissingObject_FailsWithNoCurrentTagAndCreatesNothing()
    {
        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("nested/missing/head", Bytes.Utf8("x"), WriteCondition.IfMatch("some-tag")).AsTask());

        Assert.Null(error.CurrentETag);
        Assert.Null(await Store.GetPropertiesAsync("nested/missing/head"));
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task IfMatch_WithMadeUpTag_FailsOnExistingObject()
    {
        var written = await PutTextAsync("head", "1");

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("head", Bytes.Utf8("x"), WriteCondition.IfMatch("not-a-real-etag")).AsTask());

        Assert.Equal(written.ETag, error.CurrentETag);
    }

    [Fact]
    public async Task Delete_Unconditional_RemovesExistingAndReportsMissing()
    {
        await PutTextAsync("doomed", "x");

        Assert.True(await Store.DeleteAsync("doomed", WriteCondition.None));
        Assert.False(await Store.DeleteAsync("doomed", WriteCondition.None));
        Assert.False(await Store.DeleteAsync("never/existed", WriteCondition.None));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("doomed").AsTask());
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task Delete_IfMatchWithCurrentTag_Removes()
    {
        var written = await PutTextAsync("doomed", "x");

        Assert.True(await Store.DeleteAsync("doomed", WriteCondition.IfMatch(written.ETag)));
        Assert.Null(await Store.GetPropertiesAsync("doomed"));
    }

    [Fact]
    public async Task Delete_IfMatchWithStaleTag_FailsAndKeepsTheObject()
    {
        var first = await PutTextAsync("doomed", "1");
        var second = await PutTextAsync("doomed", "2");

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.DeleteAsync("doomed", WriteCondition.IfMatch(first.ETag)).AsTask());

        Assert.Equal(second.ETag, error.CurrentETag);
        Assert.Equal("2", await GetTextAsync("doomed"));
    }

    [Fact]
    public async Task Delete_IfMatchOnMissingObject_Fails()
    {
        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.DeleteAsync("missing", WriteCondition.IfMatch("tag")).AsTask());

        Assert.Null(error.CurrentETag);
    }

    [Fact]
    public async Task Delete_IfNotExists_IsRejectedAsAnArgument()
    {
        await PutTextAsync("kept", "x");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync("kept", WriteCondition.IfNotExists).AsTask());

        Assert.Equal("x", await GetTextAsync("kept"));
    }
}
