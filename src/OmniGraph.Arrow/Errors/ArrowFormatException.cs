namespace OmniGraph.Arrow;

/// <summary>
/// Raised for every Arrow IPC input that cannot be read faithfully: malformed or truncated bytes
/// (<see cref="ArrowErrorCodes.InvalidFile"/>), a failed integrity checksum
/// (<see cref="ArrowErrorCodes.ChecksumMismatch"/>) or a feature outside the supported subset
/// (<see cref="ArrowErrorCodes.Unsupported"/>). The reader never returns partially decoded or guessed data.
/// </summary>
public sealed class ArrowFormatException : OmniGraphException
{
    public ArrowFormatException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
