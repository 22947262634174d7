using OmniGraph.Query.Parameters;

namespace OmniGraph.Query.Functions;

/// <summary>What kernels may read besides their arguments: the facts fixed for one execution.</summary>
/// <param name="nowMilliseconds">The execution's timestamp (UTC milliseconds since the epoch).</param>
public sealed class FunctionContext(long nowMilliseconds)
{
    /// <summary>The execution's timestamp: <c>now()</c>, the same for every call of one execution.</summary>
    public long NowMilliseconds { get; } = nowMilliseconds;

    /// <summary>The context of an execution with these bound parameter values (their <c>now</c>).</summary>
    public static FunctionContext Of(QueryParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FunctionContext(values.NowMilliseconds);
    }
}
