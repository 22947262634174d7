using System.Globalization;
using System.Text.Json;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Processes;
using OmniGraph.TestWorker.Verbs;

namespace OmniGraph.Security.Tests.Audit;

/// <summary>Separate processes appending to one graph's audit log on a local directory: no entry lost, none forked.</summary>
public sealed class AuditMultiProcessTests : IDisposable
{
    private const int Workers = 3;
    private const int Each = 40;
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Processes_AppendingTogether_LoseAndForkNothing()
    {
        var root = _directory.Combine("graph");
        var startFile = _directory.Combine("go");
        var workers = Enumerable.Range(0, Workers)
            .Select(i => TestWorkerProcess.Start("audit-append", new Dictionary<string, string>
            {
                ["store"] = "file://" + root,
                ["worker"] = $"p{i}",
                ["count"] = Each.ToString(CultureInfo.InvariantCulture),
                ["start-file"] = startFile,
            }))
            .ToList();
        List<AuditAppendVerb.AuditAppendResult> results;
        try
        {
            await File.WriteAllTextAsync(startFile, "go");
            var outcomes = await Task.WhenAll(workers.Select(static w => w.WaitAsync(TimeSpan.FromSeconds(120))));
            Assert.True(outcomes.All(static o => o.ExitCode == 0), string.Join("\n", outcomes.Select(static o => $"exit {o.ExitCode}: {o.StandardError.Trim()}")));
            results = outcomes.Select(static o => JsonSerializer.Deserialize<AuditAppendVerb.AuditAppendResult>(o.StandardOutput.Trim(), StoreRaceResult.JsonOptions)!).ToList();
        }
        finally
        {
            workers.ForEach(static w => w.Dispose());
        }

        var store = new LocalDirectoryObjectStore(root);
        var entries = await new AuditLog(store).ReadAllAsync().ToListAsync();
        Assert.Equal(Workers * Each, entries.Count);
        Assert.Equal(Enumerable.Range(1, Workers * Each).Select(static i => (long)i), results.SelectMany(static r => r.Seqs).Order());
        foreach (var result in results)
        {
            // Each worker's entries are its own records, in the order it appended them.
            var mine = entries.Where(e => e.Actor == result.Worker).ToList();
            Assert.Equal(result.Seqs, mine.Select(static e => e.Seq));
            Assert.Equal(Enumerable.Range(0, Each).Select(i => $"{result.Worker}-{i}"), mine.Select(static e => e.Commit));
        }

        var verification = await AuditVerifier.VerifyAsync(store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
    }

    public void Dispose() => _directory.Dispose();
}
