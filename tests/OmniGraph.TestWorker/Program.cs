using OmniGraph.TestWorker;

// A child process for multi-process tests: `dotnet OmniGraph.TestWorker.dll <verb> --option value ...`.
// Each verb writes one JSON result line to stdout and exits 0, or writes the failure to stderr and exits non-zero.
return await WorkerHost.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
