using System.Text;
using System.Text.RegularExpressions;

namespace OmniGraph.Testing.Fuzz;

/// <summary>
/// Seeded damage to source text for mutation fuzzing: token-level edits (a language's token pattern splits the text so
/// the pieces re-join to the original) and character-level ones. Every draw comes from the one <see cref="Random"/>
/// given, in a fixed order, so a seed always yields the same mutants.
/// </summary>
public sealed class TextMutator
{
    private readonly Random _random;
    private readonly Regex _tokenPattern;
    private readonly string[] _vocabulary;

    /// <param name="random">The seeded source of every choice (shared with the caller, who may draw from it too).</param>
    /// <param name="tokenPattern">Matches every piece of a text, whitespace included, so the matches concatenate back to it.</param>
    /// <param name="vocabulary">The words that insertions and replacements draw from.</param>
    public TextMutator(Random random, Regex tokenPattern, IReadOnlyCollection<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(tokenPattern);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count == 0)
        {
            throw new ArgumentException("the vocabulary is empty", nameof(vocabulary));
        }

        _random = random;
        _tokenPattern = tokenPattern;
        _vocabulary = [.. vocabulary];
    }

    /// <summary>The pieces of <paramref name="source"/>, in order.</summary>
    public List<string> Tokens(string source) => [.. _tokenPattern.Matches(source).Select(static m => m.Value)];

    /// <summary>A random vocabulary word.</summary>
    public string Word() => _vocabulary[_random.Next(_vocabulary.Length)];

    /// <summary>Removes 1 to <paramref name="maxCount"/> random tokens.</summary>
    public string DeleteTokens(string source, int maxCount = 3)
    {
        var tokens = Tokens(source);
        for (var n = EditCount(maxCount); n > 0 && tokens.Count > 0; n--)
        {
            tokens.RemoveAt(_random.Next(tokens.Count));
        }

        return string.Concat(tokens);
    }

    /// <summary>Inserts 1 to <paramref name="maxCount"/> vocabulary words at random token boundaries.</summary>
    public string InsertTokens(string source, TokenSpacing spacing, int maxCount = 3)
    {
        var tokens = Tokens(source);
        for (var n = EditCount(maxCount); n > 0; n--)
        {
            var at = _random.Next(tokens.Count + 1);
            var word = Word();
            var spaced = spacing == TokenSpacing.Spaced || _random.Next(2) == 1;
            tokens.Insert(at, spaced ? " " + word + " " : word);
        }

        return string.Concat(tokens);
    }

    /// <summary>Replaces 1 to <paramref name="maxCount"/> random tokens with vocabulary words.</summary>
    public string ReplaceTokens(string source, int maxCount)
    {
        var tokens = Tokens(source);
        for (var n = EditCount(maxCount); n > 0 && tokens.Count > 0; n--)
        {
            var at = _random.Next(tokens.Count);
            tokens[at] = Word();
        }

        return string.Concat(tokens);
    }

    /// <summary>Swaps two random tokens (possibly a token with itself).</summary>
    public string SwapTokens(string source)
    {
        var tokens = Tokens(source);
        if (tokens.Count > 1)
        {
            var a = _random.Next(tokens.Count);
            var b = _random.Next(tokens.Count);
            (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        }

        return string.Concat(tokens);
    }

    /// <summary>Cuts the text at a random point (anywhere from empty to whole).</summary>
    public string Truncate(string source) => source[.._random.Next(source.Length + 1)];

    /// <summary>Copies a random span of up to 200 characters to a random position.</summary>
    public string DuplicateSpan(string source)
    {
        var start = _random.Next(source.Length);
        var length = _random.Next(Math.Min(200, source.Length - start) + 1);
        var at = _random.Next(source.Length + 1);
        return source.Insert(at, source.Substring(start, length));
    }

    /// <summary>Overwrites 1 to <paramref name="maxCount"/> random characters with characters drawn by <paramref name="character"/>.</summary>
    public string ReplaceCharacters(string source, Func<Random, char> character, int maxCount = 4)
    {
        ArgumentNullException.ThrowIfNull(character);
        var text = new StringBuilder(source);
        for (var n = EditCount(maxCount); n > 0 && text.Length > 0; n--)
        {
            var at = _random.Next(text.Length);
            text[at] = character(_random);
        }

        return text.ToString();
    }

    /// <summary>How many edits to make: 1 to <paramref name="maxCount"/>; exactly one takes no draw (there is nothing to choose).</summary>
    private int EditCount(int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return maxCount == 1 ? 1 : _random.Next(1, maxCount + 1);
    }
}
