using System.Reflection;
using System.Text.RegularExpressions;
using OmniGraph.Grains.FailureInjection;

namespace OmniGraph.Grains.Tests.FailureInjection;

/// <summary>
/// The failpoint catalogue and the engine's injection sites agree: every catalogued failpoint has a site before and a
/// site after its durable step, every site names a catalogued failpoint, and tests arm failpoints by field, never by name.
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

    [Fact]
    public void Tests_NeverNameFailpointsWithStrings()
    {
        var offenders = SourceFiles("tests/OmniGraph.Grains.Tests")
            .Where(static path => ArmByString().IsMatch(File.ReadAllText(path)))
            .ToArray();
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> SourceFiles(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OmniGraph.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Directory.EnumerateFiles(Path.Combine(directory.FullName, relative), "*.cs", SearchOption.AllDirectories)
            .Where(static p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"_failpoints\.BeforeAsync\(Failpoints\.(\w+)")]
    private static partial Regex BeforeSite();

    [GeneratedRegex(@"_failpoints\.After\(Failpoints\.(\w+)")]
    private static partial Regex AfterSite();

    [GeneratedRegex(@"\.Arm\(\s*""")]
    private static partial Regex ArmByString();
}
