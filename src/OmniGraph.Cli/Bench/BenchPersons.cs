using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary>Persons of the data set as load lines: what the write steps (<c>upsert32</c>, <c>merge32</c>) send.</summary>
internal static class BenchPersons
{
    /// <summary>The <c>person.csv</c> rows (<c>id,name,age,city,joined,score</c>) of the given ids.</summary>
    public static Dictionary<string, string[]> Read(string path, HashSet<string> wanted)
    {
        var persons = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && wanted.Contains(line[..comma]))
            {
                var fields = line.Split(',');
                if (fields.Length != 6)
                {
                    throw CliErrors.BenchData($"{path}: expected 6 fields in '{line}'");
                }

                persons[fields[0]] = fields;
            }
        }

        var missing = wanted.FirstOrDefault(id => !persons.ContainsKey(id));
        return missing is null ? persons : throw CliErrors.BenchData($"{path} has no person '{missing}'");
    }

    /// <summary>The first <paramref name="count"/> <c>person.csv</c> rows (fewer when the file has fewer).</summary>
    public static List<string[]> First(string path, int count)
    {
        var persons = new List<string[]>(count);
        foreach (var line in File.ReadLines(path).Take(count))
        {
            var fields = line.Split(',');
            persons.Add(fields.Length == 6 ? fields : throw CliErrors.BenchData($"{path}: expected 6 fields in '{line}'"));
        }

        return persons;
    }

    /// <summary>One merge-load line of a person with a new score (a merge replaces the whole row, so every property is written).</summary>
    public static void AppendLine(StringBuilder lines, string[] person, double score)
    {
        lines.Append("{\"type\":\"Person\",\"data\":{\"id_str\":").Append(JsonSerializer.Serialize(person[0]))
            .Append(",\"name\":").Append(JsonSerializer.Serialize(person[1]))
            .Append(",\"age\":").Append(int.Parse(person[2], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
            .Append(",\"city\":").Append(JsonSerializer.Serialize(person[3]))
            .Append(",\"joined\":").Append(JsonSerializer.Serialize(person[4]))
            .Append(",\"score\":").Append(score.ToString("R", CultureInfo.InvariantCulture))
            .Append("}}\n");
    }
}
