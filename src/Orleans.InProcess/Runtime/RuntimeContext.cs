namespace Orleans.Runtime;

/// <summary>
/// The activation whose turn is running on the current thread. Set by the runtime around every turn and around
/// grain construction (which is how the parameterless <see cref="Grain"/> constructor finds its context); <c>null</c>
/// anywhere else, including code that escaped the activation with <c>Task.Run</c> or <c>ConfigureAwait(false)</c>.
/// </summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? s_current;

    /// <summary>The current activation, or <c>null</c> outside grain turns.</summary>
    public static IGrainContext? Current => s_current;

    internal static IGrainContext? Enter(IGrainContext context)
    {
        var previous = s_current;
        s_current = context;
        return previous;
    }

    internal static void Exit(IGrainContext? previous) => s_current = previous;
}
