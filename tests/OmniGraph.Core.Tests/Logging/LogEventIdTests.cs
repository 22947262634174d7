using System.Text.RegularExpressions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Core.Tests.Logging;

/// <summary>
/// One registry of log event ids (<see cref="LogEventId"/>): every <c>[LoggerMessage]</c> of the shipped code names a
/// member of it, each member is used by exactly one message, and no two members share an id. A message with a literal
/// id, or two messages on one id (as the embedding and audit log messages once collided on 4101–4103), fails here.
/// </summary>
public sealed partial class LogEventIdTests
{
    [Fact]
    public void EveryId_IsUnique()
    {
        var clashes = Enum.GetValues<LogEventId>()
            .GroupBy(static id => (int)id)
            .Where(static group => group.Count() > 1)
            .Select(static group => $"{group.Key}: {string.Join(", ", Enum.GetNames<LogEventId>().Where(name => (int)Enum.Parse<LogEventId>(name) == group.Key))}")
            .ToList();
        Assert.True(clashes.Count == 0, $"log event ids used twice: {string.Join("; ", clashes)}");
    }

    [Fact]
    public void EveryLoggerMessage_NamesOneRegistryMember_AndEveryMemberIsUsedOnce()
    {
        var uses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var literal = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Path("src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match attribute in LoggerMessage().Matches(File.ReadAllText(file)))
            {
                var member = RegistryMember().Match(attribute.Value);
                if (!member.Success)
                {
                    literal.Add($"{Path.GetFileName(file)}: {attribute.Value}");
                    continue;
                }

                if (!uses.TryGetValue(member.Groups[1].Value, out var files))
                {
                    uses[member.Groups[1].Value] = files = [];
                }

                files.Add(Path.GetFileName(file));
            }
        }

        Assert.True(literal.Count == 0, $"[LoggerMessage] without a LogEventId member: {string.Join("; ", literal)}");
        Assert.True(uses.Count > 50, $"only {uses.Count} log messages found: is the source tree where the test looks?");
        Assert.Empty(uses.Where(static use => use.Value.Count > 1).Select(static use => $"{use.Key} ({string.Join(", ", use.Value)})"));
        Assert.All(uses.Keys, static name => Assert.True(Enum.IsDefined(typeof(LogEventId), name), $"{name} is not in LogEventId"));
        Assert.All(Enum.GetNames<LogEventId>(), name => Assert.True(uses.ContainsKey(name), $"no message uses LogEventId.{name}"));
    }

    [GeneratedRegex(@"\[LoggerMessage\([^\n]*")]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"\(int\)LogEventId\.(\w+)")]
    private static partial Regex RegistryMember();
}
