using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>The load session protocol: branch checks, call order, abort.</summary>
public sealed class LoadSessionTests
{
    [Fact]
    public async Task MissingBranch_IsBranchNotFoundAndCreatesNothing()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () =>
            host.Client.LoadJsonlAsync(AcceptanceFixtures.TestData, GraphLoadMode.Append, "feature"));

        Assert.Equal("branch_not_found", error.Code);
        Assert.Equal("branch 'feature' not found", error.Message);
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
        Assert.Single((await host.Store.ListAsync("manifests/")).Objects);
    }

    [Fact]
    public async Task Session_WriteBeforeBegin_IsRefused()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        var session = host.Client.Grains.GetGrain<ILoadSessionGrain>(LoadSessionKeys.NewKey(LoadingHost.GraphId));

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => session.WriteAsync(new LoadChunk(new byte[] { (byte)'\n' })));

        Assert.Equal("invalid_request", error.Code);
        Assert.Contains("it has not begun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_BeginTwice_AndCompleteTwice_AreRefused()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        var session = host.Client.Grains.GetGrain<ILoadSessionGrain>(LoadSessionKeys.NewKey(LoadingHost.GraphId));
        await session.BeginAsync(new LoadRequest("main", GraphLoadMode.Append));

        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => session.BeginAsync(new LoadRequest("main", GraphLoadMode.Append)));
        await session.WriteAsync(new LoadChunk("""{"type":"Person","data":{"name":"Ada"}}"""u8.ToArray()));
        var output = await session.CompleteAsync();
        var again = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => session.CompleteAsync());

        Assert.Equal(1, output.TotalEntities);
        Assert.Equal("invalid_request", again.Code);
        Assert.Equal(2, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task Session_AfterAFailure_RefusesEveryCall()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        var session = host.Client.Grains.GetGrain<ILoadSessionGrain>(LoadSessionKeys.NewKey(LoadingHost.GraphId));
        await session.BeginAsync(new LoadRequest("main", GraphLoadMode.Append));

        await ErrorAssert.ThrowsAsync<OmniGraph.Ingest.IngestException>(ErrorCodes.InvalidData, () => session.WriteAsync(new LoadChunk("{oops}\n"u8.ToArray())));
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => session.CompleteAsync());

        Assert.Equal("invalid_request", error.Code);
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task Session_Abort_PublishesNothingAndIsIdempotent()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        var session = host.Client.Grains.GetGrain<ILoadSessionGrain>(LoadSessionKeys.NewKey(LoadingHost.GraphId));
        await session.BeginAsync(new LoadRequest("main", GraphLoadMode.Overwrite));
        await session.WriteAsync(new LoadChunk(System.Text.Encoding.UTF8.GetBytes(AcceptanceFixtures.TestData)));

        await session.AbortAsync();
        await session.AbortAsync();

        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => session.CompleteAsync());
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task Cancellation_AbortsTheLoad()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        using var cancellation = new CancellationTokenSource();
        var stream = new CancellingStream(System.Text.Encoding.UTF8.GetBytes(AcceptanceFixtures.TestData), cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Client.LoadAsync(stream, GraphLoadMode.Overwrite, options: new GraphLoadOptions { ChunkBytes = 16 }, cancellationToken: cancellation.Token));

        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    /// <summary>A stream that cancels its caller's token after the first read.</summary>
    private sealed class CancellingStream(byte[] data, CancellationTokenSource cancellation) : MemoryStream(data, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (Position > 32)
            {
                await cancellation.CancelAsync();
            }

            return read;
        }
    }
}
