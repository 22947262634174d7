using System.Globalization;

namespace OmniGraph.TestWorker;

/// <summary>The <c>--name value</c> options of a worker command line.</summary>
public sealed class WorkerArguments
{
    private readonly Dictionary<string, string> _values;

    private WorkerArguments(Dictionary<string, string> values) => _values = values;

    /// <summary>Parses <c>--name value</c> pairs.</summary>
    /// <exception cref="WorkerUsageException">An argument is not a <c>--name value</c> pair, or a name repeats.</exception>
    public static WorkerArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new WorkerUsageException($"expected an option name like --name, got '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new WorkerUsageException($"option '{args[i]}' needs a value");
            }

            if (!values.TryAdd(args[i][2..], args[i + 1]))
            {
                throw new WorkerUsageException($"option '{args[i]}' is given twice");
            }
        }

        return new WorkerArguments(values);
    }

    /// <summary>A required text option.</summary>
    public string GetString(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new WorkerUsageException($"missing option --{name}");

    /// <summary>An optional text option.</summary>
    public string? GetOptionalString(string name) => _values.GetValueOrDefault(name);

    /// <summary>A required integer option.</summary>
    public int GetInt32(string name, int minimum = int.MinValue)
    {
        var text = GetString(name);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new WorkerUsageException($"option --{name} must be an integer of at least {minimum}, got '{text}'");
        }

        return value;
    }
}
