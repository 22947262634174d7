using System.Text;
using Apache.Arrow.Flight;
using Grpc.Core;
using OmniGraph.Server.Endpoints;
using OmniGraph.Server.Queries;

namespace OmniGraph.Server.Flight;

/// <summary>
/// <c>ListFlights</c>: the stored read queries of the served graphs as flights (docs/server.md#arrow-flight). The
/// criteria's expression is empty (every graph) or a graph id (that graph). A graph is listed only when the caller may
/// <c>read</c> its main branch — the gate of <c>GET /queries</c> — and a graph the caller may not read is left out, not
/// refused, so the listing reveals nothing about it. Each flight's descriptor is the command of a read ticket naming the
/// stored query's source and name; a query without required parameters also carries that ticket as its one endpoint,
/// so <c>DoGet</c> can read it at once. Its schema is left empty (a read's schema is known once it runs):
/// <c>GetFlightInfo</c> or <c>GetSchema</c> on the descriptor, with parameters when the query takes some, answers it.
/// </summary>
internal sealed class FlightStoredQueryListing(ServedGraphs graphs, ServedStoredQueries catalogues, ServerAccess access)
{
    private static readonly Apache.Arrow.Schema s_unknownSchema = new Apache.Arrow.Schema.Builder().Build();

    /// <summary>Writes the flights <paramref name="criteria"/> selects to <paramref name="output"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_graph_id</c> or <c>graph_not_found</c>: the criteria names a graph that is not one or not served.</exception>
    public async Task WriteAsync(HttpContext http, FlightCriteria criteria, IAsyncStreamWriter<FlightInfo> output)
    {
        var expression = criteria.Expression.IsEmpty ? null : Encoding.UTF8.GetString(criteria.Expression.Span);
        var selected = expression is null ? graphs.All : [graphs.Get(expression)];
        foreach (var graph in selected)
        {
            if (!access.Controller.Decide(new AccessRequest(http.Actor(), PolicyAction.Read, graph.Id, BranchNames.Main, null)).Allowed)
            {
                continue;
            }

            var catalogue = await catalogues.ForAsync(graph.Id, http.RequestAborted);
            foreach (var query in await catalogue.ListAsync(http.RequestAborted))
            {
                if (!query.IsMutation)
                {
                    await output.WriteAsync(Describe(graph.Id, query));
                }
            }
        }
    }

    private static FlightInfo Describe(string graphId, StoredQuery query)
    {
        var ticket = new FlightReadTicket(graphId, query.Source, query.Name).ToUtf8();
        var needsParameters = query.ToEntry().Params.Any(static p => !p.Nullable);
        FlightEndpoint[] endpoints = needsParameters ? [] : [new FlightEndpoint(new FlightTicket(ticket), [])];
        return new FlightInfo(s_unknownSchema, FlightDescriptor.CreateCommandDescriptor(ticket), endpoints, -1, -1);
    }
}
