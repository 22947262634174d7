using System.Collections.Concurrent;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// Counts the grain calls a silo receives, by interface and method: an incoming grain call filter for budget tests
/// (<c>silo.AddIncomingGrainCallFilter(counter)</c>).
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceName}.{context.MethodName}", 1, static (_, n) => n + 1);
        await context.Invoke();
    }

    /// <summary>Forgets every call counted so far.</summary>
    public void Reset() => _calls.Clear();

    /// <summary>The calls counted since the last <see cref="Reset"/>, keyed <c>Interface.Method</c>.</summary>
    public Dictionary<string, int> Snapshot() => new(_calls, StringComparer.Ordinal);
}
