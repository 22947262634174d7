using System.Runtime.CompilerServices;

namespace OmniGraph.Persistence;

/// <summary>
/// The empty state of a type (the provider contract requires a non-null state after a read of a missing record or
/// a clear): the parameterless constructor when there is one, else an uninitialized instance; <c>default</c> for
/// value types.
/// </summary>
/// <typeparam name="T">The state type.</typeparam>
internal static class StateFactory<T>
{
    private static readonly Func<T> s_create = Build();

    internal static T Create() => s_create();

    private static Func<T> Build()
    {
        var type = typeof(T);
        if (type.IsValueType)
        {
            return static () => default!;
        }

        if (type == typeof(string))
        {
            return static () => (T)(object)string.Empty;
        }

        if (type.IsAbstract || type.IsInterface)
        {
            return static () => throw new InvalidOperationException($"Grain state type {typeof(T)} is abstract; use a concrete class.");
        }

        return type.GetConstructor(Type.EmptyTypes) is not null
            ? static () => Activator.CreateInstance<T>()
            : static () => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
    }
}
