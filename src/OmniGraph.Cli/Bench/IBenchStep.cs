namespace OmniGraph.Cli.Bench;

/// <summary>
/// One measured operation of the shared benchmark workload (<c>/work/shared/bench/README.md</c>). Steps run in
/// <see cref="BenchStepCatalog"/> order on one graph; each adds its keys (timings, and the answers other systems must
/// agree on) to the result line. Adding an operation is a new file plus one line in the catalog.
/// </summary>
internal interface IBenchStep
{
    /// <summary>What the step measures (for progress lines on standard error).</summary>
    string Name { get; }

    /// <summary>Runs and measures the step, adding its keys to <see cref="BenchContext.Results"/>.</summary>
    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
