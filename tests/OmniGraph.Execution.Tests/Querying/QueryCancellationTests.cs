using System.Globalization;
using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.Querying;

/// <summary>
/// A query's cancellation token reaches the grains and their loops: a multi-hop traversal that would run for seconds
/// stops with <see cref="OperationCanceledException"/> when its token is cancelled part way, and the grains answer the
/// next query normally afterwards.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class QueryCancellationTests(QueryCluster cluster)
{
    private const string Schema = """
        node Person { name: String @key }
        edge Knows: Person -> Person
        """;

    private const string Reach = "query reach() { match { $p: Person  $p knows{1,6} $f } return { count($f) as n } }";

    private const string Count = "query n() { match { $p: Person } return { count($p) as n } }";

    [Fact]
    public async Task Traversal_CancelledPartWay_StopsAndLeavesTheGrainsServing()
    {
        // 12,000 people with 12 edges each, scattered by a multiplicative hash so that six hops reach nearly everyone:
        // the whole count visits about 12,000 × 144,000 edges (many seconds even on a fast, idle machine); the token is
        // cancelled long before that. (Edges to i + 97·e would reach only 72 people per source and finish in milliseconds.)
        const int people = 12_000;
        var graph = await cluster.NewGraphAsync(Schema, Generate(people, edgesEach: 12));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => graph.Client.QueryAsync(Reach, cancellationToken: cancellation.Token));

        Assert.Equal([people.ToString(CultureInfo.InvariantCulture)], (await graph.QueryAsync(Count)).Lines());
    }

    [Fact]
    public async Task Query_WithACancelledToken_DoesNotRun()
    {
        var graph = await cluster.NewGraphAsync(Schema, Generate(10, edgesEach: 1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => graph.Client.QueryAsync(Count, cancellationToken: new CancellationToken(canceled: true)));
    }

    private static string Generate(int people, int edgesEach)
    {
        var text = new StringBuilder();
        for (var i = 0; i < people; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"Person\",\"data\":{{\"name\":\"p{i}\"}}}}\n");
        }

        for (var i = 0; i < people; i++)
        {
            for (var e = 1; e <= edgesEach; e++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{\"edge\":\"Knows\",\"from\":\"p{i}\",\"to\":\"p{Scatter(i, e, people)}\"}}\n");
            }
        }

        return text.ToString();
    }

    private static long Scatter(int person, int edge, int people) => ((person * 7919L) + (edge * (long)edge * 104_729L)) % people;
}
