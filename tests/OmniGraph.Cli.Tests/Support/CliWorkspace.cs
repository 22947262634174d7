using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Support;

/// <summary>A temporary directory with the FX-TEST schema and data files; deleted when disposed.</summary>
internal sealed class CliWorkspace : IDisposable
{
    /// <summary>The schema file's text: FX-TEST ending with a line break, as a file does (<c>schema show</c> echoes it byte for byte).</summary>
    public const string Schema = AcceptanceFixtures.TestSchema + "\n";

    /// <summary>The data file's text: FX-TEST-DATA, every record ending with a line break.</summary>
    public const string Data = AcceptanceFixtures.TestData + "\n";

    private readonly TempDirectory _directory = new();

    public CliWorkspace()
    {
        SchemaFile = Write("test.pg", Schema);
        DataFile = Write("test.jsonl", Data);
        Graph = System.IO.Path.Combine(Root, "graph");
    }

    public string Root => _directory.Path;

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

    public void Dispose() => _directory.Dispose();
}
