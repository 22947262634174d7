var builder = Host.CreateApplicationBuilder(args);
var (folder, port) = (builder.Configuration["Folder"] ?? Path.Combine(Path.GetTempPath(), $"omnigraph-console-{Guid.NewGuid():N}"), builder.Configuration.GetValue("SiloPort", 11111));
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.UseOrleans(silo => silo.UseLocalhostClustering(port, port + 1).AddOmniGraphLoading().AddOmniGraphExecution().AddOmniGraphMutations());
builder.Services.AddOmniGraph(options => options.AddGraph("social", folder));
using var host = builder.Build();
await host.StartAsync();
var social = host.Services.GetRequiredService<IGraphClientFactory>().GetClient("social");
string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "social", file));
await social.InitializeAsync(Sample("schema.pg"));
Console.WriteLine($"loaded {(await social.LoadJsonlAsync(Sample("data.jsonl"), GraphLoadMode.Overwrite)).TotalEntities} entities into {folder}");
await social.CreateBranchAsync("draft");
await social.MutateAsync(new MutationRequest(Sample("queries.gq"), "add_person") { Parameters = """{"name":"Grace","age":45,"joined":"2024-05-01"}""", Branch = "draft" });
foreach (var branch in new[] { BranchNames.Main, "draft" })
{
    Console.WriteLine($"{branch}: {(await social.QueryAsync("query everyone() { match { $p: Person } return { $p.name } }", target: QueryTarget.Head(branch))).RowCount} people");
}

await host.StopAsync();
