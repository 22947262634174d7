using System.Diagnostics;
using System.Globalization;
using OmniGraph.Arrow;
using OmniGraph.Search;

namespace OmniGraph.Benchmarks.Search;

/// <summary>
/// The search targets of Step 11 on generated data (<see cref="SearchBenchmarkData"/>): 1 M short documents and 1 M
/// 384-dim vectors, split into fragments as a load would write them.
/// <code>
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- search-check [--rows 1000000] [--vector-rows N] [--dims 384]
///     [--queries 50] [--scan-queries 3] [--fragment-rows 262144] [--ef N] [--build-threads N] [--latent 32] [--text-only | --vectors-only]
///     [--export DIR]   (the data, queries and our answers for a peer: see SearchPeerExport and kuzu-peer.js)
/// </code>
/// Reports index build time and memory per million rows, BM25 top-10 p50 next to a scan that analyzes every row for the
/// same query (their answers are compared), and nearest top-10 p50 of the HNSW index next to the exact SIMD scan with
/// recall@10. Targets: BM25 ≥ 20× the scan, ANN ≥ 20× exact at recall@10 ≥ 0.95. Exit code 1 when one is missed.
/// </summary>
public static class SearchWorkloadCheck
{
    private const double TargetSpeedup = 20;
    private const double TargetRecall = 0.95;
    private const int TopK = 10;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = IntOption(args, "--rows", 1_000_000);

        // The HNSW build is the slow part (minutes per million rows even on every core), so its size can be set apart
        // from the text side's.
        var vectorRows = IntOption(args, "--vector-rows", rows);
        var dimensions = IntOption(args, "--dims", 384);
        var queries = IntOption(args, "--queries", 50);
        var scanQueries = IntOption(args, "--scan-queries", 3);
        var fragmentRows = IntOption(args, "--fragment-rows", 262_144);
        var ef = IntOption(args, "--ef", new HnswOptions().EfSearch);
        var buildThreads = IntOption(args, "--build-threads", new HnswOptions().BuildParallelism);
        var latent = IntOption(args, "--latent", SearchBenchmarkData.DefaultLatentDimensions);
        var exportIndex = Array.IndexOf(args, "--export");
        var export = exportIndex >= 0 && exportIndex + 1 < args.Length ? args[exportIndex + 1] : null;
        Console.WriteLine($"search check: {rows:N0} text rows, {vectorRows:N0} vector rows, in fragments of {fragmentRows:N0}, {dimensions} dims (latent {latent}), {queries} queries, {Environment.ProcessorCount} cores");
        var data = new SearchBenchmarkData(dimensions, latent);
        var pass = true;
        if (!args.Contains("--vectors-only"))
        {
            pass &= CheckText(data, rows, fragmentRows, queries, scanQueries, export);
        }

        if (!args.Contains("--text-only"))
        {
            pass &= CheckVectors(data, vectorRows, fragmentRows, queries, new HnswOptions { EfSearch = ef, BuildParallelism = buildThreads }, export);
        }

        Console.WriteLine(pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }

    private static bool CheckText(SearchBenchmarkData data, int rows, int fragmentRows, int queries, int scanQueries, string? export)
    {
        var stopwatch = Stopwatch.StartNew();
        var columns = FragmentSizes(rows, fragmentRows).Select(data.Documents).ToArray();
        Console.WriteLine($"text: generated {rows:N0} documents in {stopwatch.Elapsed.TotalSeconds:F1} s ({columns.Sum(static c => (long)c.Data.Length) / 1e6:F0} MB of UTF-8)");
        var analyzer = TextAnalyzers.Default;
        var heapBefore = Heap();
        stopwatch.Restart();
        var fragments = columns.Select(column => FragmentTextIndex.Build(column, analyzer)).ToArray();
        var buildSeconds = stopwatch.Elapsed.TotalSeconds;
        var index = TextIndex.Create(analyzer, fragments);
        var retained = Heap() - heapBefore;
        var perMillion = 1e6 / rows;
        Console.WriteLine(
            $"text index: built in {buildSeconds:F1} s ({buildSeconds * perMillion:F1} s per M rows), {index.EstimatedBytes / 1e6:F1} MB " +
            $"({index.EstimatedBytes * perMillion / 1e6:F1} MB per M rows; heap delta {retained / 1e6:F1} MB), {fragments.Sum(static f => (long)f.TermCount):N0} dictionary entries, " +
            $"{index.LiveDocuments:N0} documents, average length {(double)index.LiveLength / index.LiveDocuments:F2}");

        var texts = Enumerable.Range(0, queries).Select(q => $"{data.Word(20 + (q * 37 % 2000))} {data.Word(100 + (q * 53 % 5000))}").ToArray();
        foreach (var text in texts.Take(5))
        {
            index.Bm25(text, TopK);
        }

        var indexTimes = texts.Select(text => Time(() => index.Bm25(text, TopK))).ToList();
        if (export is not null)
        {
            SearchPeerExport.WriteDocuments(export, columns);
            SearchPeerExport.WriteTextQueries(export, texts, text => index.Bm25(text, TopK), fragmentRows);
        }

        var scanTimes = new List<double>();
        foreach (var text in texts.Take(scanQueries))
        {
            IReadOnlyList<ScoredRow> scanned = [];
            scanTimes.Add(Time(() => scanned = ScanBm25(columns, analyzer, text, TopK)));
            var indexed = index.Bm25(text, TopK);
            if (!scanned.Select(static r => r.Row).SequenceEqual(indexed.Select(static r => r.Row)) ||
                scanned.Zip(indexed).Any(static pair => Math.Abs(pair.First.Score - pair.Second.Score) > 1e-9))
            {
                Console.WriteLine($"FAIL: the scan and the index disagree on '{text}'");
                return false;
            }
        }

        var indexP50 = Median(indexTimes);
        var scanP50 = Median(scanTimes);
        var speedup = scanP50 / indexP50;
        Console.WriteLine($"bm25 top-{TopK}: index p50 {indexP50:F3} ms (p90 {Percentile(indexTimes, 0.9):F3} ms), scan p50 {scanP50:F0} ms over {scanTimes.Count} queries, {speedup:F0}x (target >= {TargetSpeedup}x); answers equal");
        return speedup >= TargetSpeedup;
    }

