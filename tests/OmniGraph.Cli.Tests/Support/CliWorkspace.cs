namespace OmniGraph.Cli.Tests.Support;

/// <summary>A temporary directory with the FX-TEST schema and data files; deleted when disposed.</summary>
internal sealed class CliWorkspace : IDisposable
{
    public const string Schema = """
        node Person {
            name: String @key
            age: I32?
        }

        node Company {
            name: String @key
        }

        edge Knows: Person -> Person {
            since: Date?
        }

        edge WorksAt: Person -> Company

        """;

    public const string Data = """
        {"type": "Person", "data": {"name": "Alice", "age": 30}}
        {"type": "Person", "data": {"name": "Bob", "age": 25}}
        {"type": "Person", "data": {"name": "Charlie", "age": 35}}
        {"type": "Person", "data": {"name": "Diana", "age": 28}}
        {"type": "Company", "data": {"name": "Acme"}}
        {"type": "Company", "data": {"name": "Globex"}}
        {"edge": "Knows", "from": "Alice", "to": "Bob"}
        {"edge": "Knows", "from": "Alice", "to": "Charlie"}
        {"edge": "Knows", "from": "Bob", "to": "Diana"}
        {"edge": "WorksAt", "from": "Alice", "to": "Acme"}
        {"edge": "WorksAt", "from": "Bob", "to": "Globex"}

        """;

    public CliWorkspace()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"og-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        SchemaFile = Write("test.pg", Schema);
        DataFile = Write("test.jsonl", Data);
        Graph = System.IO.Path.Combine(Root, "graph");
    }

    public string Root { get; }

    public string SchemaFile { get; }

    public string DataFile { get; }

    /// <summary>Where the graph goes (not created until <c>init</c>).</summary>
    public string Graph { get; }

    /// <summary>Writes a file in the workspace and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Every file under the graph directory with its length (to prove a failed command changed nothing).</summary>
    public SortedDictionary<string, long> GraphFiles()
    {
        var files = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (Directory.Exists(Graph))
        {
            foreach (var file in Directory.EnumerateFiles(Graph, "*", SearchOption.AllDirectories))
            {
                files[System.IO.Path.GetRelativePath(Graph, file)] = new FileInfo(file).Length;
            }
        }

        return files;
    }

    /// <summary>Initialises the graph and loads the FX-TEST data with overwrite.</summary>
    public async Task InitAndLoadAsync()
    {
        await CliRun.OkAsync("init", "--schema", SchemaFile, Graph);
        await CliRun.OkAsync("load", Graph, "--data", DataFile, "--mode", "overwrite", "--quiet");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still hold a file for a moment.
        }
    }
}
