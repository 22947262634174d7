namespace OmniGraph.Storage;

/// <summary>A listing continuation token that this store did not issue (or that was altered).</summary>
public sealed class InvalidContinuationTokenException : ObjectStoreException
{
    public const string ErrorCode = "invalid_continuation_token";

    public InvalidContinuationTokenException(string prefix, string token)
        : base(ErrorCode, prefix, $"invalid continuation token '{token}' for listing prefix '{prefix}'")
    {
        Token = token;
    }

    /// <summary>The rejected token.</summary>
    public string Token { get; }
}
