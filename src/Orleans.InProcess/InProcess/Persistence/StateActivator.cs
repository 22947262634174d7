using System.Runtime.CompilerServices;

namespace Orleans.InProcess.Persistence;

/// <summary>
/// Creates the initial (empty) value of a state type: its parameterless constructor when it has one, an
/// uninitialized instance otherwise (like Orleans' activator for types without one), <c>default</c> for value types.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
internal static class StateActivator<TState>
{
    private static readonly Func<TState> s_create = Build();

    /// <summary>A new, non-null empty state (for reference types).</summary>
    internal static TState Create() => s_create();

    private static Func<TState> Build()
    {
        var type = typeof(TState);
        if (type.IsValueType)
        {
            return static () => default!;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            return static () => throw new InvalidOperationException($"State type {typeof(TState)} is abstract; persistent state needs a concrete class.");
        }

        if (type == typeof(string))
        {
            return static () => (TState)(object)string.Empty;
        }

        if (type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return static () => Activator.CreateInstance<TState>();
        }

        return static () => (TState)RuntimeHelpers.GetUninitializedObject(typeof(TState));
    }
}
