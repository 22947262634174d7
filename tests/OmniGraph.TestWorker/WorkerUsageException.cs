namespace OmniGraph.TestWorker;

/// <summary>A command line the worker cannot run.</summary>
public sealed class WorkerUsageException(string message) : Exception(message);
