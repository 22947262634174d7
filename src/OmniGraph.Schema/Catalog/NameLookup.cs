using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OmniGraph.Schema;

/// <summary>
/// A frozen map from names to schema objects that answers for a <see cref="string"/>, a span of chars, or a UTF-8
/// span straight from JSON input — the last two without allocating for names of up to 256 characters. Optionally a
/// second, case-insensitive match is tried when the exact one fails (edge names, which traversals and JSONL may spell
/// in any case).
/// </summary>
internal sealed class NameLookup<T>
    where T : class
{
    private const int StackTranscodeLimit = 256;

    private readonly FrozenDictionary<string, T> _exact;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _exactSpan;
    private readonly FrozenDictionary<string, T>? _folded;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _foldedSpan;

    /// <param name="values">The objects; their names must be distinct (and distinct after case folding when <paramref name="foldCase"/>).</param>
    /// <param name="nameOf">An object's name.</param>
    /// <param name="foldCase">Whether a case-insensitive match is tried after the exact one.</param>
    public NameLookup(IEnumerable<T> values, Func<T, string> nameOf, bool foldCase = false)
    {
        _exact = values.ToFrozenDictionary(nameOf, StringComparer.Ordinal);
        _exactSpan = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        if (foldCase)
        {
            _folded = _exact.Values.ToFrozenDictionary(nameOf, StringComparer.OrdinalIgnoreCase);
            _foldedSpan = _folded.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>The exact match only, whatever the folding setting.</summary>
    public bool TryGetExact(string name, [NotNullWhen(true)] out T? value) => _exact.TryGetValue(name, out value);

    /// <summary>The exact match, then (when folding) the case-insensitive one.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out T? value) =>
        _exact.TryGetValue(name, out value) || (_folded is not null && _folded.TryGetValue(name, out value));

    /// <summary>Span overload of <see cref="TryGet(string, out T?)"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> name, [NotNullWhen(true)] out T? value) =>
        _exactSpan.TryGetValue(name, out value) || (_folded is not null && _foldedSpan.TryGetValue(name, out value));

    /// <summary>UTF-8 overload of <see cref="TryGet(string, out T?)"/>.</summary>
    public bool TryGetUtf8(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out T? value)
    {
        if (utf8Name.Length <= StackTranscodeLimit)
        {
            Span<char> buffer = stackalloc char[StackTranscodeLimit];
            if (Encoding.UTF8.TryGetChars(utf8Name, buffer, out var written))
            {
                return TryGet(buffer[..written], out value);
            }
        }

        return TryGet(Encoding.UTF8.GetString(utf8Name), out value);
    }
}
