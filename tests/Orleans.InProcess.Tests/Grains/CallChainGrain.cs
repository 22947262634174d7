namespace Orleans.InProcess.Tests.Grains;

/// <summary>Calls another grain that calls back, to build call chains and cycles.</summary>
public interface ICallChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="targets"/>[0], which calls the rest in turn; returns the keys visited.</summary>
    Task<string> Chain(string[] targets);

    /// <summary>Calls a throwing grain and lets its exception escape.</summary>
    Task ForwardFailure(string throwingKey, string message, int code);
}

public sealed class CallChainGrain : Grain, ICallChainGrain
{
    public async Task<string> Chain(string[] targets)
    {
        var me = this.GetPrimaryKeyString();
        if (targets.Length == 0)
        {
            return me;
        }

        var next = GrainFactory.GetGrain<ICallChainGrain>(targets[0]);
        return $"{me}>{await next.Chain(targets[1..])}";
    }

    public async Task ForwardFailure(string throwingKey, string message, int code)
        => await GrainFactory.GetGrain<IThrowingGrain>(throwingKey).ThrowAfterAwait(message, code);
}
