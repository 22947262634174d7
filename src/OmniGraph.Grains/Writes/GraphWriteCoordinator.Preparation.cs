using OmniGraph.Grains.Hosting;

namespace OmniGraph.Grains.Writes;

/// <summary>The request's checks and the staging of its tables (one grain call per table), shared by every writer.</summary>
public sealed partial class GraphWriteCoordinator
{
    /// <summary>Checks the request's shape and orders its tables by key.</summary>
    private static TableWrite[] CheckRequest(GraphWriteRequest request)
    {
        if (string.IsNullOrEmpty(request.Branch))
        {
            throw EngineErrors.InvalidWrite("graph", "the write names no branch");
        }

        var writes = request.Tables.IsDefault ? [] : request.Tables.ToArray();
        foreach (var write in writes)
        {
            if (write is null || string.IsNullOrEmpty(write.Table))
            {
                throw EngineErrors.InvalidWrite("graph", "a table write names no table");
            }

            if (!Enum.IsDefined(write.Mode))
            {
                throw EngineErrors.InvalidWrite(write.Table, $"unknown write mode {(int)write.Mode}");
            }

            if (write.Mode == TableWriteMode.Overwrite && write.DeleteIds is { Count: > 0 })
            {
                throw EngineErrors.InvalidWrite(write.Table, "an overwrite replaces the table; it takes no ids to delete");
            }

            if (!write.Batches.IsDefault && write.Batches.Any(static b => b is null))
            {
                throw EngineErrors.InvalidWrite(write.Table, "a batch is null");
            }
        }

        Array.Sort(writes, static (a, b) => string.CompareOrdinal(a.Table, b.Table));
        for (var i = 1; i < writes.Length; i++)
        {
            if (string.Equals(writes[i - 1].Table, writes[i].Table, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(writes[i].Table, "the write names the table twice");
            }
        }

        return writes;
    }

    /// <summary>Refuses, before anything is staged, a write that adds more rows to a table than <see cref="OmniGraphOptions.MaxRowsPerTableWrite"/>.</summary>
    private void CheckLimits(TableWrite[] writes)
    {
        var limit = _options.MaxRowsPerTableWrite;
        if (limit <= 0)
        {
            return;
        }

        foreach (var write in writes)
        {
            long rows = 0;
            foreach (var fragment in write.StagedFragments.IsDefault ? [] : write.StagedFragments)
            {
                rows += fragment.Rows;
            }

            foreach (var batch in write.Batches.IsDefault ? [] : write.Batches)
            {
                rows += batch.Length;
            }

            if (rows > limit)
            {
                throw EngineErrors.ResourceLimitExceeded($"rows written to {write.Table}", limit, rows);
            }
        }
    }

    /// <summary>
    /// Stages every table at once (<paramref name="writes"/> in table-key order); if any fails, the others are aborted and
    /// the first failure in table order is reported. With <paramref name="violations"/>, tables refused for a key or
    /// <c>@unique</c> conflict are recorded there instead (every one) and nothing staged is returned.
    /// </summary>
    internal async Task<SortedDictionary<string, StagedTableVersion>> PrepareAllAsync(string graphId, string tx, GraphSnapshot snapshot, TableWrite[] writes, CancellationToken cancellationToken, WriteViolations? violations = null)
    {
        var bases = new TableVersionRef[writes.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            bases[i] = snapshot.GetTable(writes[i].Table);
        }

        var tasks = new Task<StagedTableVersion>[writes.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            var write = writes[i];
            var baseVersion = bases[i];
            tasks[i] = TableGrain(graphId, write.Table, snapshot.Branch).PrepareVersionAsync(tx, baseVersion, DeltaOf(write, snapshot), cancellationToken);
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            await AbortAllAsync(graphId, tx, snapshot.Branch, writes.Select(static w => w.Table));
            if (violations is not null && RecordConflicts(writes, tasks, violations))
            {
                return new SortedDictionary<string, StagedTableVersion>(StringComparer.Ordinal);
            }

            foreach (var task in tasks)
            {
                if (task.IsFaulted)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(task.Exception!.InnerException!);
                }
            }

            throw;
        }

        var staged = new SortedDictionary<string, StagedTableVersion>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Length; i++)
        {
            staged[writes[i].Table] = tasks[i].Result;
        }

        return staged;
    }

    /// <summary>Records every table refused for a key or <c>@unique</c> conflict; <c>false</c> when a table failed otherwise.</summary>
    private static bool RecordConflicts(TableWrite[] writes, Task<StagedTableVersion>[] tasks, WriteViolations violations)
    {
        var failures = new List<(string Table, OmniGraphException Error)>();
        for (var i = 0; i < tasks.Length; i++)
        {
            if (!tasks[i].IsFaulted)
            {
                continue;
            }

            if (OmniGraphErrors.Unwrap(tasks[i].Exception!.InnerException!) is not OmniGraphException { Code: ErrorCodes.UniqueViolation or ErrorCodes.KeyConflict } conflict)
            {
                return false;
            }

            failures.Add((writes[i].Table, conflict));
        }

        foreach (var (table, error) in failures)
        {
            violations.Add(table, error);
        }

        return failures.Count > 0;
    }

    /// <summary>Tells table grains to forget a failed attempt's staging (best effort: it only frees memory).</summary>
    internal async Task AbortAllAsync(string graphId, string tx, string branch, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            try
            {
                await TableGrain(graphId, table, branch).AbortAsync(tx);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                LogAbortFailed(graphId, table, tx, exception);
            }
        }
    }
}
