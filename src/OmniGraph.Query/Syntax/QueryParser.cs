using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>
/// Hand-written recursive-descent parser for <c>.gq</c> text (languages.md §2.1–§2.8). Produces a
/// <see cref="QueryDocumentSyntax"/> with source positions; names and types are resolved later by the type checker.
/// </summary>
/// <remarks>
/// The only recursive productions are <c>not { … }</c> blocks and function-call arguments; both count their depth
/// against <see cref="QueryParserLimits.MaxNestingDepth"/>, so no input can exhaust the stack. The whole text is
/// tokenized first, which gives the parser the bounded look-ahead it needs to tell a traversal
/// (<c>$a knows $b</c>) from a filter (<c>$a.x &lt; $b</c>). Every failure is a <see cref="QueryException"/> with
/// code <c>query_parse_error</c> and a message <c>parse error: line L, column C: expected …, found …</c>.
/// </remarks>
internal sealed partial class QueryParser
{
    private readonly List<QueryToken> _tokens;
    private readonly QueryParserLimits _limits;
    private int _index;

    private QueryParser(List<QueryToken> tokens, QueryParserLimits limits)
    {
        _tokens = tokens;
        _limits = limits;
    }

    private QueryToken Current => _tokens[_index];

    /// <summary>Parses query source text.</summary>
    /// <exception cref="QueryException">The text is not well formed (code <c>query_parse_error</c>).</exception>
    public static QueryDocumentSyntax Parse(string source, QueryParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > limits.MaxSourceLength)
        {
            QueryThrow.Parse(SourcePosition.None, $"query source is too long ({source.Length} characters; the limit is {limits.MaxSourceLength})");
        }

        return new QueryParser(QueryLexer.Tokenize(source), limits).ParseDocument();
    }

    private QueryDocumentSyntax ParseDocument()
    {
        var queries = ImmutableArray.CreateBuilder<QueryDeclarationSyntax>();
        while (!Current.Is(QueryTokenKind.EndOfInput))
        {
            queries.Add(ParseQueryDeclaration());
        }

        return new QueryDocumentSyntax(queries.DrainToImmutable());
    }

    private QueryToken Peek(int ahead)
    {
        var index = _index + ahead;
        return index < _tokens.Count ? _tokens[index] : _tokens[^1];
    }

    private QueryToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private QueryToken Expect(QueryTokenKind kind, string expected)
    {
        if (!Current.Is(kind))
        {
            Fail(expected);
        }

        return Advance();
    }

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            Fail($"'{word}'");
        }

        Advance();
    }

    private bool TryAccept(QueryTokenKind kind)
    {
        if (!Current.Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private NameSyntax ExpectIdentifier(string what)
    {
        if (!Current.Is(QueryTokenKind.Identifier))
        {
            Fail($"{what} (starting with a lowercase letter or '_')");
        }

        var token = Advance();
        return new NameSyntax(token.Text, token.Position);
    }

    private void EnterNesting(SourcePosition position, int depth)
    {
        if (depth > _limits.MaxNestingDepth)
        {
            QueryThrow.Parse(position, $"nesting is too deep (more than {_limits.MaxNestingDepth} levels)");
        }
    }

    [DoesNotReturn]
    private void Fail(string expected) => QueryThrow.Parse(Current.Position, $"expected {expected}, found {Current.Describe()}");

    [DoesNotReturn]
    private T Fail<T>(string expected) => QueryThrow.Parse<T>(Current.Position, $"expected {expected}, found {Current.Describe()}");

    [DoesNotReturn]
    private static void Fail(SourcePosition position, string reason) => QueryThrow.Parse(position, reason);
}
