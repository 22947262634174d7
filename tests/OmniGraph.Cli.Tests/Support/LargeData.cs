using System.Globalization;
using System.Text;

namespace OmniGraph.Cli.Tests.Support;

/// <summary>Generated load files for the process tests (FX-TEST schema).</summary>
internal static class LargeData
{
    /// <summary>
    /// <paramref name="persons"/> persons named <c>{prefix}{i}</c> with ages, and <paramref name="edgesPerPerson"/> Knows
    /// edges each with explicit ids, so the file's content is deterministic.
    /// </summary>
    public static string Write(CliWorkspace workspace, string name, string prefix, int persons, int edgesPerPerson)
    {
        var text = new StringBuilder(persons * (60 + (edgesPerPerson * 80)));
        for (var i = 0; i < persons; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"Person\",\"data\":{{\"name\":\"{prefix}{i}\",\"age\":{i % 97}}}}}\n");
        }

        for (var i = 0; i < persons; i++)
        {
            for (var e = 1; e <= edgesPerPerson; e++)
            {
                var target = (i + (e * 7919)) % persons;
                text.Append(CultureInfo.InvariantCulture, $"{{\"edge\":\"Knows\",\"from\":\"{prefix}{i}\",\"to\":\"{prefix}{target}\",\"data\":{{\"id\":\"{prefix}k{i}-{e}\",\"since\":\"2020-01-{1 + (e % 28):D2}\"}}}}\n");
            }
        }

        return workspace.Write(name, text.ToString());
    }
}
