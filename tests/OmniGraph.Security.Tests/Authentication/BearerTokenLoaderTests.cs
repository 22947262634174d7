using System.Text;

namespace OmniGraph.Security.Tests.Authentication;

/// <summary>Token sources, their combination and precedence, and every refusal (operations.md §3.1).</summary>
public sealed class BearerTokenLoaderTests
{
    private static BearerTokenRegistry Load(string? single = null, string? file = null, string? json = null, string? fileContent = null, string? aws = null) =>
        BearerTokenLoader.Load(
            new BearerTokenSources(single, file, json, aws),
            path => path == file && fileContent is not null ? Encoding.UTF8.GetBytes(fileContent) : throw new FileNotFoundException("no such file", path));

    private static string? ActorOf(BearerTokenRegistry registry, string token) => registry.Authenticate("Bearer " + token).Actor;

    [Fact]
    public void SingleToken_IsTheDefaultActor_Trimmed()
    {
        var registry = Load(single: "  s3cret\n");

        Assert.Equal(["default"], registry.Actors);
        Assert.Equal("default", ActorOf(registry, "s3cret"));
        Assert.Null(ActorOf(registry, "  s3cret\n"));
        Assert.Equal([BearerTokenSources.SingleTokenVariable], registry.Sources);
    }

    [Fact]
    public void SingleToken_CombinesWithTheFile_AndTheFileWinsOverInlineJson()
    {
        var registry = Load(single: "s", file: "/t.json", fileContent: """{" act-a ":" token-a ","act-b":"token-b"}""", json: """{"act-c":"token-c"}""");

        Assert.Equal(["act-a", "act-b", "default"], registry.Actors);
        Assert.Equal("act-a", ActorOf(registry, "token-a"));
        Assert.Null(ActorOf(registry, "token-c"));
        Assert.Equal([BearerTokenSources.SingleTokenVariable, BearerTokenSources.TokensFileVariable], registry.Sources);
        Assert.Equal([BearerTokenSources.TokensJsonVariable], registry.IgnoredSources);
    }

    [Fact]
    public void InlineJson_IsReadWhenNoFileIsSet_WithEscapes()
    {
        var registry = Load(json: """{"act-c":"tok\u0065n-c","act-d":"ü-token"}""");

        Assert.Equal("act-c", ActorOf(registry, "token-c"));
        Assert.Equal("act-d", ActorOf(registry, "ü-token"));
        Assert.Equal([BearerTokenSources.TokensJsonVariable], registry.Sources);
        Assert.Empty(registry.IgnoredSources);
    }

    [Fact]
    public void EnvironmentReading_TreatsEmptyAsUnset()
    {
        var environment = new Dictionary<string, string?>
        {
            [BearerTokenSources.SingleTokenVariable] = "",
            [BearerTokenSources.TokensJsonVariable] = """{"a":"b"}""",
        };
        var sources = BearerTokenSources.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Null(sources.SingleToken);
        Assert.Equal(["a"], BearerTokenLoader.Load(sources).Actors);
        Assert.True(BearerTokenSources.FromEnvironment(static _ => null).IsEmpty);
        Assert.Equal(0, BearerTokenLoader.Load(BearerTokenSources.None).Count);
        Assert.DoesNotContain("b", new BearerTokenSources("secret-value", null, "{}").ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?, string?, string?, string> BadSources => new()
    {
        // single, json, file content (file set when not null), aws, code
        { "   ", null, null, null, ErrorCodes.AuthTokenBlank },
        { null, """{"a":"  "}""", null, null, ErrorCodes.AuthTokenBlank },
        { null, """{" ":"t"}""", null, null, ErrorCodes.AuthTokenBlank },
        { null, """{"a":"t","a":"u"}""", null, null, ErrorCodes.AuthDuplicateActor },
        { "t", """{"default":"u"}""", null, null, ErrorCodes.AuthDuplicateActor },
        { null, """{"a":"t","b":" t "}""", null, null, ErrorCodes.AuthDuplicateToken },
        { "t", null, """{"a":"t"}""", null, ErrorCodes.AuthDuplicateToken },
        { null, """["a","t"]""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, """{"a":1}""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, """{"a":{"t":"u"}}""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, """{}""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, """{"a":"t"} {"b":"u"}""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, """{"a":"super-secret""", null, null, ErrorCodes.AuthTokensMalformed },
        { null, null, "not json at all", null, ErrorCodes.AuthTokensMalformed },
        { "t", null, null, "arn:aws:secretsmanager:x", ErrorCodes.AuthSourceUnsupported },
    };

    [Theory]
    [MemberData(nameof(BadSources))]
    public void BadSource_IsRefusedWithItsCode_AndNeverQuotesAToken(string? single, string? json, string? fileContent, string? aws, string code)
    {
        var error = Assert.Throws<OmniGraphException>(() => Load(single, fileContent is null ? null : "/t.json", json, fileContent, aws));

        Assert.Equal(code, error.Code);
        Assert.DoesNotContain("super-secret", error.Message, StringComparison.Ordinal);
        Assert.True(ErrorCatalog.Contains(code), code);
    }

    [Fact]
    public void MissingFile_IsUnreadable()
    {
        var error = Assert.Throws<OmniGraphException>(() => BearerTokenLoader.Load(new BearerTokenSources(null, "/no/such/tokens.json", null)));

        Assert.Equal(ErrorCodes.AuthTokensUnreadable, error.Code);
        Assert.Contains("/no/such/tokens.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RealFile_IsRead()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"act-a":"token-a"}""");
            Assert.Equal("act-a", ActorOf(BearerTokenLoader.Load(new BearerTokenSources(null, path, null)), "token-a"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TrimUtf8_TrimsUnicodeWhiteSpace()
    {
        Assert.Equal("a b", Encoding.UTF8.GetString(BearerTokenLoader.TrimUtf8(Encoding.UTF8.GetBytes("\u00a0\t a b\u2003\n"))));
        Assert.True(BearerTokenLoader.TrimUtf8(Encoding.UTF8.GetBytes(" \u3000 ")).IsEmpty);
    }
}
