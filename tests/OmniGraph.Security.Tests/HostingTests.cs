using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Storage;

namespace OmniGraph.Security.Tests;

/// <summary>The <c>AddOmniGraph…</c> registrations the server uses.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task AddOmniGraphAudit_CreatesLogsWithTheRegisteredOptions()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddOmniGraphAudit(static o => o.MaxAppendAttempts = 5)
            .BuildServiceProvider();

        var log = provider.GetRequiredService<AuditLogFactory>().Create(new MemoryObjectStore());
        var result = await log.AppendAsync(new AuditRecord("a", PolicyAction.Read, "g", null, null, AuditDecisionKind.Deny, null));

        Assert.Equal(1, result.Entry.Seq);
        Assert.Equal(5, provider.GetRequiredService<IOptions<AuditLogOptions>>().Value.MaxAppendAttempts);
    }

    [Fact]
    public void AddOmniGraphAudit_RefusesBadOptions()
    {
        using var provider = new ServiceCollection().AddOmniGraphAudit(static o => o.MaxAppendAttempts = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuditLogOptions>>().Value);
        Assert.Contains("MaxAppendAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOmniGraphBearerTokens_LoadsTheGivenSources_AndFailsOnABadOne()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddOmniGraphBearerTokens(static () => new BearerTokenSources("t", null, """{"act-a":"u"}"""))
            .BuildServiceProvider();
        Assert.Equal(["act-a", "default"], provider.GetRequiredService<BearerTokenRegistry>().Actors);

        using var bad = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddOmniGraphBearerTokens(static () => new BearerTokenSources(" ", null, null))
            .BuildServiceProvider();
        Assert.Equal(ErrorCodes.AuthTokenBlank, Assert.Throws<OmniGraphException>(() => bad.GetRequiredService<BearerTokenRegistry>()).Code);
    }
}
