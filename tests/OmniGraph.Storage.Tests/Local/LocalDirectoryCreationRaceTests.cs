using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>
/// Writers that put the first objects of a directory at the same time all find the directory missing and create it
/// together. Every write must succeed: a writer whose create-new open lost the race to a concurrent mkdir must retry,
/// not fail (the runtime reports that open failure as FileNotFoundException, not DirectoryNotFoundException).
/// </summary>
public sealed class LocalDirectoryCreationRaceTests : IDisposable
{
    private const int Directories = 100;
    private const int WritersPerDirectory = 8;

    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(WriteConditionKind.IfNotExists)]
    [InlineData(WriteConditionKind.None)]
    public async Task FirstWritesIntoANewDirectory_RacingWriters_AllSucceed(WriteConditionKind kind)
    {
        var store = new LocalDirectoryObjectStore(_directory.Combine("store"));
        var condition = kind == WriteConditionKind.IfNotExists ? WriteCondition.IfNotExists : WriteCondition.None;

        for (var d = 0; d < Directories; d++)
        {
            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, WritersPerDirectory)
                .Select(w => Task.Run(async () =>
                {
                    start.Wait();
                    await store.PutAsync($"fresh/d{d}/deeper/w{w}", Bytes.Utf8("x"), condition);
                }))
                .ToArray();
            start.Set();
            await Task.WhenAll(writers);
        }

        var listed = await store.ListAsync("fresh/", null, Directories * WritersPerDirectory);
        Assert.Equal(Directories * WritersPerDirectory, listed.Objects.Count);
    }

    public void Dispose() => _directory.Dispose();
}
