using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

public sealed class VersionAndHelpTests
{
    [Fact]
    public async Task Version_PrintsProductAndStorageVersions()
    {
        var result = await CliRun.OkAsync("version");

        Assert.Equal("omnigraph 0.3.0\ninternal-schema 1\n", result.Out);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public async Task VersionFlag_PrintsProductVersion(string flag)
    {
        var result = await CliRun.OkAsync(flag);

        Assert.Equal("omnigraph 0.3.0\n", result.Out);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await CliRun.OkAsync("--help");

        foreach (var command in new[] { "init", "load", "snapshot", "export", "commit", "schema", "bench", "version" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var result = await CliRun.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error[usage]: no command given", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var result = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error[usage]: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupWithoutSubcommand_IsAUsageError()
    {
        var result = await CliRun.RunAsync("commit");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: 'commit' needs a subcommand (try omnigraph commit --help)\n", result.Error);
    }

    [Fact]
    public async Task VersionCommand_RejectsFlags()
    {
        var result = await CliRun.RunAsync("version", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--json", result.Error, StringComparison.Ordinal);
    }
}
