using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Query;
using OmniGraph.Search.Embeddings;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-35 and AC-36, mutation parts: <c>@range</c>, <c>@check</c>, enums and vectors are enforced on inserts and updates, and a violation writes nothing.</summary>
public sealed class ConstraintTests
{
    private const string RangedPerson = "node Person { name: String @key  age: I32?  @range(age, 0..200) }";

    [Fact]
    public async Task Range_OnInsert_IsEnforced()
    {
        await using var host = await MutationHost.InitAsync(RangedPerson);
        const string insert = "query i($name: String, $age: I32) { insert Person { name: $name, age: $age } }";

        var error = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync(insert, """{"name":"Old","age":300}"""));

        Assert.Equal("constraint_violation", error.Code);
        Assert.Equal("@range violation on Person.age: value 300 > max 200", error.Message);
        Assert.Empty(await host.RowsAsync("node:Person"));
        await host.RunAsync(insert, """{"name":"Young","age":-0}""");
        await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync(insert, """{"name":"Neg","age":-1}"""));
    }

    [Fact]
    public async Task Range_OnUpdate_IsEnforced_AndTheRowKeepsItsValue()
    {
        await using var host = await MutationHost.InitAsync(RangedPerson, """{"type":"Person","data":{"name":"Alice","age":30}}""");

        var error = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync("""query u() { update Person set { age: 300 } where name = "Alice" }"""));

        Assert.Contains("@range violation", error.Message, StringComparison.Ordinal);
        Assert.Equal("30", (await host.FindAsync("node:Person", "Alice"))!["age"]);
    }

    [Theory]
    [InlineData("0.0..100.0", 150.5, false)]
    [InlineData("0.0..100.0", 37.5, true)]
    [InlineData("-40.0..60.0", -20.0, true)]
    [InlineData("-40.0..60.0", -50.0, false)]
    public async Task Range_OnAFloatProperty_IsEnforced(string bounds, double temperature, bool accepted)
    {
        await using var host = await MutationHost.InitAsync($"node Measurement {{ name: String @key  temperature: F64?  @range(temperature, {bounds}) }}");
        var insert = host.RunAsync("query i($t: F64) { insert Measurement { name: \"m\", temperature: $t } }", $$"""{"t":{{temperature.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""");

        if (accepted)
        {
            await insert;
            Assert.Single(await host.RowsAsync("node:Measurement"));
        }
        else
        {
            var error = await Assert.ThrowsAsync<OmniGraphException>(() => insert);
            Assert.Contains("@range violation", error.Message, StringComparison.Ordinal);
            Assert.Empty(await host.RowsAsync("node:Measurement"));
        }
    }

    [Fact]
    public async Task Check_OnInsert_IsEnforced()
    {
        await using var host = await MutationHost.InitAsync("""node Order { code: String @key  @check(code, "^[A-Z]{3}-[0-9]+$") }""");

        var error = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync("""query i() { insert Order { code: "invalid" } }"""));

        Assert.Equal("@check violation on Order.code: value 'invalid' does not match pattern '^[A-Z]{3}-[0-9]+$'", error.Message);
        await host.RunAsync("""query i() { insert Order { code: "ABC-123" } }""");
        Assert.Equal(["ABC-123"], await host.IdsAsync("node:Order"));
    }

    [Fact]
    public async Task Check_OnUpdate_IsEnforced()
    {
        await using var host = await MutationHost.InitAsync(
            """node Order { code: String @key  label: String?  @check(label, "^[A-Z]+$") }""",
            """{"type":"Order","data":{"code":"ABC-123","label":"VALID"}}""");

        var error = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync("""query u() { update Order set { label: "invalid" } where code = "ABC-123" }"""));

        Assert.Contains("@check violation", error.Message, StringComparison.Ordinal);
        Assert.Equal("VALID", (await host.FindAsync("node:Order", "ABC-123"))!["label"]);
    }

    [Fact]
    public async Task Enum_FromAParameter_IsCheckedOnInsertAndUpdate()
    {
        await using var host = await MutationHost.InitAsync(
            "node Person { name: String @key  role: enum(admin, guest, member) }",
            """{"type":"Person","data":{"name":"Alice","role":"admin"}}""");

        var insert = await Assert.ThrowsAsync<OmniGraphException>(() =>
            host.RunAsync("query i($name: String, $role: String) { insert Person { name: $name, role: $role } }", """{"name":"Bob","role":"superadmin"}"""));
        var update = await Assert.ThrowsAsync<OmniGraphException>(() =>
            host.RunAsync("query u($name: String, $role: String) { update Person set { role: $role } where name = $name }", """{"name":"Alice","role":"superadmin"}"""));

        Assert.Equal("invalid enum value 'superadmin' for Person.role (expected: admin, guest, member)", insert.Message);
        Assert.Equal(insert.Message, update.Message);
        Assert.Equal(["Alice"], await host.IdsAsync("node:Person"));
        Assert.Equal("admin", (await host.FindAsync("node:Person", "Alice"))!["role"]);

        await host.RunAsync("query u($name: String, $role: String) { update Person set { role: $role } where name = $name }", """{"name":"Alice","role":"guest"}""");
        Assert.Equal("guest", (await host.FindAsync("node:Person", "Alice"))!["role"]);
    }

    [Fact]
    public async Task Vector_WithTheWrongDimension_IsRefused()
    {
        await using var host = await MutationHost.InitAsync("node Doc { slug: String @key  embedding: Vector(3) }");

        var literal = await Assert.ThrowsAsync<QueryTypeException>(() => host.RunAsync("""query i() { insert Doc { slug: "a", embedding: [0.1, 0.2] } }"""));
        var parameter = await Assert.ThrowsAsync<QueryException>(() =>
            host.RunAsync("query i($e: Vector(3)) { insert Doc { slug: \"a\", embedding: $e } }", """{"e":[0.1,0.2]}"""));

        Assert.Contains("expects 3 dimensions, got 2", literal.Message, StringComparison.Ordinal);
        Assert.Contains("3", parameter.Message, StringComparison.Ordinal);
        await host.RunAsync("query i($e: Vector(3)) { insert Doc { slug: \"a\", embedding: $e } }", """{"e":[0.1,0.2,0.3]}""");
        Assert.Equal("[0.1,0.2,0.3]", (await host.FindAsync("node:Doc", "a"))!["embedding"]);
    }

    [Fact]
    public async Task OptionalVector_LeftOut_IsNull()
    {
        await using var host = await MutationHost.InitAsync("node Doc { slug: String @key  embedding: Vector(2)? }");

        await host.RunAsync("""query i() { insert Doc { slug: "a" }  insert Doc { slug: "b", embedding: [1.0, 2.0] } }""");

        Assert.Null((await host.FindAsync("node:Doc", "a"))!["embedding"]);
        Assert.Equal("[1,2]", (await host.FindAsync("node:Doc", "b"))!["embedding"]);
    }

    [Fact]
    public async Task RequiredEmbedVector_LeftOut_WithoutAProvider_IsRefusedClearly()
    {
        // No key in the environment: the default provider is unavailable.
        await using var host = await MutationHost.InitAsync(
            """node Doc { slug: String @key  text: String  embedding: Vector(3) @embed("text") }""",
            embeddings: static o => (o.Provider, o.ApiKey) = (EmbeddingProviderKind.OpenAiCompatible, null));

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.EmbeddingUnavailable, () => host.RunAsync("""query i() { insert Doc { slug: "a", text: "hello" } }"""));

        Assert.Contains("no embedding provider is available", error.Message, StringComparison.Ordinal);
        Assert.Contains("OPENROUTER_API_KEY or OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Doc", "embedding", "text"), (error.Get(ErrorDetail.TypeName), error.Get(ErrorDetail.Property), error.Get(ErrorDetail.SourceProperty)));
        Assert.Empty(await host.RowsAsync("node:Doc"));

        await host.RunAsync("""query i() { insert Doc { slug: "a", text: "hello", embedding: [1.0, 0.0, 0.5] } }""");
        Assert.Single(await host.RowsAsync("node:Doc"));
    }

    [Fact]
    public async Task RequiredEmbedVector_LeftOut_IsComputedFromItsSource()
    {
        await using var host = await MutationHost.InitAsync(
            """node Doc { slug: String @key  text: String  embedding: Vector(3) @embed("text") }""",
            embeddings: static o => o.Provider = EmbeddingProviderKind.Mock);

        await host.RunAsync("""query i($t: String) { insert Doc { slug: "a", text: $t } }""", """{"t":"hello world"}""");

        var expected = MockEmbeddingGenerator.Embed("hello world", 3);
        var stored = System.Text.Json.JsonSerializer.Deserialize<float[]>((string)(await host.FindAsync("node:Doc", "a"))!["embedding"]!)!;
        // TextEmbedder L2-normalizes what the provider returns (the mock's vector is unit length already, to float precision).
        Assert.Equal(expected.Length, stored.Length);
        Assert.All(expected.Zip(stored), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
    }

    [Fact]
    public async Task UpdatingAnEmbedSource_RecomputesItsVector_UnlessTheVectorIsSetToo()
    {
        await using var host = await MutationHost.InitAsync(
            """node Doc { slug: String @key  text: String?  embedding: Vector(3) @embed("text") }""",
            embeddings: static o => o.Provider = EmbeddingProviderKind.Mock);
        await host.RunAsync("""query i() { insert Doc { slug: "a", text: "hello world" }  insert Doc { slug: "b", text: "hello world" } }""");

        await host.RunAsync("""query u($t: String) { update Doc set { text: $t } where slug = "a" }""", """{"t":"goodbye moon"}""");
        Assert.All(MockEmbeddingGenerator.Embed("goodbye moon", 3).Zip(await StoredVectorAsync(host, "a")), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
        Assert.All(MockEmbeddingGenerator.Embed("hello world", 3).Zip(await StoredVectorAsync(host, "b")), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));

        await host.RunAsync("""query u() { update Doc set { text: "kept apart", embedding: [1.0, 0.0, 0.0] } where slug = "b" }""");
        var given = await StoredVectorAsync(host, "b");
        Assert.Equal([1f, 0f, 0f], given);

        await ErrorAssert.ThrowsAsync(ErrorCodes.ConstraintViolation, () => host.RunAsync("""query u($t: String?) { update Doc set { text: $t } where slug = "a" }""", """{"t":null}"""));
        Assert.All(MockEmbeddingGenerator.Embed("goodbye moon", 3).Zip(await StoredVectorAsync(host, "a")), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
    }

    private static async Task<float[]> StoredVectorAsync(MutationHost host, string slug) =>
        System.Text.Json.JsonSerializer.Deserialize<float[]>((string)(await host.FindAsync("node:Doc", slug))!["embedding"]!)!;

    [Fact]
    public async Task EmbedWithAnotherModel_IsRefused_NamingBothModels()
    {
        await using var host = await MutationHost.InitAsync(
            """node Doc { slug: String @key  text: String  embedding: Vector(3) @embed("text", model="text-embedding-3-small") }""",
            embeddings: static o => o.Provider = EmbeddingProviderKind.Mock);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.EmbeddingModelMismatch, () => host.RunAsync("""query i() { insert Doc { slug: "a", text: "x" } }"""));
        Assert.Contains("text-embedding-3-small", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.RowsAsync("node:Doc"));
    }

    [Fact]
    public async Task Blob_TakesBase64_AndRefusesExternalReferencesAndBadData()
    {
        await using var host = await MutationHost.InitAsync("node File { name: String @key  data: Blob? }");
        const string insert = "query i($name: String, $data: Blob) { insert File { name: $name, data: $data } }";

        await host.RunAsync(insert, """{"name":"a","data":"base64:aGVsbG8="}""");
        var external = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync(insert, """{"name":"b","data":"s3://bucket/key"}"""));
        var invalid = await Assert.ThrowsAsync<OmniGraphException>(() => host.RunAsync(insert, """{"name":"c","data":"base64:aGVs bG8="}"""));

        Assert.Equal("aGVsbG8=", (await host.FindAsync("node:File", "a"))!["data"]);
        Assert.Equal("policy_denied", external.Code);
        Assert.Equal("invalid_data", invalid.Code);
        Assert.Equal(["a"], await host.IdsAsync("node:File"));
    }

    [Fact]
    public async Task Update_CarriesUnassignedPropertiesOfEveryKindOver()
    {
        await using var host = await MutationHost.InitAsync(
            "node Thing { key: String @key  n: I64?  u: U64?  f: F32?  d: Date?  t: DateTime?  b: Bool?  tags: [String]?  v: Vector(2)?  blob: Blob?  note: String? }",
            """{"type":"Thing","data":{"key":"k","n":-5,"u":18446744073709551615,"f":0.5,"d":"2024-01-02","t":"2024-01-02T03:04:05Z","b":true,"tags":["x"],"v":[1,2],"blob":"base64:AAE="}}""");
        var before = await host.FindAsync("node:Thing", "k");

        await host.RunAsync("""query u() { update Thing set { note: "hi" } where key = "k" }""");

        var after = (await host.FindAsync("node:Thing", "k"))!;
        Assert.Equal("hi", after["note"]);
        foreach (var (name, value) in before!.Cells.Where(static c => c.Key != "note"))
        {
            Assert.Equal(value, after[name]);
        }
    }
}
