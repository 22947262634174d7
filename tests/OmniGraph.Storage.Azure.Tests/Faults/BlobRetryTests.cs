using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Storage.Azure.Tests.Faults;

/// <summary>
/// Transient failures (500, 503, timeouts, dropped connections) are retried by the Azure.Core pipeline; what still fails
/// after the last retry is <c>store_unavailable</c>; a conditional write whose retry is refused has an unknown outcome.
/// </summary>
public sealed class BlobRetryTests(AzuriteFixture azurite) : BlobFaultTestBase(azurite)
{
    public static TheoryData<string> TransientFaults => ["InternalError", "ServerBusy", "Timeout", "ConnectionDropped"];

    private static BlobFault Transient(string name) => name switch
    {
        "InternalError" => BlobFault.InternalError,
        "ServerBusy" => BlobFault.ServerBusy,
        "Timeout" => BlobFault.Timeout,
        _ => BlobFault.ConnectionDropped,
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task TransientFailures_OfEveryOperation_AreRetriedUntilTheySucceed(string fault)
    {
        await Store.PutAsync("seed", Text("x"), WriteCondition.None);
        foreach (var operation in new[] { BlobOperation.Put, BlobOperation.Get, BlobOperation.GetProperties, BlobOperation.List, BlobOperation.Lease, BlobOperation.Delete })
        {
            Faults.Inject(Transient(fault), r => r.Operation == operation, times: 2);
        }

        var created = await Store.PutAsync("k", Text("v1"), WriteCondition.IfNotExists);
        var read = await Store.GetAsync("k");
        var properties = await Store.GetPropertiesAsync("k");
        var listed = await Store.ListAsync("");
        var lease = await Store.AcquireLeaseAsync("k", TimeSpan.FromSeconds(15));
        var deleted = await Store.DeleteAsync("k", WriteCondition.IfMatch(created.ETag).WithLease(lease.LeaseId));

        // Each operation took three attempts: two failed, the third succeeded. The create's failed attempts never
        // reached the service, so the third created the object (no "outcome unknown": nothing was refused).
        foreach (var operation in new[] { BlobOperation.Put, BlobOperation.Get, BlobOperation.GetProperties, BlobOperation.Lease, BlobOperation.Delete })
        {
            Assert.Equal(3, Attempts(operation, "k"));
        }

        Assert.Equal(3, Faults.CountAttempts(r => r.Operation == BlobOperation.List));
        Assert.Equal("v1", Text(read.Content));
        Assert.Equal(created.ETag, properties!.ETag);
        Assert.Equal(["k", "seed"], listed.Objects.Select(o => o.Key));
        Assert.True(deleted);
        Assert.Null(await Store.GetPropertiesAsync("k"));
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task TransientFailures_ThatOutlastTheRetries_AreStoreUnavailableAndWriteNothing(string fault)
    {
        await Store.PutAsync("seed", Text("x"), WriteCondition.None);
        Faults.Inject(Transient(fault), r => r.IsFor("k"), times: int.MaxValue);

        var put = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable, () => Store.PutAsync("k", Text("v1"), WriteCondition.None).AsTask());
        var get = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable, () => Store.GetAsync("k").AsTask());

        Assert.Equal(ErrorCodes.StoreUnavailable, put.Code);
        Assert.Equal("k", put.Get(ErrorDetail.Key));
        Assert.Contains($"after {MaxRetries + 1} attempt(s)", put.Message, StringComparison.Ordinal);
        Assert.Equal(MaxRetries + 1, Attempts(BlobOperation.Put, "k"));
        Assert.Equal(MaxRetries + 1, Attempts(BlobOperation.Get, "k"));
        Assert.Equal("k", get.Get(ErrorDetail.Key));
        Assert.DoesNotContain((await Store.ListAsync("")).Objects, o => o.Key == "k");
    }

