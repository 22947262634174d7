using System.Runtime.ExceptionServices;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// One round of durable work: independent store operations started together (the local store runs each on its own I/O
/// thread), so their flushes overlap and the round costs about one flush however many operations it holds. Waits for
/// every operation before reporting a failure, so the caller never acts on a round that is still partly running.
/// </summary>
internal static class DurableRound
{
    /// <summary>Runs <paramref name="operations"/> at once and waits for all; rethrows the first failure (in argument order).</summary>
    public static async Task RunAsync(params Func<Task>[] operations)
    {
        if (operations.Length == 1)
        {
            await operations[0]();
            return;
        }

        var tasks = new Task[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            tasks[i] = operations[i]();
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            foreach (var task in tasks)
            {
                if (task.IsFaulted)
                {
                    ExceptionDispatchInfo.Throw(task.Exception!.InnerException!);
                }
            }

            throw;
        }
    }
}
