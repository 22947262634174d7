using System.Globalization;

namespace OmniGraph.Security.Yaml;

/// <summary>
/// Typed, strict reading of a <see cref="YamlMapping"/>'s fields: every field must be one the format defines, the
/// required ones must be there, and each value must be of the expected kind. Every refusal is a
/// an <see cref="OmniGraphException"/> (<c>policy_*</c>, <see cref="SecurityErrors.Policy"/>) naming the field by its path (<c>rules[1].allow.actions</c>) and position.
/// </summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, (YamlScalar Key, YamlNode Value)> _fields;

    private YamlFields(string source, string path, YamlMapping mapping, Dictionary<string, (YamlScalar, YamlNode)> fields)
    {
        Source = source;
        Path = path;
        Mapping = mapping;
        _fields = fields;
    }

    /// <summary>The file, for messages.</summary>
    public string Source { get; }

    /// <summary>The path of the mapping (empty for the root).</summary>
    public string Path { get; }

    /// <summary>The mapping itself.</summary>
    public YamlMapping Mapping { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping with only the <paramref name="allowed"/> fields, all <paramref name="required"/> ones present.</summary>
    /// <exception cref="OmniGraphException"><c>policy_invalid_value</c>, <c>policy_unknown_field</c>, <c>policy_missing_field</c>.</exception>
    public static YamlFields Of(string source, string path, YamlNode node, IReadOnlyList<string> allowed, IReadOnlyList<string> required)
    {
        if (node is not YamlMapping mapping)
        {
            throw Invalid(source, path, node, $"must be a mapping, not {node.KindName}");
        }

        var fields = new Dictionary<string, (YamlScalar, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!allowed.Contains(key.Text, StringComparer.Ordinal))
            {
                throw SecurityErrors.Policy(
                    ErrorCodes.PolicyUnknownField,
                    source,
                    $"unknown field '{ErrorText.Quote(key.Text)}' in {Describe(path)} (expected {string.Join(", ", allowed)})",
                    key.Position);
            }

            fields.Add(key.Text, (key, value));
        }

        foreach (var name in required)
        {
            if (!fields.ContainsKey(name))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicyMissingField, source, $"{Describe(path)} has no '{name}' (it is required)", mapping.Position);
            }
        }

        return new YamlFields(source, path, mapping, fields);
    }

    /// <summary>Whether the field is present.</summary>
    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>The field's value node, or <c>null</c> when absent.</summary>
    public YamlNode? Node(string name) => _fields.TryGetValue(name, out var field) ? field.Value : null;

    /// <summary>The path of a field, for messages and nested reads.</summary>
    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Where the field's key is written.</summary>
    public YamlPosition KeyPosition(string name) => _fields.TryGetValue(name, out var field) ? field.Key.Position : Mapping.Position;

    /// <summary>A required non-blank name (trimmed).</summary>
    public string Name(string name) => ReadName(Source, PathOf(name), Node(name)!);

    /// <summary>An optional non-blank name, or <c>null</c> when absent.</summary>
    public string? OptionalName(string name) => Node(name) is { } node ? ReadName(Source, PathOf(name), node) : null;

    /// <summary>A required integer.</summary>
    public long Integer(string name)
    {
        var node = Node(name)!;
        if (node is YamlScalar { IsPlain: true } scalar && long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Invalid(Source, PathOf(name), node, "must be an integer");
    }

    /// <summary>A list of non-blank, distinct names; <paramref name="allowEmpty"/> says whether <c>[]</c> is accepted.</summary>
    public IReadOnlyList<(string Name, YamlPosition Position)> Names(string name, bool allowEmpty)
    {
        var path = PathOf(name);
        var node = Node(name)!;
        var items = Sequence(path, node, allowEmpty);
        var names = new List<(string, YamlPosition)>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = ReadName(Source, $"{path}[{i}]", items[i]);
            if (!seen.Add(item))
            {
                throw Invalid(Source, $"{path}[{i}]", items[i], $"repeats '{ErrorText.Quote(item)}'");
            }

            names.Add((item, items[i].Position));
        }

        return names;
    }

    /// <summary>The items of a list field.</summary>
    public IReadOnlyList<YamlNode> Sequence(string path, YamlNode node, bool allowEmpty)
    {
        if (node is not YamlSequence sequence)
        {
            throw Invalid(Source, path, node, $"must be a list, not {node.KindName}");
        }

        if (!allowEmpty && sequence.Items.Count == 0)
        {
            throw Invalid(Source, path, node, "must not be empty");
        }

        return sequence.Items;
    }

    /// <summary>A <c>policy_invalid_value</c> error about the value at <paramref name="path"/>.</summary>
    public static OmniGraphException Invalid(string source, string path, YamlNode node, string reason) =>
        SecurityErrors.Policy(ErrorCodes.PolicyInvalidValue, source, $"{Describe(path)} {reason}", node.Position);

    private static string ReadName(string source, string path, YamlNode node)
    {
        if (node is not YamlScalar scalar)
        {
            throw Invalid(source, path, node, $"must be a name, not {node.KindName}");
        }

        var text = scalar.IsNull ? string.Empty : scalar.Text.Trim();
        if (text.Length == 0)
        {
            throw Invalid(source, path, node, "must not be blank");
        }

        return text;
    }

    private static string Describe(string path) => path.Length == 0 ? "the document" : $"'{path}'";
}
