using BenchmarkDotNet.Running;

// Micro-benchmarks of the building blocks (grain calls, Arrow IPC, ...).
// Run: dotnet run -c Release --project tests/OmniGraph.Benchmarks -- --filter '*'
// The product workload benchmark is `omnigraph bench`, not this project.

// Quick check of the JSONL intake target on the shared workload: `-- ingest-check [DATA_DIR] [--reps N]`.
if (args is ["ingest-check", .. var checkArgs])
{
    return OmniGraph.Benchmarks.Ingest.IngestWorkloadCheck.Run(checkArgs);
}

// The mutation targets (Step 5): `-- mutation-check [DATA_DIR] [--ops N] [--large ROWS]`.
if (args is ["mutation-check", .. var mutationArgs])
{
    return await OmniGraph.Benchmarks.Mutations.MutationWorkloadCheck.RunAsync(mutationArgs);
}

// How write and read costs follow a table's history length: `-- history-check [--commits N] [--window W]`.
if (args is ["history-check", .. var historyArgs])
{
    return await OmniGraph.Benchmarks.History.HistoryWorkloadCheck.RunAsync(historyArgs);
}

// Concurrent writers on one graph, on their own (for a profiler): `-- writers-check [--rounds N] [--each N] [--writers N]`.
if (args is ["writers-check", .. var writersArgs])
{
    return await OmniGraph.Benchmarks.Writes.WritersWorkloadCheck.RunAsync(writersArgs);
}

// Request latencies of the Azure Blob object store against Azurite: `-- blob-check [--ops N] [--size BYTES]`.
if (args is ["blob-check", .. var blobArgs])
{
    return await OmniGraph.Benchmarks.Storage.BlobStoreLatencyCheck.RunAsync(blobArgs);
}

// Object-store requests per commit and per warm lookup, by kind, on Azurite next to local disk: `-- azure-check [DATA_DIR] [--rounds N]`.
if (args is ["azure-check", .. var azureArgs])
{
    return await OmniGraph.Benchmarks.Storage.AzureRequestCostCheck.RunAsync(azureArgs);
}

// The search targets (Step 11) on generated data: `-- search-check [--rows N] [--vector-rows N] [--dims D] [--queries Q] [--text-only|--vectors-only]`.
if (args is ["search-check", .. var searchArgs])
{
    return OmniGraph.Benchmarks.Search.SearchWorkloadCheck.Run(searchArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
