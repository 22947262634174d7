using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Flight;
using Grpc.Core;
using OmniGraph.Server.Flight;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Flight;

/// <summary>The Arrow Flight service, called with Apache.Arrow.Flight's own client on the server's HTTP port (open mode).</summary>
public sealed class FlightTests(FlightFixture fixture) : IClassFixture<FlightFixture>
{
    private const string Everyone = """
        query everyone() {
            match { $p: Person }
            return { $p.name, $p.age }
            order { $p.name asc }
        }
        """;

    [Fact]
    public async Task DoGet_StreamsTheReadAsTypedColumns_WithTheReadsMetadataInTheHeaders()
    {
        var ticket = new FlightReadTicket("f", AcceptanceFixtures.TestQueries, "get_person", JsonDocument.Parse("""{"name": "Alice"}""").RootElement);
        var (batches, schema, headers) = await FlightFixture.ReadAsync(fixture.Client, ticket);

        Assert.Equal(["p.name", "p.age"], schema.FieldsList.Select(static f => f.Name));
        var batch = Assert.Single(batches);
        Assert.Equal(1, batch.Length);
        Assert.Equal("Alice", Assert.IsType<StringArray>(batch.Column(0)).GetString(0));
        Assert.Equal(30, Assert.IsType<Int32Array>(batch.Column(1)).GetValue(0));
        Assert.Equal("get_person", headers.GetValue("omnigraph-query-name"));
        Assert.Equal("main", headers.GetValue("omnigraph-branch"));
        Assert.Equal(26, headers.GetValue("omnigraph-graph-commit-id")!.Length);
    }

    [Fact]
    public async Task DoGet_OfAScoreColumn_StreamsItAsFloat64()
    {
        const string Scored = "query scored() { match { $p: Person } return { $p.name, bm25($p.name, \"alice\") as score } order { bm25($p.name, \"alice\") } }";
        var (batches, schema, _) = await FlightFixture.ReadAsync(fixture.Client, new FlightReadTicket("f", Scored));

        Assert.Equal(["p.name", "score"], schema.FieldsList.Select(static f => f.Name));
        Assert.Equal(Apache.Arrow.Types.ArrowTypeId.Double, schema.GetFieldByName("score").DataType.TypeId);
        var batch = Assert.Single(batches);
        Assert.Equal("Alice", Assert.IsType<StringArray>(batch.Column(0)).GetString(0));
        Assert.True(Assert.IsType<DoubleArray>(batch.Column(1)).GetValue(0) > 0);
    }

    [Fact]
    public async Task DoGet_OfAnEmptyResult_SendsTheSchemaAndNoBatch()
    {
        var ticket = new FlightReadTicket("f", AcceptanceFixtures.TestQueries, "get_person", JsonDocument.Parse("""{"name": "Nobody"}""").RootElement);
        var (batches, schema, _) = await FlightFixture.ReadAsync(fixture.Client, ticket);
        Assert.Empty(batches);
        Assert.Equal(["p.name", "p.age"], schema.FieldsList.Select(static f => f.Name));
    }

