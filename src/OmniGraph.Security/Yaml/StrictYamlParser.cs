using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OmniGraph.Security.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s, refusing what a configuration file has no use for and what
/// would make it ambiguous: duplicate keys (YAML says they are an error; many readers keep the last), keys that are not
/// scalars, anchors and aliases, explicit tags, and more than one document. Every refusal is a
/// an <see cref="OmniGraphException"/> (<c>policy_*</c>, <see cref="SecurityErrors.Policy"/>) with the position of the offending text.
/// </summary>
internal static class StrictYamlParser
{
    /// <summary>The deepest nesting accepted (a policy is three levels deep; this only stops pathological input).</summary>
    private const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="OmniGraphException"><c>policy_syntax_error</c>, <c>policy_duplicate_field</c>.</exception>
    public static YamlNode Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, "the file is empty: expected a YAML mapping");
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, source, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current;
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, "the file holds more than one YAML document", next is null ? default : At(next.Start));
            }

            return root;
        }
        catch (YamlException exception)
        {
            throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"not valid YAML: {Describe(exception)}", At(exception.Start), exception);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) on some unterminated flow collections.
            var last = parser.Current is { } current ? At(current.End) : default;
            throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, "not valid YAML: the text ends inside a collection or quote that is never closed", last, exception);
        }
    }

    private static YamlNode ReadNode(IParser parser, string source, int depth)
    {
        if (depth > MaxDepth)
        {
            throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"nested deeper than {MaxDepth} levels", At(parser.Current!.Start));
        }

        var current = parser.Current ?? throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, "the text ends where a value was expected");
        switch (current)
        {
            case AnchorAlias alias:
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"aliases (*{alias.Value}) are not supported: write the value out", At(alias.Start));
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"anchors (&{anchored.Anchor.Value}) are not supported: write the value out", At(anchored.Start));
            case NodeEvent { Tag.IsEmpty: false } tagged when !IsNonSpecific(tagged):
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"explicit tags ({tagged.Tag.Value}) are not supported", At(tagged.Start));
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(scalar.Start));
            case SequenceStart start:
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, source, depth + 1));
                }

                return new YamlSequence(items, At(start.Start));
            case MappingStart start:
                parser.MoveNext();
                return ReadMapping(parser, source, At(start.Start), depth);
            default:
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"unexpected {current.GetType().Name}", At(current.Start));
        }
    }

    private static YamlMapping ReadMapping(IParser parser, string source, YamlPosition position, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var seen = new Dictionary<string, YamlPosition>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, source, depth + 1);
            if (keyNode is not YamlScalar key)
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicySyntaxError, source, $"a key must be a name, not {keyNode.KindName}", keyNode.Position);
            }

            if (seen.TryGetValue(key.Text, out var first))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicyDuplicateField, source, $"'{ErrorText.Quote(key.Text)}' is given twice (first at {first})", key.Position);
            }

            seen.Add(key.Text, key.Position);
            entries.Add(new(key, ReadNode(parser, source, depth + 1)));
        }

        return new YamlMapping(entries, position);
    }

    /// <summary>The non-specific tag <c>!</c> (a quoted scalar's implicit tag) is no explicit tag.</summary>
    private static bool IsNonSpecific(NodeEvent node) => node.Tag.Value == "!";

    private static YamlPosition At(Mark mark) => mark.Line > 0 ? new YamlPosition((int)mark.Line, (int)mark.Column) : default;

    /// <summary>YamlDotNet's message without its own "(Line: …)" prefix (the position is reported separately).</summary>
    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
