using System.Text;
using OmniGraph.Abstractions;

namespace OmniGraph.Execution.Tests.Support;

/// <summary>One graph of the test cluster: load JSONL lines with the loader, run reads through the query grain, mutate.</summary>
internal sealed class TestGraph(IGraphClient client)
{
    public IGraphClient Client { get; } = client;

    public Task<LoadOutput> LoadAsync(string jsonl, GraphLoadMode mode = GraphLoadMode.Overwrite) =>
        Client.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), mode);

    public Task<ChangeOutput> MutateAsync(string source, string? name = null, string? parameters = null) =>
        Client.MutateAsync(source, name, parameters);

    public async Task<Result> QueryAsync(string source, string? parameters = null, string? name = null, QueryTarget? target = null) =>
        new(await Client.QueryAsync(source, name, parameters, target));
}
