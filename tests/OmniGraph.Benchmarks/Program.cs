using BenchmarkDotNet.Running;

// Micro-benchmarks of the building blocks (grain calls, Arrow IPC, ...).
// Run: dotnet run -c Release --project tests/OmniGraph.Benchmarks -- --filter '*'
// The product workload benchmark is `omnigraph bench`, not this project.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
