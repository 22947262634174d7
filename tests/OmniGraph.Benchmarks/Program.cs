using BenchmarkDotNet.Running;

// Micro-benchmarks of the building blocks (grain calls, Arrow IPC, ...).
// Run: dotnet run -c Release --project tests/OmniGraph.Benchmarks -- --filter '*'
// The product workload benchmark is `omnigraph bench`, not this project.

// Quick check of the JSONL intake target on the shared workload: `-- ingest-check [DATA_DIR] [--reps N]`.
if (args is ["ingest-check", .. var checkArgs])
{
    return OmniGraph.Benchmarks.Ingest.IngestWorkloadCheck.Run(checkArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
