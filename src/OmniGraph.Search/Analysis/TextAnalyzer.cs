using System.Buffers;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace OmniGraph.Search;

/// <summary>
/// Turns text into normalized terms with positions: a named chain of Lucene.Net analysis components (tokenizer,
/// lowercasing, stop words, stemming; see <see cref="TextAnalyzers"/>). Lucene types stay inside this class: the engine
/// sees terms and positions only. Thread-safe (Lucene reuses one token stream per thread).
/// </summary>
public sealed class TextAnalyzer
{
    // Lucene keys reused components by field name; every analyzer here treats all fields alike.
    private const string FieldName = "f";

    private readonly Analyzer _analyzer;

    internal TextAnalyzer(string name, Analyzer analyzer)
    {
        Name = name;
        _analyzer = analyzer;
    }

    /// <summary>The registered name (for example <c>english</c>); indexes record it so a query is analyzed the same way.</summary>
    public string Name { get; }

    /// <summary>Analyzes <paramref name="text"/> into terms with positions.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink();
        Analyze(text.AsSpan(), sink);
        return sink.Tokens;
    }

    /// <summary>Analyzes <paramref name="text"/>, handing each token to <paramref name="sink"/>.</summary>
    public void Analyze(ReadOnlySpan<char> text, ITokenSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 16));
        try
        {
            text.CopyTo(buffer);
            Analyze(buffer, text.Length, sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Analyzes UTF-8 text (a row of a <see cref="OmniGraph.Arrow.Utf8Column"/>) without making a string.</summary>
    public void AnalyzeUtf8(ReadOnlySpan<byte> utf8, ITokenSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxCharCount(utf8.Length), 16));
        try
        {
            var length = Encoding.UTF8.GetChars(utf8, buffer);
            Analyze(buffer, length, sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private void Analyze(char[] buffer, int length, ITokenSink sink)
    {
        var reader = new CharBufferReader();
        reader.Reset(buffer, length);
        using var stream = _analyzer.GetTokenStream(FieldName, reader);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            sink.OnToken(term.Buffer.AsSpan(0, term.Length), position);
        }

        stream.End();
    }

    private sealed class ListSink : ITokenSink
    {
        public List<AnalyzedToken> Tokens { get; } = [];

        public void OnToken(ReadOnlySpan<char> term, int position) => Tokens.Add(new AnalyzedToken(term.ToString(), position));
    }
}
