using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Storage.Azure.Tests.Faults;

/// <summary>Each answer the service can give maps to the store's typed error, on the first attempt (none of these is retried).</summary>
public sealed class BlobFaultMappingTests(AzuriteFixture azurite) : BlobFaultTestBase(azurite)
{
    [Fact]
    public async Task ConditionNotMet_OnACompareAndSwap_IsAPreconditionFailureWithTheCurrentTag()
    {
        var current = await Store.PutAsync("head", Text("v1"), WriteCondition.None);
        Faults.Inject(BlobFault.ConditionNotMet, r => r.IsCompareAndSwap);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("head", Text("v2"), WriteCondition.IfMatch(current.ETag)).AsTask());

        Assert.Equal(ErrorCodes.PreconditionFailed, error.Code);
        Assert.Equal(current.ETag, error.CurrentETag);
        Assert.Null(error.Reason);
        Assert.Equal("v1", await ReadTextAsync("head"));
        Assert.Equal(1, Faults.CountAttempts(r => r.IsCompareAndSwap));
    }

    [Fact]
    public async Task BlobAlreadyExists_OnACreate_IsAPreconditionFailureAndCreatesNothing()
    {
        await Store.PutAsync("other", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.BlobAlreadyExists, r => r.IsCreateIfAbsent);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("immutable", Text("v1"), WriteCondition.IfNotExists).AsTask());

        Assert.Equal(WriteConditionKind.IfNotExists, error.Condition.Kind);
        Assert.Null(error.CurrentETag);
        Assert.Null(await Store.GetPropertiesAsync("immutable"));
        Assert.Equal(1, Attempts(BlobOperation.Put, "immutable"));
    }

    [Fact]
    public async Task ConditionNotMet_OnAConditionalDelete_IsAPreconditionFailureAndKeepsTheObject()
    {
        var current = await Store.PutAsync("doomed", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.ConditionNotMet, r => r.Operation == BlobOperation.Delete);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.DeleteAsync("doomed", WriteCondition.IfMatch(current.ETag)).AsTask());

        Assert.Equal(current.ETag, error.CurrentETag);
        Assert.Equal("x", await ReadTextAsync("doomed"));
    }

    [Fact]
    public async Task BlobNotFound_IsNotFoundForReadsAndLeasesAndNullForProperties()
    {
        await Store.PutAsync("present", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.BlobNotFound, r => r.IsFor("present"), times: 5);

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("present").AsTask());
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetRangeAsync("present", 0, 1).AsTask());
        Assert.Null(await Store.GetPropertiesAsync("present"));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.AcquireLeaseAsync("present", TimeSpan.FromSeconds(15)).AsTask());
        Assert.False(await Store.DeleteAsync("present", WriteCondition.None));

        Assert.Equal("x", await ReadTextAsync("present"));
    }

    [Fact]
    public async Task LeaseAlreadyPresent_OnAcquire_IsAPreconditionFailureSayingSo()
    {
        await Store.PutAsync("locked", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.Respond(409, "LeaseAlreadyPresent"), r => r.Operation == BlobOperation.Lease);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.AcquireLeaseAsync("locked", TimeSpan.FromSeconds(15)).AsTask());

        Assert.Equal("the object is already leased", error.Reason);
    }

    [Theory]
    [InlineData("LeaseIdMissing", "the object is leased and the write did not present the lease id")]
    [InlineData("LeaseIdMismatchWithBlobOperation", "the presented lease id does not match the active lease")]
    [InlineData("LeaseNotPresentWithBlobOperation", "a lease id was presented but no lease is active on the object")]
    [InlineData("LeaseLost", "a lease id was presented but no lease is active on the object")]
    public async Task LeaseRefusals_OnAWrite_ArePreconditionFailuresWithTheirReason(string errorCode, string reason)
    {
        await Store.PutAsync("locked", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.Respond(412, errorCode), r => r.Operation == BlobOperation.Put);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("locked", Text("y"), WriteCondition.None).AsTask());

        Assert.Equal(reason, error.Reason);
        Assert.Equal("x", await ReadTextAsync("locked"));
    }

    [Theory]
    [InlineData(403, "AuthorizationFailure")]
    [InlineData(400, "InvalidHeaderValue")]
    [InlineData(409, "ContainerBeingDeleted")]
    public async Task OtherRefusals_AreStoreUnavailableAfterOneAttempt(int status, string errorCode)
    {
        Faults.Inject(BlobFault.Respond(status, errorCode), r => r.Operation == BlobOperation.Put);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable,
            () => Store.PutAsync("refused", Text("x"), WriteCondition.None).AsTask());

        Assert.Equal(ErrorCodes.StoreUnavailable, error.Code);
        Assert.Equal("refused", error.Get(ErrorDetail.Key));
        Assert.Contains($"HTTP {status} {errorCode}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Attempts(BlobOperation.Put, "refused"));
        Assert.Null(await Store.GetPropertiesAsync("refused"));
    }

    [Fact]
    public async Task CorruptedBody_OnAWholeRead_IsACorruptObject()
    {
        await Store.PutAsync("fragment", Text(new string('a', 4096)), WriteCondition.None);
        Faults.Inject(BlobFault.CorruptBody, r => r.Operation == BlobOperation.Get);

        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => Store.GetAsync("fragment").AsTask());

        Assert.Equal(ErrorCodes.CorruptObject, error.Code);
        Assert.Contains("MD5", error.Message, StringComparison.Ordinal);
        Assert.Equal(new string('a', 4096), await ReadTextAsync("fragment"));
    }
}
