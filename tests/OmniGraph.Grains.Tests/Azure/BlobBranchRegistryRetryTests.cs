using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Azure;

/// <summary>
/// A branch registry write whose request reached the blob service and was applied, but whose answer was lost (a timeout
/// after applying, a 5xx after applying): the blob client retries it with the same If-Match and the service refuses that
/// (412, the blob has moved on — by this very write). The branch operation still succeeds exactly once: the grain
/// re-reads the registry and finds its own record there (the create's fresh incarnation, the delete's tombstone), not
/// a stranger's, and answers as if the first answer had arrived. A real conflict (another activation's record) stays a
/// typed refusal.
/// </summary>
public sealed class BlobBranchRegistryRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string RegistryKey = "state/registry-manifest/graph.json";

    /// <summary>
    /// Lost answers: a timeout or a 503 after the service applied the write (the store's retry is then refused, an unknown
    /// outcome), and a 412 after applying — what a conditional write whose retry was refused looks like to a grain
    /// whose state goes through Orleans' own blob grain storage (a conflict carrying the grain's own state).
    /// </summary>
    public static TheoryData<string> LostAnswers() => ["timeout-after-applying", "503-after-applying", "412-after-applying"];

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Create_WhoseRegistryWriteAppliedButWhoseAnswerWasLost_Succeeds(string lost)
    {
        var faults = new BlobFaultInjector();
        var store = azurite.CreateStore(options => options.ConfigureClientOptions = faults.InstallInto);
        await using (var host = await GraphHost.InitAsync(store))
        {
            var rule = faults.Inject(Fault(lost), static r => IsRegistryWrite(r));

            var created = await host.Client.CreateBranchAsync("feature");

            Assert.Equal(1, rule.Fired);
            Assert.Equal("feature", created.Name);
            var listed = Assert.Single(await host.Client.ListBranchesAsync(), static b => b.Name == "feature");
            Assert.Equal(created.Incarnation, listed.Incarnation);
            Assert.Equal((await host.HeadAsync()).Commit, (await host.HeadAsync("feature")).Commit);
        }

        // A fresh activation reads the registry from the store: the one record the create wrote.
        await using var restarted = await GraphHost.StartAsync(store);
        Assert.Equal(["main", "feature"], (await restarted.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Delete_WhoseRegistryWriteAppliedButWhoseAnswerWasLost_Succeeds(string lost)
    {
        var faults = new BlobFaultInjector();
        var store = azurite.CreateStore(options => options.ConfigureClientOptions = faults.InstallInto);
        await using (var host = await GraphHost.InitAsync(store))
        {
            var created = await host.Client.CreateBranchAsync("feature");
            var rule = faults.Inject(Fault(lost), static r => IsRegistryWrite(r));

            var deletion = await host.Client.DeleteBranchAsync("feature");

            Assert.Equal(1, rule.Fired);
            Assert.Equal(created.Incarnation, deletion.Branch.Incarnation);
            Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
            await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.HeadAsync("feature"));
        }

        await using var restarted = await GraphHost.StartAsync(store);
        Assert.Equal(["main"], (await restarted.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    /// <summary>
    /// Another activation's record under the same name is a real conflict, lost answer or not: the create that finds
    /// a stranger's branch is refused with <c>branch_exists</c>, and the registry holds only the stranger's record.
    /// </summary>
    [Fact]
    public async Task Create_OfANameAnotherActivationTook_IsStillRefused()
    {
        var store = azurite.CreateStore();
        await using var first = await GraphHost.InitAsync(store);
        await using var second = await GraphHost.StartAsync(store);
        await second.Client.ListBranchesAsync();
        var theirs = await first.Client.CreateBranchAsync("feature");

        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchExists, () => second.Client.CreateBranchAsync("feature"));

        var listed = Assert.Single(await second.Client.ListBranchesAsync(), static b => b.Name == "feature");
        Assert.Equal(theirs.Incarnation, listed.Incarnation);
    }

    private static bool IsRegistryWrite(BlobRequest request) => request.Operation == BlobOperation.Put && request.IsFor(RegistryKey);

    private static BlobFault Fault(string name) => name switch
    {
        "timeout-after-applying" => BlobFault.TimeoutAfterApplying,
        "503-after-applying" => BlobFault.RespondAfterApplying(503, "ServerBusy"),
        "412-after-applying" => BlobFault.RespondAfterApplying(412, "ConditionNotMet"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown fault"),
    };
}
