using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Ingest.Tests.Support;

namespace OmniGraph.Ingest.Tests.Hosting;

/// <summary>Intake states (completed, faulted), options validation and service registration.</summary>
public sealed class IntakeLifecycleTests
{
    [Fact]
    public void AfterAnError_TheIntakeIsFaulted()
    {
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Append);
        var first = Assert.IsType<IngestException>(Record.Exception(() => intake.Feed("""{"type":"Nope"}"""u8 + "\n"u8)));

        var again = Assert.Throws<InvalidOperationException>(() => intake.Feed("""{"type":"Person","data":{"name":"A"}}"""u8 + "\n"u8));
        Assert.Same(first, again.InnerException);
        Assert.Throws<InvalidOperationException>(() => intake.Complete());
    }

    [Fact]
    public void AfterComplete_TheIntakeAcceptsNoMoreInput()
    {
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Append);
        intake.Complete();

        Assert.Throws<InvalidOperationException>(() => intake.Feed("{}"u8));
        Assert.Throws<InvalidOperationException>(() => intake.Complete());
    }

    [Fact]
    public void EmptyInput_CompletesWithNothing()
    {
        var result = new JsonlIntake(Schemas.Test, LoadMode.Overwrite).Complete();

        Assert.Empty(result.Tables);
        Assert.Equal(0, result.TotalEntities);
        Assert.Equal(LoadMode.Overwrite, result.Mode);
    }

    [Theory]
    [InlineData(0, 1L, 10, "FragmentMaxRows")]
    [InlineData(1, 0L, 10, "FragmentMaxBytes")]
    [InlineData(1, 1L, 0, "MaxLineBytes")]
    [InlineData(1, 1L, int.MaxValue, "MaxLineBytes")]
    public void InvalidOptions_AreRejected(int rows, long bytes, int lineBytes, string property)
    {
        var options = new JsonlIntakeOptions { FragmentMaxRows = rows, FragmentMaxBytes = bytes, MaxLineBytes = lineBytes };

        var error = Assert.Throws<OptionsValidationException>(() => new JsonlIntake(Schemas.Test, LoadMode.Append, options));
        Assert.Contains(property, error.Message);
    }

    [Fact]
    public void UnknownMode_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonlIntake(Schemas.Test, (LoadMode)9));

    [Fact]
    public void AddJsonlIntake_RegistersAFactoryWithTheConfiguredOptions()
    {
        using var provider = new ServiceCollection()
            .AddJsonlIntake(options => options.FragmentMaxRows = 2)
            .BuildServiceProvider();

        var factory = provider.GetRequiredService<JsonlIntakeFactory>();
        var intake = factory.Create(Schemas.Test, LoadMode.Merge);
        intake.Feed("{\"type\":\"Person\",\"data\":{\"name\":\"A\"}}\n{\"type\":\"Person\",\"data\":{\"name\":\"B\"}}\n"u8);

        Assert.Equal(LoadMode.Merge, intake.Mode);
        Assert.Equal(1, intake.PendingFragmentCount);
    }

    [Fact]
    public void AddJsonlIntake_ValidatesTheOptions()
    {
        using var provider = new ServiceCollection()
            .AddJsonlIntake(options => options.MaxLineBytes = -1)
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<JsonlIntakeFactory>());
    }
}
