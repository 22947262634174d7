using System.Net;
using OmniGraph.Arrow;
using OmniGraph;
using OmniGraph.Abstractions;

// A front-end of the sample social graph served by `omnigraph serve --gateway-port PORT`: an Orleans client of that
// cluster (no silo here) and three endpoints of its own, each a call to the graph's grains.
var builder = WebApplication.CreateBuilder(args);
var gateway = IPEndPoint.Parse(builder.Configuration["OmniGraph:Gateway"] ?? "127.0.0.1:30000");
var graphId = builder.Configuration["OmniGraph:Graph"] ?? "social";
builder.Services.AddOmniGraphClient(options => options.Gateways.Add(gateway));
var app = builder.Build();
var queries = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "social", "queries.gq"));

// A graph error is answered with its stable code and the status of its kind, as the server's own routes answer it.
app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (OmniGraphException error)
    {
        context.Response.StatusCode = error.Kind.HttpStatus();
        await context.Response.WriteAsJsonAsync(new ErrorResponse(error.Message, error.Code));
    }
});

// The graph at a glance: each table's version and row count at main's head.
app.MapGet("/graph", async (IGraphClientFactory graphs, CancellationToken cancellationToken) =>
    await graphs.GetClient(graphId).GetSnapshotAsync(BranchNames.Main, cancellationToken));

// Whom a person knows, as a list of names (a stored-style read run through the query grain).
app.MapGet("/people/{name}/friends", async (string name, IGraphClientFactory graphs, CancellationToken cancellationToken) =>
{
    var parameters = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name });
    var result = await graphs.GetClient(graphId).QueryAsync(queries, "friends_of", parameters, cancellationToken: cancellationToken);
    var names = (Utf8Column)result.Rows.Column("f.name");
    return new FriendsResponse(name, [.. Enumerable.Range(0, result.RowCount).Select(names.GetString)], result.GraphCommitId);
});

// Adds a person as one commit on a branch (main by default) and answers the commit.
app.MapPost("/people", async (NewPerson person, IGraphClientFactory graphs, CancellationToken cancellationToken) =>
{
    var parameters = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = person.Name, ["age"] = person.Age, ["joined"] = person.Joined });
    var request = new MutationRequest(queries, "add_person") { Parameters = parameters, Branch = person.Branch ?? BranchNames.Main, Actor = "web-front-end" };
    return await graphs.GetClient(graphId).MutateAsync(request, cancellationToken);
});

await app.RunAsync();

/// <summary>The friends of <paramref name="Person"/> and the commit they were read at.</summary>
internal sealed record FriendsResponse(string Person, string[] Friends, string Commit);

/// <summary>The body of <c>POST /people</c>.</summary>
internal sealed record NewPerson(string Name, int Age, string Joined, string? Branch = null);

/// <summary>A failed call: the message and the stable error code.</summary>
internal sealed record ErrorResponse(string Error, string Code);
