using System.Reflection;
using System.Text.RegularExpressions;
using OmniGraph.Grains.FailureInjection;

namespace OmniGraph.Grains.Tests.FailureInjection;

/// <summary>
/// The failpoint catalogue and the engine's injection sites agree: every catalogued failpoint has a site before and a
/// site after its durable step, every site names a catalogued failpoint, and no test names a failpoint by string.
/// </summary>
public sealed partial class FailpointCatalogueTests
{
    [Fact]
    public void CatalogueAndInjectionSites_Agree()
    {
        var catalogue = typeof(OmniGraph.Grains.FailureInjection.Failpoints)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.FieldType == typeof(Failpoint))
            .ToDictionary(static f => f.Name, static f => (Failpoint)f.GetValue(null)!);
        Assert.Equal(catalogue.Count, OmniGraph.Grains.FailureInjection.Failpoints.All.Length);
        Assert.Equal(catalogue.Count, OmniGraph.Grains.FailureInjection.Failpoints.All.Select(static f => f.Name).Distinct().Count());
        Assert.All(OmniGraph.Grains.FailureInjection.Failpoints.All, f => Assert.Contains(f, catalogue.Values));

        var sources = SourceFiles("src/OmniGraph.Grains").Select(File.ReadAllText).ToArray();
        var before = sources.SelectMany(static s => BeforeSite().Matches(s)).Select(static m => m.Groups[1].Value).ToHashSet();
        var after = sources.SelectMany(static s => AfterSite().Matches(s)).Select(static m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(catalogue.Keys.Order(), before.Order());
        Assert.Equal(catalogue.Keys.Order(), after.Order());
    }

    /// <summary>
    /// Every test project (and the test worker and shared test libraries) names failpoints by their catalogue field: no
    /// arming by a string, no failpoint constructed in a test, no failpoint name spelled as a string literal. The detectors are
    /// checked on samples first, and the scan must reach every project under <c>tests/</c>.
    /// </summary>
    [Fact]
    public void Tests_NeverNameFailpointsWithStrings()
    {
        var literals = OmniGraph.Grains.FailureInjection.Failpoints.All.Select(static f => $"\"{f.Name}\"").ToArray();
        bool NamesByString(string text) =>
            ArmByString().IsMatch(text) || NewFailpoint().IsMatch(text) || literals.Any(l => text.Contains(l, StringComparison.Ordinal));
        Assert.True(NamesByString("registry.Arm(\"commit.sidecar_write\", FailpointAction.PauseBefore)"));
        Assert.True(NamesByString("var point = new " + "Failpoint(\"x\", \"y\");"));
        Assert.True(NamesByString($"Start(\"--pause\", {literals[0]})"));
        Assert.False(NamesByString("registry.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore)"));

        var files = SourceFiles("tests").ToArray();
        var projects = Directory.EnumerateFiles(Path.Combine(Root(), "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(static p => Path.GetDirectoryName(p)!)
            .ToArray();
        Assert.True(projects.Length >= 10, $"found only {projects.Length} test projects");
        Assert.All(projects, project => Assert.Contains(files, f => f.StartsWith(project + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
        var offenders = files.Where(path => NamesByString(File.ReadAllText(path))).ToArray();
        Assert.True(offenders.Length == 0, $"failpoints named by string in: {string.Join(", ", offenders)}");
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OmniGraph.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no OmniGraph.Orleans.sln above {AppContext.BaseDirectory}");
    }

    private static IEnumerable<string> SourceFiles(string relative)
    {
        var excluded = new[] { $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}" };
        return Directory.EnumerateFiles(Path.Combine(Root(), relative), "*.cs", SearchOption.AllDirectories)
            .Where(p => !excluded.Any(e => p.Contains(e, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"_failpoints\.BeforeAsync\(Failpoints\.(\w+)")]
    private static partial Regex BeforeSite();

    [GeneratedRegex(@"_failpoints\.After\(Failpoints\.(\w+)")]
    private static partial Regex AfterSite();

    [GeneratedRegex(@"\.Arm\(\s*""")]
    private static partial Regex ArmByString();

    [GeneratedRegex(@"new\s+Failpoint\s*\(")]
    private static partial Regex NewFailpoint();
}
