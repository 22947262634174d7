namespace Orleans.Runtime;

/// <summary>
/// A timer owned by one activation. Ticks run on the activation's scheduler, never overlap themselves and die
/// with the activation. Dispose to stop it.
/// </summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick runs and the period after it, like <see cref="Timer.Change(TimeSpan, TimeSpan)"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
