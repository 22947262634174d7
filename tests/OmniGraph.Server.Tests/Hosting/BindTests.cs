using System.Net;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Hosting;

/// <summary>
/// <c>--bind</c> (docs/server.md, "Starting and stopping"): the default is <c>127.0.0.1:8080</c>, an address must be
/// <c>IP:PORT</c> (IPv6 in brackets), and anything else is a usage error before anything starts.
/// </summary>
public sealed class BindTests
{
    [Fact]
    public void TheDefault_IsLoopbackPort8080()
    {
        Assert.Equal("127.0.0.1:8080", OmniGraphServerOptions.DefaultBind);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), new OmniGraphServerOptions().ParseBind());
    }

    [Theory]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("0.0.0.0:9000", "0.0.0.0", 9000)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void AnIpAndAPort_AreParsed(string bind, string address, int port) =>
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), new OmniGraphServerOptions { Bind = bind }.ParseBind());

    [Theory]
    [InlineData("localhost:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("::1:8080")]
    [InlineData(":8080")]
    public async Task AnythingElse_IsAUsageError_BeforeAnythingStarts(string bind)
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        var result = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", bind, "--unauthenticated");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("error[usage]: --bind needs ADDR:PORT", result.Error, StringComparison.Ordinal);
    }
}