    [Fact]
    public async Task Unconditional_WriteWhoseAnswerWasLost_IsRetriedAndSucceeds()
    {
        await Store.PutAsync("k", Text("v1"), WriteCondition.None);
        Faults.ClearAttempts();
        Faults.Inject(BlobFault.TimeoutAfterApplying, r => r.Operation == BlobOperation.Put);

        var written = await Store.PutAsync("k", Text("v2"), WriteCondition.None);

        Assert.Equal("v2", await ReadTextAsync("k"));
        Assert.Equal(written.ETag, (await Store.GetPropertiesAsync("k"))!.ETag);
        Assert.Equal(2, Attempts(BlobOperation.Put, "k"));
    }

    [Fact]
    public async Task Create_WhoseAnswerWasLost_HasAnUnknownOutcomeNotALostRace()
    {
        await Store.PutAsync("seed", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.TimeoutAfterApplying, r => r.IsCreateIfAbsent);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable,
            () => Store.PutAsync("immutable", Text("ours"), WriteCondition.IfNotExists).AsTask());

        // The first attempt created the object; the retry was refused with 409 because of that very write.
        Assert.Contains("outcome unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("409 BlobAlreadyExists", error.Message, StringComparison.Ordinal);
        Assert.Equal("ours", await ReadTextAsync("immutable"));
        Assert.Equal(2, Faults.CountAttempts(r => r.IsCreateIfAbsent));
    }

    [Fact]
    public async Task CompareAndSwap_WhoseAnswerWasAnErrorAfterApplying_HasAnUnknownOutcome()
    {
        var current = await Store.PutAsync("head", Text("v1"), WriteCondition.None);
        Faults.Inject(BlobFault.RespondAfterApplying(500, "InternalError"), r => r.IsCompareAndSwap);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable,
            () => Store.PutAsync("head", Text("v2"), WriteCondition.IfMatch(current.ETag)).AsTask());

        Assert.Contains("outcome unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("412 ConditionNotMet", error.Message, StringComparison.Ordinal);
        Assert.Equal("v2", await ReadTextAsync("head"));
    }

    [Fact]
    public async Task CompareAndSwap_RetriedAfterAFailureThatNeverReachedTheService_Succeeds()
    {
        var current = await Store.PutAsync("head", Text("v1"), WriteCondition.None);
        Faults.Inject(BlobFault.ServerBusy, r => r.IsCompareAndSwap);

        var written = await Store.PutAsync("head", Text("v2"), WriteCondition.IfMatch(current.ETag));

        Assert.NotEqual(current.ETag, written.ETag);
        Assert.Equal("v2", await ReadTextAsync("head"));
    }

    [Fact]
    public async Task LeaseAcquire_WhoseAnswerWasLost_IsGrantedToTheSameHolderOnRetry()
    {
        await Store.PutAsync("locked", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.TimeoutAfterApplying, r => r.Operation == BlobOperation.Lease);

        var lease = await Store.AcquireLeaseAsync("locked", TimeSpan.FromSeconds(15));

        await Store.PutAsync("locked", Text("y"), WriteCondition.None.WithLease(lease.LeaseId));
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutAsync("locked", Text("z"), WriteCondition.None).AsTask());
        await Store.ReleaseLeaseAsync(lease);
    }

    [Fact]
    public async Task HangingAttempt_IsEndedByTheConfiguredNetworkTimeoutAndRetried()
    {
        var store = CreateStore(TimeSpan.FromSeconds(1));
        await store.PutAsync("seed", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.Hang, r => r.Operation == BlobOperation.Get);

        var read = await store.GetAsync("seed");

        Assert.Equal("x", Text(read.Content));
        Assert.Equal(2, Attempts(BlobOperation.Get, "seed"));
        Assert.Null(Faults.Attempts.First(a => a.Fault == BlobFault.Hang).Status);
    }

    [Fact]
    public async Task CallerCancellation_DuringAHangingAttempt_IsCancellationNotUnavailability()
    {
        await Store.PutAsync("seed", Text("x"), WriteCondition.None);
        Faults.Inject(BlobFault.Hang, r => r.Operation == BlobOperation.Get, times: int.MaxValue);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetAsync("seed", cancellation.Token).AsTask());

        Assert.Equal(1, Attempts(BlobOperation.Get, "seed"));
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => OmniGraph.Testing.Storage.Bytes.Text(bytes);
}
