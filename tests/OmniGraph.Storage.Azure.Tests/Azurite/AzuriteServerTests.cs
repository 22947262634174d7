using System.Diagnostics;
using Azure.Storage.Blobs;
using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Azure.Tests.Azurite;

/// <summary>The Azurite fixture itself: loopback and free ports, answering before it is handed out, gone afterwards, a clock tests move.</summary>
public sealed class AzuriteServerTests
{
    [Fact]
    public async Task StartAsync_ServesBlobQueueAndTableOnLoopbackAndStopsOnDispose()
    {
        var server = await AzuriteServer.StartAsync();
        int processId;
        try
        {
            processId = server.ProcessId;
            var ports = new[] { server.BlobEndpoint.Port, server.QueueEndpoint.Port, server.TableEndpoint.Port };

            Assert.All(new[] { server.BlobEndpoint, server.QueueEndpoint, server.TableEndpoint }, e => Assert.Equal("127.0.0.1", e.Host));
            Assert.Equal(3, ports.Distinct().Count());
            Assert.Contains($"BlobEndpoint={server.BlobEndpoint}", server.ConnectionString, StringComparison.Ordinal);
            await new BlobServiceClient(server.ConnectionString).GetPropertiesAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.True(server.HasExited);
        Assert.False(IsRunning(processId));
    }

    [Fact]
    public async Task HostScript_EndsNodeWhenItsStdinCloses()
    {
        // The lifeline: a test process that dies, however hard, closes the pipe, and Azurite exits with it.
        var installation = await AzuriteInstaller.EnsureInstalledAsync();
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["--require", installation.HostScript, "-e", "setInterval(() => {}, 1000)"])
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        try
        {
            await Task.Delay(300);
            Assert.False(node.HasExited);

            node.StandardInput.Close();

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await node.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, node.ExitCode);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task AdvanceClockAsync_MovesTheEmulatorsTimeOnlyWhenControllable()
    {
        var shared = await AzuriteServer.GetSharedAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.AdvanceClockAsync(TimeSpan.FromDays(1)));

        await using var clocked = await AzuriteServer.StartAsync(new AzuriteServerOptions { ControllableClock = true });
        var store = AzuriteStores.Create(clocked);
        var before = await store.PutAsync("a", Bytes.Utf8("x"), WriteCondition.None);

        await clocked.AdvanceClockAsync(TimeSpan.FromDays(1));
        var after = await store.PutAsync("b", Bytes.Utf8("x"), WriteCondition.None);

        Assert.InRange(after.LastModified - before.LastModified, TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
