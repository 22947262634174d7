namespace OmniGraph.TestWorker;

/// <summary>One thing the worker process can be asked to do.</summary>
public interface IWorkerVerb
{
    /// <summary>The first command-line argument that selects this verb.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the verb; writes its result as one JSON line to <paramref name="output"/>; returns the exit code.</summary>
    Task<int> RunAsync(WorkerArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
