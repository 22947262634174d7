using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OmniGraph.Execution.Tests.Cases;

/// <summary>
/// One case file of tests/cases (format: tests/cases/README.md): a schema, JSONL data, and named cases, each a list of
/// steps (a read or a mutation, its parameters, and what it must give).
/// </summary>
internal sealed partial class CaseFile
{
    private CaseFile(string path, string schema, string data, ImmutableArray<Case> cases)
    {
        Path = path;
        Schema = schema;
        Data = data;
        Cases = cases;
    }

    /// <summary>The file's path relative to tests/cases, with '/' separators.</summary>
    public string Path { get; }

    public string Schema { get; }

    public string Data { get; }

    public ImmutableArray<Case> Cases { get; }

    [GeneratedRegex(@"^(?<code>[a-z_]+)(?:\s+(?<rule>T\d+))?(?:\s+at\s+(?<line>\d+):(?<column>\d+))?$")]
    private static partial Regex ErrorLine();

    /// <summary>Parses <paramref name="text"/>; a malformed file fails with its line.</summary>
    public static CaseFile Parse(string path, string text)
    {
        string? schema = null;
        string? data = null;
        var cases = ImmutableArray.CreateBuilder<Case>();
        Builder? current = null;
        var body = new StringBuilder();
        Action<string>? finish = null;
        var lineNumber = 0;

        void Flush()
        {
            finish?.Invoke(body.ToString().TrimEnd('\n'));
            finish = null;
            body.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                Flush();
                var header = line[3..].Trim();
                if (header == "schema")
                {
                    finish = value => schema = value;
                }
                else if (header == "data")
                {
                    finish = value => data = value;
                }
                else if (header.StartsWith("case ", StringComparison.Ordinal))
                {
                    current?.Build(cases, path);
                    current = new Builder(header[5..].Trim(), lineNumber);
                }
                else
                {
                    throw Malformed(path, lineNumber, $"unknown section '== {header}'");
                }

                continue;
            }

            if (line.StartsWith("-- ", StringComparison.Ordinal))
            {
                Flush();
                if (current is null)
                {
                    throw Malformed(path, lineNumber, "a step outside a case");
                }

                finish = current.Start(line[3..].Trim(), path, lineNumber);
                continue;
            }

            if (finish is null)
            {
                if (line.Trim().Length > 0)
                {
                    throw Malformed(path, lineNumber, "text outside a section");
                }

                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        current?.Build(cases, path);
        if (schema is null)
        {
            throw Malformed(path, 1, "no '== schema' section");
        }

        return new CaseFile(path, schema, data ?? string.Empty, cases.ToImmutable());
    }

    private static FormatException Malformed(string path, int line, string reason) => new($"{path}:{line}: {reason}");

    /// <summary>A named case: steps run in order on one fresh graph.</summary>
    internal sealed record Case(string Name, int Line, ImmutableArray<Step> Steps);

    /// <summary>A read or a mutation with its parameters and its expectation (rows or an error; a mutation may expect neither).</summary>
    internal sealed record Step(bool IsMutation, string Source, string? Parameters, RowsExpectation? Rows, ErrorExpectation? Error);

    /// <summary>The rows a read gives, as JSON objects; <see cref="Ordered"/> compares them in order.</summary>
    internal sealed record RowsExpectation(ImmutableArray<JsonObject> Rows, bool Ordered);

    /// <summary>The error a step fails with: its code, and when given its type rule and position in the query text.</summary>
    internal sealed record ErrorExpectation(string Code, string? Rule, int? Line, int? Column);

    /// <summary>Collects the steps of one case.</summary>
    private sealed class Builder(string name, int line)
    {
        private readonly List<Step> _steps = [];
        private string? _parameters;

        public Action<string> Start(string section, string path, int lineNumber)
        {
            if (section == "params")
            {
                return value => _parameters = value;
            }

            if (section is "query" or "mutation")
            {
                var isMutation = section == "mutation";
                var parameters = _parameters;
                _parameters = null;
                return value => _steps.Add(new Step(isMutation, value, parameters, null, null));
            }

            if (_steps.Count == 0 || _steps[^1] is { Rows: not null } or { Error: not null })
            {
                throw Malformed(path, lineNumber, $"'-- {section}' must follow a query or a mutation");
            }

            if (section is "rows" or "rows ordered")
            {
                var ordered = section == "rows ordered";
                return value =>
                {
                    var rows = value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                        .Select(row => JsonNode.Parse(row) as JsonObject ?? throw Malformed(path, lineNumber, $"a row is not a JSON object: {row}"));
                    _steps[^1] = _steps[^1] with { Rows = new RowsExpectation([.. rows], ordered) };
                };
            }

            if (section.StartsWith("error ", StringComparison.Ordinal))
            {
                var match = ErrorLine().Match(section[6..].Trim());
                if (!match.Success)
                {
                    throw Malformed(path, lineNumber, $"expected '-- error CODE [RULE] [at LINE:COLUMN]', got '-- {section}'");
                }

                int? Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;
                var error = new ErrorExpectation(match.Groups["code"].Value, match.Groups["rule"].Success ? match.Groups["rule"].Value : null, Number("line"), Number("column"));
                _steps[^1] = _steps[^1] with { Error = error };
                return value =>
                {
                    if (value.Trim().Length > 0)
                    {
                        throw Malformed(path, lineNumber, "'-- error' takes no lines after it");
                    }
                };
            }

            throw Malformed(path, lineNumber, $"unknown step '-- {section}'");
        }

        public void Build(ImmutableArray<Case>.Builder cases, string path)
        {
            if (_steps.Count == 0)
            {
                throw Malformed(path, line, $"case '{name}' has no step");
            }

            if (_parameters is not null)
            {
                throw Malformed(path, line, $"case '{name}': '-- params' must come before the query or mutation it is for");
            }

            foreach (var step in _steps)
            {
                if (!step.IsMutation && step.Rows is null && step.Error is null)
                {
                    throw Malformed(path, line, $"case '{name}': a query step needs '-- rows' or '-- error'");
                }
            }

            if (cases.Any(c => c.Name == name))
            {
                throw Malformed(path, line, $"two cases are named '{name}'");
            }

            cases.Add(new Case(name, line, [.. _steps]));
        }
    }
}