    [Fact]
    public async Task DoPut_LoadsEveryBatchAsOneCommit_AndALargeReadStreamsInManyBatches()
    {
        const int people = 2_500;
        var before = await fixture.CommitCountAsync();
        var batches = Enumerable.Range(0, 3).Select(part => People(part * 1_000, Math.Min(1_000, people - (part * 1_000)))).ToList();
        var receipt = await FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Node: "Person"), batches);

        using (var output = JsonDocument.Parse(receipt))
        {
            Assert.Equal(people, output.RootElement.GetProperty("nodes").EnumerateArray().Single().GetProperty("entities_loaded").GetInt64());
        }

        Assert.Equal(before + 1, await fixture.CommitCountAsync());
        var (read, _, _) = await FlightFixture.ReadAsync(fixture.Client, new FlightReadTicket("f", Everyone));
        Assert.True(read.Count >= people / FlightFixture.BatchRows, $"{read.Count} batches");
        Assert.All(read, static batch => Assert.InRange(batch.Length, 1, FlightFixture.BatchRows));
        var names = read.SelectMany(static batch => Enumerable.Range(0, batch.Length).Select(i => ((StringArray)batch.Column(0)).GetString(i))).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(people, names.Count(static name => name.StartsWith("flight-", StringComparison.Ordinal)));
        Assert.Contains("Alice", names);
    }

    [Fact]
    public async Task DoPut_OfEdges_TakesTheEndpointsFromTheFromAndToColumns()
    {
        var edges = new RecordBatch.Builder()
            .Append("from", false, column => column.String(array => array.Append("Diana")))
            .Append("to", false, column => column.String(array => array.Append("Alice")))
            .Append("since", true, column => column.Date32(array => array.Append(new DateTime(2020, 5, 17, 0, 0, 0, DateTimeKind.Utc))))
            .Build();
        await FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Edge: "Knows"), [edges]);

        var ticket = new FlightReadTicket("f", AcceptanceFixtures.TestQueries, "friends_of", JsonDocument.Parse("""{"name": "Diana"}""").RootElement);
        var (batches, _, _) = await FlightFixture.ReadAsync(fixture.Client, ticket);
        Assert.Equal("Alice", ((StringArray)Assert.Single(batches).Column(0)).GetString(0));
    }

    [Fact]
    public async Task GetFlightInfo_DescribesTheRead_AndItsTicketReadsTheSameSnapshot()
    {
        var command = new FlightReadTicket("f", AcceptanceFixtures.TestQueries, "adults");
        var info = await fixture.Client.GetInfo(FlightDescriptor.CreateCommandDescriptor(command.ToUtf8()));
        Assert.Equal(["p.name", "p.age"], info.Schema.FieldsList.Select(static f => f.Name));
        var endpoint = Assert.Single(info.Endpoints);
        var pinned = FlightReadTicket.Parse(endpoint.Ticket.Ticket.Span);
        Assert.Null(pinned.Branch);
        Assert.Equal(26, pinned.Snapshot!.Length);

        var (batches, _, headers) = await FlightFixture.ReadAsync(fixture.Client, pinned);
        Assert.Equal(info.TotalRecords, batches.Sum(static b => b.Length));
        Assert.Equal(pinned.Snapshot, headers.GetValue("omnigraph-graph-commit-id"));
        var schema = await fixture.Client.GetSchema(FlightDescriptor.CreateCommandDescriptor(command.ToUtf8()));
        Assert.Equal(info.Schema.FieldsList.Select(static f => f.DataType.TypeId), schema.FieldsList.Select(static f => f.DataType.TypeId));
    }

    [Theory]
    [InlineData("not json", "invalid_request_body", StatusCode.InvalidArgument)]
    [InlineData("""{"graph": "f", "query": "query q() { match { $p: Person } return { $p.name } }", "actor": "x"}""", "invalid_request_body", StatusCode.InvalidArgument)]
    [InlineData("""{"graph": "f"}""", "invalid_request_body", StatusCode.InvalidArgument)]
    [InlineData("""{"graph": "nope", "query": "query q() { match { $p: Person } return { $p.name } }"}""", "graph_not_found", StatusCode.NotFound)]
    [InlineData("""{"graph": "bad_id", "query": "query q() { match { $p: Person } return { $p.name } }"}""", "invalid_graph_id", StatusCode.InvalidArgument)]
    [InlineData("""{"graph": "f", "query": "query q() { match { $p: Person } return { $p.name } }", "branch": "nope"}""", "branch_not_found", StatusCode.NotFound)]
    public async Task DoGet_OfABadTicket_FailsWithTheStatusAndStableCode(string ticket, string code, StatusCode status)
    {
        await FlightAssert.FailsAsync(status, code, async () =>
        {
            using var call = fixture.Client.GetStream(new FlightTicket(ticket));
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    [Fact]
    public async Task DoGet_OfAMutation_IsRefusedAsTheQueryRouteRefusesIt()
    {
        var ticket = new FlightReadTicket("f", AcceptanceFixtures.MutationQueries, "insert_person", JsonDocument.Parse("""{"name": "Q", "age": 1}""").RootElement);
        var before = await fixture.CommitCountAsync();
        await FlightAssert.FailsAsync(StatusCode.InvalidArgument, "query_kind_mismatch", () => FlightFixture.ReadAsync(fixture.Client, ticket));
        Assert.Equal(before, await fixture.CommitCountAsync());
    }

    [Fact]
    public async Task DoPut_OfBadRows_FailsTyped_AndPublishesNothing()
    {
        var before = await fixture.CommitCountAsync();
        var unknownProperty = new RecordBatch.Builder()
            .Append("name", false, column => column.String(array => array.Append("Zed")))
            .Append("nickname", true, column => column.String(array => array.Append("z")))
            .Build();
        var error = await FlightAssert.FailsAsync(StatusCode.InvalidArgument, "unknown_field", () => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Node: "Person"), [unknownProperty]));
        Assert.Contains("nickname", error.Message, StringComparison.Ordinal);

        var noEndpoints = new RecordBatch.Builder().Append("since", true, column => column.Date32(array => array.AppendNull())).Build();
        await FlightAssert.FailsAsync(StatusCode.InvalidArgument, "invalid_request_body", () => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Edge: "Knows"), [noEndpoints]));
        await FlightAssert.FailsAsync(StatusCode.InvalidArgument, "invalid_request_body", () => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f"), [People(0, 1)]));
        await FlightAssert.FailsAsync(StatusCode.NotFound, "graph_not_found", () => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("nope", Node: "Person"), [People(0, 1)]));

        var unsupported = new RecordBatch.Builder().Append("name", false, column => column.Int8(array => array.Append(1))).Build();
        await Assert.ThrowsAsync<RpcException>(() => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Node: "Person"), [unsupported]));
        Assert.Equal(before, await fixture.CommitCountAsync());
    }

    [Fact]
    public async Task DoPut_PastTheTotalLimit_IsResourceLimit_AndWritesNothing()
    {
        // Each batch is far under a gRPC message's limit; together they pass the put's.
        var before = await fixture.CommitCountAsync();
        var batches = Enumerable.Range(0, 8).Select(static part => People(10_000 + (part * 4_000), 4_000)).ToList();
        Assert.True(batches.Sum(FlightArrowBridge.BufferBytes) > FlightFixture.MaxPutBytes);
        var error = await FlightAssert.FailsAsync(StatusCode.ResourceExhausted, "resource_limit", () => FlightFixture.PutAsync(fixture.Client, new FlightPutCommand("f", Node: "Person"), batches));
        Assert.Contains("flight put", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CommitCountAsync());
    }

    [Fact]
    public async Task ListFlights_ListsTheStoredReads_WithATicketWhenTheyNeedNoParameters()
    {
        var flights = await ListAsync(new FlightCriteria());
        Assert.Equal(flights.Select(static f => f.Descriptor.Command.ToStringUtf8()), (await ListAsync(new FlightCriteria("f"))).Select(static f => f.Descriptor.Command.ToStringUtf8()));
        Assert.Equal(["stored_everyone", "stored_person"], flights.Select(static f => FlightReadTicket.Parse(f.Descriptor.Command.Span).Name).Order(StringComparer.Ordinal));

        // A read without parameters is read from its endpoint's ticket at once.
        var everyone = flights.Single(static f => FlightReadTicket.Parse(f.Descriptor.Command.Span).Name == "stored_everyone");
        var endpoint = Assert.Single(everyone.Endpoints);
        using (var call = fixture.Client.GetStream(endpoint.Ticket))
        {
            var rows = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                rows += call.ResponseStream.Current.Length;
            }

            Assert.True(rows >= 4, $"{rows} rows");
        }

        // One with parameters has no ticket: its descriptor, given the parameters, is described and read.
        var person = flights.Single(static f => FlightReadTicket.Parse(f.Descriptor.Command.Span).Name == "stored_person");
        Assert.Empty(person.Endpoints);
        var withName = FlightReadTicket.Parse(person.Descriptor.Command.Span) with { Params = JsonDocument.Parse("""{"name": "Alice"}""").RootElement };
        var info = await fixture.Client.GetInfo(FlightDescriptor.CreateCommandDescriptor(withName.ToUtf8()));
        Assert.Equal(1, info.TotalRecords);

        await FlightAssert.FailsAsync(StatusCode.NotFound, "graph_not_found", () => ListAsync(new FlightCriteria("nope")));
        await FlightAssert.FailsAsync(StatusCode.InvalidArgument, "invalid_graph_id", () => ListAsync(new FlightCriteria("not a graph id")));
    }

    [Fact]
    public async Task Handshake_InOpenMode_AnswersAnEmptyPayload()
    {
        using var call = fixture.Client.Handshake();
        await call.RequestStream.WriteAsync(new FlightHandshakeRequest(Google.Protobuf.ByteString.Empty));
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(call.ResponseStream.Current.Payload.IsEmpty);
    }

    [Fact]
    public async Task UnsupportedCalls_AreUnimplemented_WithTheStableCode()
    {
        await FlightAssert.FailsAsync(StatusCode.Unimplemented, "not_implemented", async () =>
        {
            using var call = fixture.Client.DoAction(new FlightAction("compact"));
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    private async Task<List<FlightInfo>> ListAsync(FlightCriteria criteria)
    {
        using var call = fixture.Client.ListFlights(criteria);
        var flights = new List<FlightInfo>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            flights.Add(call.ResponseStream.Current);
        }

        return flights;
    }

    [Fact]
    public async Task TheHttpRoutes_StillAnswerHttp11_OnTheSamePort()
    {
        using var response = await fixture.Http.GetAsync("healthz");
        Assert.Equal(new Version(1, 1), response.Version);
        response.EnsureSuccessStatusCode();
    }

    private static RecordBatch People(int first, int count) => new RecordBatch.Builder()
        .Append("name", false, column => column.String(array => array.AppendRange(Enumerable.Range(first, count).Select(static i => $"flight-{i:D5}"))))
        .Append("age", true, column => column.Int32(array => array.AppendRange(Enumerable.Range(first, count).Select(static i => i % 100))))
        .Build();
}
