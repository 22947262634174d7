using System.Globalization;
using System.Text;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Benchmarks.Ingest;

/// <summary>
/// The shared benchmark workload's load file (<c>../shared/bench/gen.py</c>): read from a generated directory, or
/// synthesized here with the same schema and record shapes (same member order, spacing and value ranges) when no
/// directory is given, so the micro-benchmark runs without Python.
/// </summary>
internal sealed class IngestWorkload
{
    public const string Schema = BenchWorkloadFixtures.Schema;

    private static readonly string[] s_cities = ["Amsterdam", "Berlin", "Cairo", "Delhi", "Edinburgh", "Florence", "Geneva", "Hanoi", "Istanbul", "Jakarta", "Kyoto", "Lima", "Madrid", "Nairobi", "Oslo", "Porto"];
    private static readonly string[] s_industries = ["software", "finance", "health", "energy", "retail", "media", "transport", "education"];
    private static readonly string[] s_first = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Mo", "Ned", "Oz", "Pia"];

    private IngestWorkload(SchemaCatalog catalog, byte[] data, long expectedEntities, string source, string? dataPath = null)
    {
        Catalog = catalog;
        Data = data;
        ExpectedEntities = expectedEntities;
        Source = source;
        DataPath = dataPath;
    }

    public SchemaCatalog Catalog { get; }

    public byte[] Data { get; }

    /// <summary>Entities the file holds (from <c>params.json</c>, or counted while synthesizing).</summary>
    public long ExpectedEntities { get; }

    public string Source { get; }

    /// <summary>The file the data streams from, when it came from a directory (<see cref="Data"/> is then empty).</summary>
    public string? DataPath { get; }

    /// <summary>Size of the load file in bytes.</summary>
    public long InputBytes => DataPath is null ? Data.Length : new FileInfo(DataPath).Length;

    /// <summary>
    /// Opens a gen.py output directory: <c>schema.pg</c>, the counts in <c>params.json</c>, and <c>data.jsonl</c>, which
    /// is streamed from disk on every run rather than held in memory.
    /// </summary>
    public static IngestWorkload FromDirectory(string directory)
    {
        var catalog = SchemaCatalog.Compile(File.ReadAllText(Path.Combine(directory, "schema.pg")));
        using var parameters = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "params.json")));
        var root = parameters.RootElement;
        var entities = root.GetProperty("persons").GetInt64() + root.GetProperty("companies").GetInt64()
            + root.GetProperty("knows").GetInt64() + root.GetProperty("works_at").GetInt64();
        return new IngestWorkload(catalog, [], entities, directory, Path.Combine(directory, "data.jsonl"));
    }

    /// <summary>Synthesizes a load file of <paramref name="persons"/> persons (about 11 records per person) in gen.py's shapes.</summary>
    public static IngestWorkload Synthesize(int persons, int seed = 42)
    {
        var random = new Random(seed);
        var companies = Math.Max(10, persons / 100);
        var text = new StringBuilder(persons * 900);
        long entities = 0;
        for (var c = 0; c < companies; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $$$"""{"type": "Company", "data": {"cname": "c{{{c}}}", "industry": "{{{s_industries[c % s_industries.Length]}}}"}}""").Append('\n');
            entities++;
        }

        var epoch = new DateOnly(2010, 1, 1);
        for (var p = 0; p < persons; p++)
        {
            var joined = epoch.AddDays(random.Next(5000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var score = Math.Round(random.NextDouble() * 100.0, 3).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $$$"""{"type": "Person", "data": {"id_str": "p{{{p}}}", "name": "{{{s_first[p % s_first.Length]}}} {{{p}}}", "age": {{{18 + random.Next(60)}}}, "city": "{{{s_cities[random.Next(s_cities.Length)]}}}", "joined": "{{{joined}}}", "score": {{{score}}}}}""").Append('\n');
            entities++;
        }

        for (var p = 0; p < persons; p++)
        {
            // Pareto(2)-shaped out-degree averaging about ten, like gen.py's default.
            var degree = Math.Min(persons - 1, (int)(5.0 / Math.Sqrt(1.0 - random.NextDouble())));
            for (var k = 0; k < degree; k++)
            {
                var q = random.Next(persons);
                if (q == p)
                {
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $$$"""{"edge": "Knows", "from": "p{{{p}}}", "to": "p{{{q}}}", "data": {"since": {{{2000 + random.Next(25)}}}}}""").Append('\n');
                entities++;
            }
        }

        for (var p = 0; p < persons; p++)
        {
            if (random.NextDouble() < 0.8)
            {
                text.Append(CultureInfo.InvariantCulture, $$$"""{"edge": "WorksAt", "from": "p{{{p}}}", "to": "c{{{random.Next(companies)}}}"}""").Append('\n');
                entities++;
            }
        }

        return new IngestWorkload(SchemaCatalog.Compile(Schema), Encoding.UTF8.GetBytes(text.ToString()), entities, $"synthesized ({persons} persons)");
    }

    /// <summary>
    /// Feeds the file in <paramref name="chunkSize"/> pieces and hands every fragment to <paramref name="onFragment"/> as
    /// soon as it fills (a consumer that writes it out and drops it), then completes. <paramref name="parseParallelism"/>
    /// sets the intake's parse lanes (default: the intake's default).
    /// </summary>
    public IntakeResult Run(int chunkSize, Action<IntakeFragment> onFragment, Action? afterChunk = null, int? parseParallelism = null)
    {
        var options = new JsonlIntakeOptions();
        options.ParseParallelism = parseParallelism ?? options.ParseParallelism;
        var intake = new JsonlIntake(Catalog, LoadMode.Overwrite, options);
        if (DataPath is null)
        {
            var data = Data;
            for (var offset = 0; offset < data.Length; offset += chunkSize)
            {
                FeedChunk(intake, data.AsSpan(offset, Math.Min(chunkSize, data.Length - offset)), onFragment, afterChunk);
            }
        }
        else
        {
            using var file = new FileStream(DataPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            var buffer = new byte[chunkSize];
            int read;
            while ((read = file.Read(buffer)) > 0)
            {
                FeedChunk(intake, buffer.AsSpan(0, read), onFragment, afterChunk);
            }
        }

        var result = intake.Complete();
        while (intake.TryTakeFragment(out var fragment))
        {
            onFragment(fragment);
        }

        return result;
    }

    private static void FeedChunk(JsonlIntake intake, ReadOnlySpan<byte> chunk, Action<IntakeFragment> onFragment, Action? afterChunk)
    {
        intake.Feed(chunk);
        while (intake.TryTakeFragment(out var fragment))
        {
            onFragment(fragment);
        }

        afterChunk?.Invoke();
    }
}
