using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.Equivalence;

/// <summary>
/// Random small graphs (ids colliding across types, self-loops, parallel edges, cycles) and random traversal queries:
/// the engine's rows must equal the naive reference evaluation of the spec's semantics, in order when the query orders.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class RandomTraversalEquivalenceTests(QueryCluster cluster)
{
    private const int Graphs = 150;
    private const int QueriesPerGraph = 12;

    [Fact]
    public async Task RandomQueries_MatchTheReferenceEvaluator()
    {
        var failures = new List<string>();
        var checkedQueries = 0;
        for (var seed = 1; seed <= Graphs; seed++)
        {
            var random = new Random(seed);
            var graph = TinyGraph.Random(random);
            var target = await cluster.NewGraphAsync(TinyGraph.Schema, graph.ToJsonl());
            var generator = new RandomQueryGenerator(random);
            for (var i = 0; i < QueriesPerGraph; i++)
            {
                var query = generator.Next();
                var text = query.Text();
                var expected = new ReferenceEvaluator(graph, query).Evaluate();
                List<string> actual;
                try
                {
                    var result = await target.QueryAsync(text);
                    actual = query.Order is null ? [.. result.Lines().Order(StringComparer.Ordinal)] : result.Lines();
                }
                catch (Exception exception)
                {
                    failures.Add($"seed {seed} query {i}: {exception.GetType().Name}: {exception.Message}\n{text}");
                    continue;
                }

                checkedQueries++;
                if (!expected.SequenceEqual(actual))
                {
                    failures.Add($"seed {seed} query {i}:\n{text}expected [{string.Join("; ", expected)}]\nactual   [{string.Join("; ", actual)}]\ngraph:\n{graph.ToJsonl()}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Graphs * QueriesPerGraph} queries differ:\n\n{string.Join("\n\n", failures.Take(5))}");
        Assert.Equal(Graphs * QueriesPerGraph, checkedQueries);
    }
}
