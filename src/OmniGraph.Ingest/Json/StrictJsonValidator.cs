using System.Text.Json;

namespace OmniGraph.Ingest;

/// <summary>
/// The strict JSON rules checked over a whole line: exactly one well-formed JSON value, no duplicate member in any
/// object at any depth, no escape that decodes to invalid text. The intake reads records in one forward pass and
/// only runs this when it is about to report another error for the line, so that a malformed line always reports
/// its JSON problem (first in document order), exactly as a parse-then-interpret reader would.
/// </summary>
internal static class StrictJsonValidator
{
    /// <summary>Throws the <c>invalid strict JSON</c> error of <paramref name="line"/>, if it has one.</summary>
    /// <exception cref="IngestException">The line is not strict JSON.</exception>
    public static void ThrowIfInvalid(ReadOnlySpan<byte> line, long lineNumber, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(line, options);
        var members = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        members.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        members.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        members.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!members.Peek()!.Add(name))
                        {
                            throw IngestException.InvalidJson(lineNumber, DuplicateMember(name));
                        }

                        break;
                    case JsonTokenType.String:
                        // Decoding is what detects an escape of a lone surrogate.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw IngestException.InvalidJson(lineNumber, Describe(exception, line, options.MaxDepth), exception);
        }
        catch (InvalidOperationException exception)
        {
            throw IngestException.InvalidJson(lineNumber, "a string holds a \\u escape that is not valid UTF-16 (lone surrogate)", exception);
        }
    }

    /// <summary>The documented duplicate-member text.</summary>
    public static string DuplicateMember(string name) => $"duplicate JSON member '{name}'";

    /// <summary>
    /// What is wrong with a line the reader refused, in our words (<see cref="JsonSyntax"/>): the column and what was
    /// expected. A line that ends inside its object is most often a pretty-printed record, so that case says what a record
    /// must be. The framework's message is never shown; an error of our own (a lone-surrogate escape) keeps its text.
    /// </summary>
    public static string Describe(JsonException exception, ReadOnlySpan<byte> line, int maxDepth)
    {
        if (JsonSyntax.FindError(line, maxDepth > 0 ? maxDepth : JsonSyntax.DefaultMaxDepth) is { } syntax)
        {
            var reason = $"column {syntax.Column}: {syntax.Message}";
            return syntax.IsUnexpectedEnd ? $"{reason}; each record must be one JSON object on one line" : reason;
        }

        // The reader stopped at something the syntax allows: a rule of ours (its message is ours), or a limit.
        return exception.BytePositionInLine is { } column
            ? $"column {column + 1}: the JSON cannot be read here"
            : exception.Message;
    }
}
