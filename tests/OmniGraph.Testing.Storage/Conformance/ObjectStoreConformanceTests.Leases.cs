using OmniGraph.Storage;

namespace OmniGraph.Testing.Storage.Conformance;

public abstract partial class ObjectStoreConformanceTests
{
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromSeconds(30);

    private async Task<ObjectLease> LeaseAsync(string key, string content = "leased", TimeSpan? duration = null)
    {
        await PutTextAsync(key, content);
        return await Store.AcquireLeaseAsync(key, duration ?? s_leaseDuration);
    }

    [Fact]
    public async Task Lease_OnMissingObject_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.AcquireLeaseAsync("missing", s_leaseDuration).AsTask());
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.BreakLeaseAsync("missing").AsTask());
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task Lease_Acquired_ShowsInPropertiesAndListing()
    {
        var lease = await LeaseAsync("locks/manifest");
        await PutTextAsync("locks/other", "free");

        Assert.Equal("locks/manifest", lease.Key);
        Assert.Equal(s_leaseDuration, lease.Duration);
        Assert.False(string.IsNullOrEmpty(lease.LeaseId));
        Assert.True((await Store.GetPropertiesAsync("locks/manifest"))!.IsLeased);
        var listed = (await Store.ListAsync("locks/")).Objects;
        Assert.Equal([true, false], listed.Select(o => o.IsLeased));
    }

    [Fact]
    public async Task Lease_SecondAcquireWhileHeld_Conflicts()
    {
        var lease = await LeaseAsync("locked");

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.AcquireLeaseAsync("locked", s_leaseDuration).AsTask());

        Assert.Equal((await Store.GetPropertiesAsync("locked"))!.ETag, error.CurrentETag);
        Assert.Equal("the object is already leased", error.Reason);
        await Store.PutAsync("locked", Bytes.Utf8("still mine"), WriteCondition.None.WithLease(lease.LeaseId));
    }

    [Fact]
    public async Task Lease_WriteOrDeleteWithoutTheLeaseId_FailsAndChangesNothing()
    {
        await LeaseAsync("locked", "original");

        var put = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutAsync("locked", Bytes.Utf8("intruder"), WriteCondition.None).AsTask());
        var delete = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.DeleteAsync("locked", WriteCondition.None).AsTask());

        Assert.Equal("the object is leased and the write did not present the lease id", put.Reason);
        Assert.Equal(put.Reason, delete.Reason);
        Assert.Equal("original", await GetTextAsync("locked"));
    }

    [Fact]
    public async Task Lease_WriteWithAnotherLeaseId_Fails()
    {
        await LeaseAsync("locked", "original");

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None.WithLease(Guid.NewGuid().ToString())).AsTask());

        Assert.Equal("original", await GetTextAsync("locked"));
    }

    [Fact]
    public async Task Lease_WriteWithTheLeaseId_SucceedsAndKeepsTheLease()
    {
        var lease = await LeaseAsync("locked");
        var current = (await Store.GetPropertiesAsync("locked"))!;

        var written = await Store.PutAsync("locked", Bytes.Utf8("new"), WriteCondition.IfMatch(current.ETag).WithLease(lease.LeaseId));

        Assert.True(written.IsLeased);
        Assert.Equal("new", await GetTextAsync("locked"));
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None).AsTask());
    }

    [Fact]
    public async Task Lease_DeleteWithTheLeaseId_RemovesObjectAndLease()
    {
        var lease = await LeaseAsync("locked");

        Assert.True(await Store.DeleteAsync("locked", WriteCondition.None.WithLease(lease.LeaseId)));

        var recreated = await PutTextAsync("locked", "fresh", WriteCondition.IfNotExists);
        Assert.False(recreated.IsLeased);
        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await PutTextAsync("locked", "writable without a lease");
    }

    [Fact]
    public async Task Lease_IdPresentedWhenNoLeaseIsHeld_Fails()
    {
        await PutTextAsync("free", "x");

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("free", Bytes.Utf8("y"), WriteCondition.None.WithLease("made-up")).AsTask());
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("new-object", Bytes.Utf8("y"), WriteCondition.IfNotExists.WithLease("made-up")).AsTask());

        Assert.Equal("x", await GetTextAsync("free"));
        Assert.Null(await Store.GetPropertiesAsync("new-object"));
    }

    [Fact]
    public async Task Lease_Released_LetsOthersWriteAndReleasingAgainIsHarmless()
    {
        var lease = await LeaseAsync("locked");

        await Store.ReleaseLeaseAsync(lease);
        await Store.ReleaseLeaseAsync(lease);

        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await PutTextAsync("locked", "anyone");
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None.WithLease(lease.LeaseId)).AsTask());
    }

    [Fact]
    public async Task Lease_ReleaseWithAnOldId_DoesNotEndTheNewHoldersLease()
    {
        var old = await LeaseAsync("locked");
        await Store.BreakLeaseAsync("locked");
        var current = await Store.AcquireLeaseAsync("locked", s_leaseDuration);

        await Store.ReleaseLeaseAsync(old);

        Assert.True((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None.WithLease(current.LeaseId));
    }

    [Fact]
    public async Task Lease_Broken_EndsItForEveryone()
    {
        var lease = await LeaseAsync("locked");

        await Store.BreakLeaseAsync("locked");
        await Store.BreakLeaseAsync("locked");

        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await PutTextAsync("locked", "operator recovered");
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.RenewLeaseAsync(lease).AsTask());
    }

    [Fact]
    public async Task Lease_Expired_NoLongerBindsWritersAndCanBeRetaken()
    {
        var lease = await LeaseAsync("locked", duration: TimeSpan.FromSeconds(15));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(14));
        Assert.True((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(2));

        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None.WithLease(lease.LeaseId)).AsTask());
        await PutTextAsync("locked", "no lease needed");
        var next = await Store.AcquireLeaseAsync("locked", s_leaseDuration);
        Assert.NotEqual(lease.LeaseId, next.LeaseId);
    }

    [Fact]
    public async Task Lease_Renewed_RunsItsFullDurationAgain()
    {
        var lease = await LeaseAsync("locked", duration: TimeSpan.FromSeconds(20));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(15));
        await Store.RenewLeaseAsync(lease);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(15));

        Assert.True((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutAsync("locked", Bytes.Utf8("x"), WriteCondition.None).AsTask());
        await AdvanceTimeAsync(TimeSpan.FromSeconds(6));
        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
    }

    [Fact]
    public async Task Lease_RenewAfterExpiryBeforeAnyoneElseTookIt_Succeeds()
    {
        var lease = await LeaseAsync("locked", duration: TimeSpan.FromSeconds(15));
        await AdvanceTimeAsync(TimeSpan.FromSeconds(20));

        await Store.RenewLeaseAsync(lease);

        Assert.True((await Store.GetPropertiesAsync("locked"))!.IsLeased);
    }

    [Fact]
    public async Task Lease_RenewAfterAnotherHolderTookIt_Fails()
    {
        var lease = await LeaseAsync("locked", duration: TimeSpan.FromSeconds(15));
        await AdvanceTimeAsync(TimeSpan.FromSeconds(20));
        await Store.AcquireLeaseAsync("locked", s_leaseDuration);

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.RenewLeaseAsync(lease).AsTask());
    }

    [Fact]
    public async Task Lease_Infinite_NeverExpires()
    {
        await LeaseAsync("locked", duration: Timeout.InfiniteTimeSpan);

        await AdvanceTimeAsync(TimeSpan.FromDays(365));

        Assert.True((await Store.GetPropertiesAsync("locked"))!.IsLeased);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.AcquireLeaseAsync("locked", s_leaseDuration).AsTask());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(-5)]
    public async Task Lease_DurationOutsideFifteenToSixtySeconds_IsRejected(int seconds)
    {
        await PutTextAsync("locked", "x");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AcquireLeaseAsync("locked", TimeSpan.FromSeconds(seconds)).AsTask());

        Assert.False((await Store.GetPropertiesAsync("locked"))!.IsLeased);
    }

    [Fact]
    public async Task Lease_OperationsOnDeletedObject_ReportNotFoundOrNothing()
    {
        var lease = await LeaseAsync("locked");
        await Store.DeleteAsync("locked", WriteCondition.None.WithLease(lease.LeaseId));

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.RenewLeaseAsync(lease).AsTask());
        await Store.ReleaseLeaseAsync(lease);
        Assert.Empty(await ListAllKeysAsync());
    }
}
