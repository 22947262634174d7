using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace OmniGraph.Search;

/// <summary>
/// The analyzers a text property can name (the schema's analyzer option; <see cref="DefaultName"/> when it names none).
/// One shared, thread-safe instance per name.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>english</c> (default): standard (UAX#29) tokenizer, English possessive removal, lowercase, English stop words, Porter stemmer.</item>
/// <item><c>english_snowball</c>: the same chain with the Snowball English (Porter2) stemmer.</item>
/// <item><c>standard</c>: standard tokenizer, lowercase, English stop words; no stemming.</item>
/// <item><c>simple</c>: letters only, lowercase; no stop words, no stemming.</item>
/// <item><c>whitespace</c>: split on whitespace, nothing else (case-sensitive).</item>
/// <item><c>german</c>, <c>french</c>, <c>spanish</c>, <c>italian</c>, <c>portuguese</c>, <c>dutch</c>, <c>russian</c>: Lucene's analyzer
/// for that language (its stop words and stemmer).</item>
/// </list>
/// </remarks>
public static class TextAnalyzers
{
    /// <summary>The analyzer of a text property that names none.</summary>
    public const string DefaultName = "english";

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly FrozenDictionary<string, Lazy<TextAnalyzer>> s_registry = new Dictionary<string, Func<Analyzer>>(StringComparer.Ordinal)
    {
        [DefaultName] = static () => new EnglishAnalyzer(Version),
        ["english_snowball"] = static () => Analyzer.NewAnonymous(static (_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new SnowballFilter(stream, new EnglishStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        }),
        ["standard"] = static () => new StandardAnalyzer(Version),
        ["simple"] = static () => new SimpleAnalyzer(Version),
        ["whitespace"] = static () => new WhitespaceAnalyzer(Version),
        ["german"] = static () => new Lucene.Net.Analysis.De.GermanAnalyzer(Version),
        ["french"] = static () => new Lucene.Net.Analysis.Fr.FrenchAnalyzer(Version),
        ["spanish"] = static () => new Lucene.Net.Analysis.Es.SpanishAnalyzer(Version),
        ["italian"] = static () => new Lucene.Net.Analysis.It.ItalianAnalyzer(Version),
        ["portuguese"] = static () => new Lucene.Net.Analysis.Pt.PortugueseAnalyzer(Version),
        ["dutch"] = static () => new Lucene.Net.Analysis.Nl.DutchAnalyzer(Version),
        ["russian"] = static () => new Lucene.Net.Analysis.Ru.RussianAnalyzer(Version),
    }.ToFrozenDictionary(
        static entry => entry.Key,
        static entry => new Lazy<TextAnalyzer>(() => new TextAnalyzer(entry.Key, entry.Value()), LazyThreadSafetyMode.ExecutionAndPublication),
        StringComparer.Ordinal);

    /// <summary>Every analyzer name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_registry.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The default analyzer (<see cref="DefaultName"/>).</summary>
    public static TextAnalyzer Default => Get(DefaultName);

    /// <summary>The analyzer called <paramref name="name"/>.</summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.AnalyzerUnknown"/>: no analyzer has that name.</exception>
    public static TextAnalyzer Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!s_registry.TryGetValue(name, out var analyzer))
        {
            SearchThrow.Error(SearchErrorCodes.AnalyzerUnknown, $"No text analyzer is called '{ErrorText.Quote(name)}'; known analyzers: {string.Join(", ", Names)}.");
        }

        return analyzer.Value;
    }
}
