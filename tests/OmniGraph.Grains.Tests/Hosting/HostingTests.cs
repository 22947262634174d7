using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;
using OmniGraph.Testing.IO;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace OmniGraph.Grains.Tests.Hosting;

/// <summary>Silo registration, options validation, self-contained graph directories and the embedded host.</summary>
public sealed class HostingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("bad/id", "graph 'bad/id'")]
    [InlineData("", "must not be empty")]
    public async Task InvalidOptions_FailSiloStart(string graphId, string message)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddOmniGraph(o =>
        {
            o.Graphs[graphId] = "/tmp/x";
            o.MaxFragmentRows = 0;
        }));
        var cluster = builder.Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());
        Assert.Contains(message, error.ToString());
        Assert.Contains(nameof(OmniGraphOptions.MaxFragmentRows), error.ToString());
    }

    [Fact]
    public void Validator_ReportsEveryProblem()
    {
        var options = new OmniGraphOptions { MaxWriteAttempts = 0, StaleSidecarAge = TimeSpan.FromSeconds(-1) };
        options.Graphs["ok"] = "weird://x";
        options.RegistryLocation = "weird://registry";
        var result = new OmniGraphOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.True(new OmniGraphOptionsValidator().Validate(null, new OmniGraphOptions().AddGraph("g", "/tmp/g")).Succeeded);
    }

    public static TheoryData<string, string> BrokenRanges() => new()
    {
        { nameof(OmniGraphOptions.MaxFragmentRows), "MaxFragmentRows: The field OmniGraphOptions.MaxFragmentRows must be between 1 and 2147483647." },
        { nameof(OmniGraphOptions.VersionCacheSize), "VersionCacheSize: The field OmniGraphOptions.VersionCacheSize must be between 0 and 2147483647." },
        { nameof(OmniGraphOptions.MaxStagedTransactions), "MaxStagedTransactions: The field OmniGraphOptions.MaxStagedTransactions must be between 1 and 2147483647." },
        { nameof(OmniGraphOptions.MaxWriteAttempts), "MaxWriteAttempts: The field OmniGraphOptions.MaxWriteAttempts must be between 1 and 2147483647." },
        { nameof(OmniGraphOptions.HeadHintInterval), "HeadHintInterval: The field OmniGraphOptions.HeadHintInterval must be between 1 and 2147483647." },
        { nameof(OmniGraphOptions.MaxRowsPerTableWrite), "MaxRowsPerTableWrite: The field OmniGraphOptions.MaxRowsPerTableWrite must be between 0 and 9223372036854775807." },
        { nameof(OmniGraphOptions.StaleSidecarAge), "StaleSidecarAge: The field OmniGraphOptions.StaleSidecarAge must be between 00:00:00 and 10675199.02:48:05.4775807." },
        { nameof(OmniGraphOptions.PromotionRevertWindow), "PromotionRevertWindow: The field OmniGraphOptions.PromotionRevertWindow must be between 00:00:00 exclusive and 10675199.02:48:05.4775807." },
    };

    /// <summary>Each plain range (a generated check) reports its member and bounds, once, next to the hand-written rules.</summary>
    [Theory]
    [MemberData(nameof(BrokenRanges))]
    public void Validator_NamesEachBrokenRange_WithItsBounds(string member, string message)
    {
        var options = new OmniGraphOptions().AddGraph("g", "/tmp/g");
        typeof(OmniGraphOptions).GetProperty(member)!.SetValue(options, member switch
        {
            nameof(OmniGraphOptions.MaxRowsPerTableWrite) => -1L,
            nameof(OmniGraphOptions.StaleSidecarAge) => TimeSpan.FromTicks(-1),
            nameof(OmniGraphOptions.PromotionRevertWindow) => TimeSpan.Zero,
            nameof(OmniGraphOptions.VersionCacheSize) => -1,
            _ => (object)0,
        });

        var result = new OmniGraphOptionsValidator().Validate(null, options);

        Assert.Equal([message], result.Failures!);
        options.RegistryLocation = "weird://registry";
        Assert.Equal(2, new OmniGraphOptionsValidator().Validate(null, options).Failures!.Count());
    }

    [Theory]
    [InlineData(-1, 16, 100, 64, "exact-search threshold cannot be negative")]
    [InlineData(20_000, 1, 100, 64, "HNSW M must be between 2 and 64, got 1")]
    [InlineData(20_000, 16, 8, 64, "HNSW ef_construction must be between M (16) and 10,000, got 8")]
    [InlineData(20_000, 16, 100, 0, "HNSW ef_search must be between 1 and 10,000, got 0")]
    public void Validator_RefusesVectorSearchSettingsOutOfRange(int exactThreshold, int m, int efConstruction, int efSearch, string fragment)
    {
        var options = new OmniGraphOptions();
        options.VectorSearch.ExactThreshold = exactThreshold;
        options.VectorSearch.Hnsw.M = m;
        options.VectorSearch.Hnsw.EfConstruction = efConstruction;
        options.VectorSearch.Hnsw.EfSearch = efSearch;
        var result = new OmniGraphOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("VectorSearch: ", failure, StringComparison.Ordinal);
        Assert.Contains(fragment, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownGraph_IsATypedError()
    {
        await using var host = await GraphHost.StartAsync(new MemoryObjectStore());
        var client = host.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGraphClientFactory>().GetClient("other");
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.GraphNotFound, () => client.GetSnapshotAsync());
        Assert.Equal("graph_not_found", error.Code);
    }

    [Fact]
    public async Task GrainState_LivesInTheGraphsOwnStore_SoADirectoryIsSelfContained()
    {
        using var original = new TempDirectory();
        await using (var graph = await OmniGraphEmbedded.InitAsync(original.Path, TestSchemas.Social))
        {
            await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice"))]));
        }

        var store = new LocalDirectoryObjectStore(original.Path);
        var state = await store.ListAsync("state/");
        Assert.Contains(state.Objects, static o => o.Key == "state/head-tablebranch/node:Person@main.json");

        // A copy opened under another graph id is the same graph, heads included.
        using var copy = new TempDirectory();
        StoreFiles.CopyTree(original.Path, copy.Path);

        await using var reopened = await OmniGraphEmbedded.OpenAsync(copy.Path, o => o.GraphId = "copy");
        var snapshot = await reopened.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
        Assert.True(snapshot.GetTable("node:Person").SameVersionAs(await reopened.Client.GetTableProtocol("node:Person").GetHeadAsync(refresh: true)));
        await reopened.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons("Bob"))]));
        Assert.Equal(2, (await reopened.Client.GetSnapshotAsync()).Datasets.Single(static d => d.TypeName == "Person").EntityCount);
    }

    [Fact]
    public async Task Embedded_InitOpenAndRefusals()
    {
        using var directory = new TempDirectory();
        var root = Path.Combine(directory.Path, "graph");
        await ErrorAssert.ThrowsAsync(ErrorCodes.GraphNotInitialized, () => OmniGraphEmbedded.OpenAsync(root));
        Assert.False(Directory.Exists(root));

        CommitOutput genesis;
        await using (var created = await OmniGraphEmbedded.InitAsync(root, TestSchemas.Social))
        {
            genesis = (await created.Client.ListCommitsAsync()).Commits.Single();
            Assert.Equal(new Uri(root).AbsoluteUri.TrimEnd('/'), created.Location.TrimEnd('/'));
        }

        await ErrorAssert.ThrowsAsync(ErrorCodes.AlreadyInitialized, () => OmniGraphEmbedded.InitAsync(root, TestSchemas.Social));

        await using var opened = await OmniGraphEmbedded.OpenAsync($"file://{root}");
        Assert.Equal(genesis, await opened.Client.GetCommitAsync(genesis.GraphCommitId));
        Assert.Equal(TestSchemas.Social, (await opened.Client.GetSchemaAsync()).SchemaSource);
        Assert.Equal(["main"], (await opened.Client.ListBranchesAsync()).Select(static b => b.Name));
        await Assert.ThrowsAsync<InvalidObjectStoreUriException>(() => OmniGraphEmbedded.OpenAsync("weird://x"));
    }

    /// <summary>
    /// What opening costs the engine (start-up time is the benchmark's to measure): opening a graph and resolving its
    /// head takes the same object-store requests after 100 commits as after none, and a handful of them.
    /// </summary>
    [Fact]
    public async Task Embedded_OpenAndFirstSnapshot_CostTheSameFewRequests_WhateverTheHistory()
    {
        using var directory = new TempDirectory();
        // One commit first: opening verifies each written table's version once (a table at version 0 has no object to
        // read), so one commit and a hundred must cost the same; none would cost one read less.
        await using (var graph = await OmniGraphEmbedded.InitAsync(directory.Path, TestSchemas.Social))
        {
            await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("c0"))]));
        }

        var fresh = await OpenCostAsync(directory.Path);

        await using (var graph = await OmniGraphEmbedded.OpenAsync(directory.Path))
        {
            for (var i = 1; i <= 100; i++)
            {
                await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies($"c{i}"))]));
            }
        }

        var deep = await OpenCostAsync(directory.Path);
        output.WriteLine($"open + snapshot: {fresh}");
        Assert.Equal(fresh, deep);
        Assert.InRange(fresh.Total, 1, 16);
        Assert.Equal(0, fresh.Writes + fresh.Deletes + fresh.ConditionalDeletes);
    }

    private static async Task<ObjectStoreRequestCounts> OpenCostAsync(string path)
    {
        var store = new CountingObjectStore(new LocalDirectoryObjectStore(path));
        var stores = new SiloStores("embedded", new Dictionary<string, IObjectStore> { [Path.GetFullPath(path)] = store, [path] = store });
        await using var graph = await OmniGraphEmbedded.OpenAsync(path, o => o.ConfigureSilo = silo => silo.Services.AddSingleton<IObjectStoreFactory>(stores));
        await graph.Client.GetSnapshotAsync();
        return store.Snapshot();
    }
}
