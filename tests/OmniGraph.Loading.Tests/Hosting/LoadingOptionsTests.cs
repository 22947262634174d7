using OmniGraph.Loading.Hosting;
using OmniGraph.Storage;

namespace OmniGraph.Loading.Tests.Hosting;

public sealed class LoadingOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var result = new OmniGraphLoadingOptionsValidator().Validate(null, new OmniGraphLoadingOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void BadValues_AreEachReported()
    {
        var result = new OmniGraphLoadingOptionsValidator().Validate(null, new OmniGraphLoadingOptions
        {
            MaxFragmentWritesInFlight = 0,
            ExportPageRows = 0,
            ExportChunkBytes = 10,
        });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, static f => f.Contains(nameof(OmniGraphLoadingOptions.MaxFragmentWritesInFlight), StringComparison.Ordinal));
    }

    /// <summary>Invalid options fail the silo's start, not the first load.</summary>
    [Fact]
    public async Task InvalidOptions_FailSiloStart()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Support.LoadingHost.StartAsync(new MemoryObjectStore(), loading: o => o.MaxFragmentWritesInFlight = 0));
    }
}