    private static bool CheckVectors(SearchBenchmarkData data, int rows, int fragmentRows, int queries, HnswOptions hnsw, string? export)
    {
        var stopwatch = Stopwatch.StartNew();
        var columns = FragmentSizes(rows, fragmentRows).Select(data.Vectors).ToArray<ArrowColumn>();
        Console.WriteLine($"vectors: generated {rows:N0} x {data.Dimensions} in {stopwatch.Elapsed.TotalSeconds:F1} s ({(long)rows * data.Dimensions * 4 / 1e6:F0} MB of Float32)");
        var table = VectorTable.Create(data.Dimensions, VectorMetric.L2, columns);
        // The index is what is measured, whatever the size (the engine scans tables under 20,000 rows exactly).
        var options = new VectorSearchOptions { ExactThreshold = 0, Hnsw = hnsw };
        var search = new NearestSearch(table, options);
        var heapBefore = Heap();
        stopwatch.Restart();
        search.BuildIndexAsync().GetAwaiter().GetResult();
        var buildSeconds = stopwatch.Elapsed.TotalSeconds;
        var graph = search.Index!;
        var retained = Heap() - heapBefore;
        var perMillion = 1e6 / rows;
        Console.WriteLine(
            $"hnsw (M {graph.Options.M}, ef_construction {graph.Options.EfConstruction}, ef_search {hnsw.EfSearch}, {hnsw.BuildParallelism} build threads): built in {buildSeconds:F1} s ({buildSeconds * perMillion:F1} s per M rows), " +
            $"{graph.EstimatedBytes / 1e6:F1} MB ({graph.EstimatedBytes * perMillion / 1e6:F1} MB per M rows; heap delta {retained / 1e6:F1} MB), vectors read in place");

        var probes = new float[queries][];
        for (var q = 0; q < queries; q++)
        {
            probes[q] = new float[data.Dimensions];
            data.NextVector(probes[q]);
        }

        if (export is not null)
        {
            SearchPeerExport.WriteVectors(export, columns, data.Dimensions);
            SearchPeerExport.WriteVectorQueries(export, probes, probe => table.ExactNearest(probe, TopK), fragmentRows);
        }

        var exactTimes = new List<double>();
        var annTimes = new List<double>();
        double recall = 0;
        foreach (var probe in probes)
        {
            IReadOnlyList<ScoredRow> exact = [];
            NearestResult approximate = null!;
            exactTimes.Add(Time(() => exact = table.ExactNearest(probe, TopK)));
            annTimes.Add(Time(() => approximate = search.Nearest(probe, TopK)));
            if (approximate.Strategy != NearestStrategy.Approximate)
            {
                Console.WriteLine($"FAIL: the search used {approximate.Strategy}, not the index");
                return false;
            }

            recall += Recall(exact, approximate.Rows);
        }

        recall /= queries;
        var exactP50 = Median(exactTimes);
        var annP50 = Median(annTimes);
        var speedup = exactP50 / annP50;
        Console.WriteLine($"nearest top-{TopK}: hnsw p50 {annP50:F3} ms (p90 {Percentile(annTimes, 0.9):F3} ms), exact p50 {exactP50:F1} ms, {speedup:F0}x (target >= {TargetSpeedup}x), recall@{TopK} {recall:F3} (target >= {TargetRecall})");
        var extended = CheckAppend(data, columns, options, graph, probes, buildSeconds);
        return speedup >= TargetSpeedup && recall >= TargetRecall && extended;
    }

