namespace OmniGraph.Search;

/// <summary>Receives the tokens of analyzed text in order, without a string per token.</summary>
public interface ITokenSink
{
    /// <summary>One token: its normalized term (valid only during the call) and its position.</summary>
    void OnToken(ReadOnlySpan<char> term, int position);
}
