using System.Globalization;
using System.Text;

namespace OmniGraph.Execution.Tests.Equivalence;

/// <summary>
/// A small random graph over the schema <see cref="Schema"/>: node types N and M share one key alphabet (so ids collide
/// across types), E edges (N → N, with a nullable weight) include self-loops, parallel edges and cycles; F edges go
/// N → M. Edge ids are explicit so a reference evaluator knows them.
/// </summary>
internal sealed class TinyGraph
{
    public const string Schema = """
        node N { name: String @key  val: I32? }
        node M { name: String @key }
        edge E: N -> N { w: I32? }
        edge F: N -> M
        """;

    public static readonly string[] Alphabet = ["a", "b", "c", "d", "e", "f"];

    public List<(string Name, int? Val)> Ns { get; } = [];

    public List<string> Ms { get; } = [];

    /// <summary>E edges: id, src, dst, weight.</summary>
    public List<(string Id, string Src, string Dst, int? W)> Es { get; } = [];

    /// <summary>F edges: id, src, dst.</summary>
    public List<(string Id, string Src, string Dst)> Fs { get; } = [];

    public static TinyGraph Random(Random random)
    {
        var graph = new TinyGraph();
        foreach (var name in Alphabet)
        {
            if (random.NextDouble() < 0.8)
            {
                graph.Ns.Add((name, random.NextDouble() < 0.2 ? null : random.Next(0, 6)));
            }

            if (random.NextDouble() < 0.6)
            {
                graph.Ms.Add(name);
            }
        }

        if (graph.Ns.Count == 0)
        {
            graph.Ns.Add(("a", 1));
        }

        var edges = random.Next(0, 14);
        for (var i = 0; i < edges; i++)
        {
            var src = graph.Ns[random.Next(graph.Ns.Count)].Name;
            var dst = random.NextDouble() < 0.15 ? src : graph.Ns[random.Next(graph.Ns.Count)].Name;
            graph.Es.Add(($"e{i:D2}", src, dst, random.NextDouble() < 0.3 ? null : random.Next(0, 4)));
            if (random.NextDouble() < 0.15)
            {
                graph.Es.Add(($"e{i:D2}p", src, dst, random.Next(0, 4)));
            }
        }

        if (graph.Ms.Count > 0)
        {
            var works = random.Next(0, 8);
            for (var i = 0; i < works; i++)
            {
                graph.Fs.Add(($"f{i:D2}", graph.Ns[random.Next(graph.Ns.Count)].Name, graph.Ms[random.Next(graph.Ms.Count)]));
            }
        }

        return graph;
    }

    public string ToJsonl()
    {
        var text = new StringBuilder();
        foreach (var (name, val) in Ns)
        {
            text.Append("{\"type\":\"N\",\"data\":{\"name\":\"").Append(name).Append("\",\"val\":")
                .Append(val is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null").Append("}}\n");
        }

        foreach (var name in Ms)
        {
            text.Append("{\"type\":\"M\",\"data\":{\"name\":\"").Append(name).Append("\"}}\n");
        }

        foreach (var (id, src, dst, w) in Es)
        {
            text.Append("{\"edge\":\"E\",\"from\":\"").Append(src).Append("\",\"to\":\"").Append(dst).Append("\",\"data\":{\"id\":\"").Append(id)
                .Append("\",\"w\":").Append(w is { } value ? value.ToString(CultureInfo.InvariantCulture) : "null").Append("}}\n");
        }

        foreach (var (id, src, dst) in Fs)
        {
            text.Append("{\"edge\":\"F\",\"from\":\"").Append(src).Append("\",\"to\":\"").Append(dst).Append("\",\"data\":{\"id\":\"").Append(id).Append("\"}}\n");
        }

        return text.ToString();
    }
}