    /// <summary>
    /// The next version appends a fragment of a tenth of the rows: searched at once with the previous graph plus an
    /// exact scan of the new fragment, then the graph is extended (cost of the new rows only, next to the full build).
    /// </summary>
    private static bool CheckAppend(SearchBenchmarkData data, ArrowColumn[] columns, VectorSearchOptions options, HnswIndex previous, float[][] probes, double buildSeconds)
    {
        var appendedRows = Math.Max(1, previous.NodeCount / 10);
        var next = VectorTable.Create(data.Dimensions, VectorMetric.L2, [.. columns, data.Vectors(appendedRows)]);
        var search = new NearestSearch(next, options, previous);
        var partialRecall = probes.Average(probe => Recall(next.ExactNearest(probe, TopK), search.Nearest(probe, TopK).Rows));
        var stopwatch = Stopwatch.StartNew();
        search.BuildIndexAsync().GetAwaiter().GetResult();
        var extendSeconds = stopwatch.Elapsed.TotalSeconds;
        var extendedRecall = probes.Average(probe => Recall(next.ExactNearest(probe, TopK), search.Nearest(probe, TopK).Rows));
        Console.WriteLine(
            $"append {appendedRows:N0} rows: recall@{TopK} {partialRecall:F3} at once (graph + exact tail), graph extended in {extendSeconds:F1} s " +
            $"(full build {buildSeconds:F1} s), recall@{TopK} {extendedRecall:F3} after");
        return search.IndexComplete && partialRecall >= TargetRecall && extendedRecall >= TargetRecall;
    }

    private static double Recall(IReadOnlyList<ScoredRow> exact, IReadOnlyList<ScoredRow> approximate) =>
        exact.Select(static r => r.Row).Intersect(approximate.Select(static r => r.Row)).Count() / (double)exact.Count;

    /// <summary>BM25 without an index: analyze every row for the query's terms, gather the statistics, score the matches.</summary>
    private static ScoredRow[] ScanBm25(Utf8Column[] columns, TextAnalyzer analyzer, string query, int limit)
    {
        var terms = analyzer.Analyze(query).Select(static t => t.Term).Distinct(StringComparer.Ordinal).ToArray();
        var counter = new TermCounter(terms);
        var matches = new List<(RowLocation Row, int Length, int[] Frequencies)>();
        var documentFrequencies = new long[terms.Length];
        long documents = 0;
        long totalLength = 0;
        for (var f = 0; f < columns.Length; f++)
        {
            for (var row = 0; row < columns[f].Length; row++)
            {
                counter.Reset();
                analyzer.AnalyzeUtf8(columns[f].GetBytes(row), counter);
                documents += counter.Length > 0 ? 1 : 0;
                totalLength += counter.Length;
                if (counter.Frequencies.Any(static n => n > 0))
                {
                    matches.Add((new RowLocation(f, row), counter.Length, [.. counter.Frequencies]));
                    for (var t = 0; t < terms.Length; t++)
                    {
                        documentFrequencies[t] += counter.Frequencies[t] > 0 ? 1 : 0;
                    }
                }
            }
        }

        var parameters = Bm25Parameters.Default;
        var averageLength = (double)totalLength / documents;
        var idf = documentFrequencies.Select(df => Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)))).ToArray();
        return [.. matches
            .Select(match =>
            {
                var norm = parameters.K1 * (1 - parameters.B + (parameters.B * match.Length / averageLength));
                var score = 0.0;
                for (var t = 0; t < terms.Length; t++)
                {
                    var tf = (double)match.Frequencies[t];
                    score += tf > 0 ? idf[t] * tf * (parameters.K1 + 1) / (tf + norm) : 0;
                }

                return new ScoredRow(match.Row, score);
            })
            .OrderByDescending(static r => r.Score).ThenBy(static r => r.Row)
            .Take(limit)];
    }

    private static IEnumerable<int> FragmentSizes(int rows, int fragmentRows)
    {
        for (var start = 0; start < rows; start += fragmentRows)
        {
            yield return Math.Min(fragmentRows, rows - start);
        }
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Counts a row's terms and the occurrences of the query's terms.</summary>
    private sealed class TermCounter(string[] terms) : ITokenSink
    {
        public int[] Frequencies { get; } = new int[terms.Length];

        public int Length { get; private set; }

        public void Reset()
        {
            Array.Clear(Frequencies);
            Length = 0;
        }

        public void OnToken(ReadOnlySpan<char> term, int position)
        {
            Length++;
            for (var t = 0; t < terms.Length; t++)
            {
                if (term.SequenceEqual(terms[t]))
                {
                    Frequencies[t]++;
                }
            }
        }
    }
}
