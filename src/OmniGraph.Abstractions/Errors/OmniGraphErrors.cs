namespace OmniGraph.Engine;

/// <summary>Helpers for the errors OmniGraph reports through the grain runtime.</summary>
public static class OmniGraphErrors
{
    /// <summary>
    /// The OmniGraph error an exception stands for. Orleans reports a storage provider failure (a grain's state that
    /// cannot be read, for example a damaged table head record) as an <see cref="OrleansException"/> wrapping it: the
    /// typed error inside is what happened, and what a caller should see and catch. Anything else is returned as is.
    /// </summary>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var current = exception;
        while (current is OrleansException { InnerException: { } inner })
        {
            current = inner;
        }

        return current is OmniGraphException ? current : exception;
    }
}
