using System.Diagnostics;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// Our own full-text keys on the workload's <c>Person.name</c> ("First N"): <c>text_index_ms</c> (the first search of the
/// table version, which builds its text index, once), <c>text_search_p50_ms</c> (<c>search($p.name, "N")</c> per
/// <c>lookup_ids</c> person: exactly that person), <c>text_scan_p50_ms</c> (the same rows found by a substring scan,
/// <c>$p.name contains " N"</c>, which may also match longer numbers: the cost of answering without the index) and
/// <c>bm25_top10_p50_ms</c> (<c>bm25($p.name, "First N")</c> top 10: the person first, then namesakes by id).
/// </summary>
internal sealed class SearchBenchStep : IBenchStep
{
    public string Name => "full-text search";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ids = context.Parameters.LookupIds;
        var names = new List<string>(ids.Length);
        foreach (var id in ids)
        {
            var person = await BenchQueries.RunAsync(context, "lookup", BenchQueries.IdParameters(id), cancellationToken);
            names.Add(((OmniGraph.Arrow.Utf8Column)person.Rows.Column(0)).GetString(0));
        }

        var start = Stopwatch.GetTimestamp();
        await BenchQueries.RunAsync(context, "text_search", Term(Number(ids[0])), cancellationToken);
        context.Results["text_index_ms"] = BenchContext.ElapsedMilliseconds(start);

        context.Results["text_search_p50_ms"] = await BenchQueries.MedianOverAsync(
            context, "text_search", [.. ids.Select(id => Term(Number(id)))], static result =>
            {
                if (result.RowCount != 1)
                {
                    throw CliErrors.BenchData($"text_search returned {result.RowCount} rows, expected 1");
                }

            }, cancellationToken);
        context.Results["text_scan_p50_ms"] = await BenchQueries.MedianOverAsync(
            context, "text_scan", [.. ids.Select(id => Term(" " + Number(id)))], static result =>
            {
                if (result.RowCount < 1)
                {
                    throw CliErrors.BenchData("text_scan found no row");
                }
            }, cancellationToken);

        var queries = names.Select(static name => JsonSerializer.Serialize(new Dictionary<string, string> { ["q"] = name })).ToArray();
        var next = 0;
        context.Results["bm25_top10_p50_ms"] = await BenchQueries.MedianOverAsync(context, "bm25_top10", queries, result =>
        {
            var id = ids[next++ % ids.Length];
            if (result.RowCount == 0 || ((OmniGraph.Arrow.Utf8Column)result.Rows.Column(0)).GetString(0) != id)
            {
                throw CliErrors.BenchData($"bm25_top10 did not rank {id} first");
            }
        }, cancellationToken);
    }

    private static string Number(string id) => id[1..];

    private static string Term(string term) => JsonSerializer.Serialize(new Dictionary<string, string> { ["term"] = term });
}
